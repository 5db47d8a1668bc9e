-- The annual promotion cycle (晋级 / 竞聘评审), per branch and performance year: the quota arithmetic
-- as it stood at opening, one review per graded manager of the branch (eligible, re-competing, to be
-- demoted, or why not reviewed), the panel's judges, each judge's score of each candidate, and every
-- amendment HR makes to the proposed list.
create table promotion_cycle (
    id                    bigint       not null auto_increment primary key,
    branch_id             bigint       not null,
    performance_year      integer      not null,
    state                 varchar(16)  not null,
    application_deadline  datetime(6)  not null,
    process_instance_id   varchar(64),
    opened_by             varchar(64)  not null,
    opened_at             datetime(6)  not null,
    panel_named_by        varchar(64),
    panel_closed_at       datetime(6),
    approved_by           varchar(64),
    published_at          datetime(6),
    updated_at            datetime(6)  not null,
    version               bigint       not null,
    constraint fk_cycle_branch foreign key (branch_id) references branch (id),
    -- Once a year per branch: a second cycle would review the same year twice.
    constraint uk_cycle_year unique (branch_id, performance_year)
);
create index ix_cycle_year on promotion_cycle (performance_year, id);
create index ix_cycle_state on promotion_cycle (state, id);

-- The quota of each target grade as computed at opening (docs/rules.md#promotion-quotas).
create table promotion_quota (
    id                bigint       not null auto_increment primary key,
    cycle_id          bigint       not null,
    grade             varchar(16)  not null,
    graded_count      integer      not null,
    share_percent     integer      not null,
    target            integer      not null,
    holders           integer      not null,
    recompeting       integer      not null,
    leaving_grade     integer      not null,
    places            integer      not null,
    hard_cap          boolean      not null,
    constraint fk_quota_cycle foreign key (cycle_id) references promotion_cycle (id),
    constraint uk_quota_grade unique (cycle_id, grade)
);

create table promotion_review (
    id                   bigint        not null auto_increment primary key,
    cycle_id             bigint        not null,
    manager_id           bigint        not null,
    grade                varchar(16)   not null,
    target_grade         varchar(16),
    review               varchar(16)   not null,
    reason               varchar(32)   not null,
    state                varchar(16)   not null,
    grade_since          date          not null,
    months_in_grade      integer       not null,
    worked_days          integer       not null,
    annual_score         decimal(6, 2),
    annual_top_percent   decimal(6, 2),
    statement            varchar(2000),
    applied_at           datetime(6),
    checked_by           varchar(64),
    rejection_reason     varchar(500),
    supervisor_score     decimal(6, 2),
    supervisor_by        varchar(64),
    presentation_score   decimal(6, 2),
    total_score          decimal(6, 2),
    race_rank            integer,
    proposed             boolean       not null,
    outcome              varchar(16),
    process_instance_id  varchar(64),
    updated_at           datetime(6)   not null,
    version              bigint        not null,
    constraint fk_review_cycle foreign key (cycle_id) references promotion_cycle (id),
    constraint fk_review_manager foreign key (manager_id) references customer_manager (id),
    constraint uk_review_manager unique (cycle_id, manager_id)
);
create index ix_review_manager on promotion_review (manager_id, id);
create index ix_review_cycle_state on promotion_review (cycle_id, state, id);
create index ix_review_cycle_review on promotion_review (cycle_id, review, id);
create index ix_review_race on promotion_review (cycle_id, target_grade, race_rank);
create index ix_review_process on promotion_review (process_instance_id);
create index ix_review_state on promotion_review (state, id);
create index ix_review_kind on promotion_review (review, id);

create table promotion_judge (
    id            bigint       not null auto_increment primary key,
    cycle_id      bigint       not null,
    judge_id      varchar(64)  not null,
    submitted_at  datetime(6),
    constraint fk_judge_cycle foreign key (cycle_id) references promotion_cycle (id),
    constraint uk_judge unique (cycle_id, judge_id)
);
create index ix_judge_user on promotion_judge (judge_id, cycle_id);

-- One score per judge and candidate (案例分析演讲), out of 100; a judge may change it until they submit.
create table promotion_score (
    id          bigint        not null auto_increment primary key,
    cycle_id    bigint        not null,
    review_id   bigint        not null,
    judge_id    varchar(64)   not null,
    score       decimal(5, 2) not null,
    scored_at   datetime(6)   not null,
    version     bigint        not null,
    constraint fk_score_review foreign key (review_id) references promotion_review (id),
    constraint uk_score unique (review_id, judge_id)
);
create index ix_score_judge on promotion_score (cycle_id, judge_id);

create table promotion_amendment (
    id             bigint       not null auto_increment primary key,
    cycle_id       bigint       not null,
    review_id      bigint       not null,
    proposed       boolean      not null,
    reason         varchar(500) not null,
    amended_by     varchar(64)  not null,
    amended_at     datetime(6)  not null,
    constraint fk_amendment_review foreign key (review_id) references promotion_review (id)
);
create index ix_amendment_cycle on promotion_amendment (cycle_id, id);
