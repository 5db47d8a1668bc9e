-- Assessment (考核): rounds that score every manager in scope, and their results.
-- A round keeps the scheme (the assessment-scheme decision's deployed definition) it opened with.
create table assessment_round (
    id                   bigint       not null auto_increment primary key,
    kind                 varchar(16)  not null,
    period_start         date         not null,
    period_end           date         not null,
    branch_id            bigint,
    scheme_definition_id varchar(64)  not null,
    state                varchar(16)  not null,
    manager_count        integer      not null,
    excluded_count       integer      not null,
    process_instance_id  varchar(64),
    opened_by            varchar(64)  not null,
    opened_at            datetime(6)  not null,
    published_by         varchar(64),
    published_at         datetime(6),
    objections_until     datetime(6),
    updated_at           datetime(6)  not null,
    version              bigint       not null,
    constraint fk_round_branch foreign key (branch_id) references branch (id)
);
create index ix_round_kind on assessment_round (kind, period_start, id);
create index ix_round_state on assessment_round (state, id);
create index ix_round_branch on assessment_round (branch_id, id);
-- One round of a kind per period and scope: a second one would score the same work twice.
create unique index uk_round_period on assessment_round (kind, period_start, period_end, branch_id);

-- One result per manager in scope: the parts as they come in, the score the scheme computes, the
-- rank within branch and grade once published. Excluded managers (by rule) keep a row with the reason.
create table assessment_result (
    id                    bigint        not null auto_increment primary key,
    round_id              bigint        not null,
    manager_id            bigint        not null,
    branch_id             bigint        not null,
    grade                 varchar(16)   not null,
    state                 varchar(16)   not null,
    exclusion_reason      varchar(32),
    process_instance_id   varchar(64),
    self_scores           varchar(400),
    self_entered_by       varchar(64),
    supervisor_scores     varchar(400),
    supervisor_entered_by varchar(64),
    performance_scores    varchar(400),
    performance_entered_by varchar(64),
    customer_ratings      varchar(400),
    customer_entered_by   varchar(64),
    complaint_deduction   decimal(6, 2) not null,
    performance_score     decimal(6, 2),
    behaviour_score       decimal(6, 2),
    ability_score         decimal(6, 2),
    total_score           decimal(6, 2),
    breakdown             varchar(2000),
    confirmed_by          varchar(64),
    confirmed_at          datetime(6),
    rank_in_group         integer,
    group_size            integer,
    top_percent           decimal(6, 2),
    objection_reason      varchar(500),
    objected_at           datetime(6),
    objection_outcome     varchar(16),
    objection_decided_by  varchar(64),
    updated_at            datetime(6)   not null,
    version               bigint        not null,
    constraint fk_result_round foreign key (round_id) references assessment_round (id),
    constraint fk_result_manager foreign key (manager_id) references customer_manager (id),
    constraint uk_result_manager unique (round_id, manager_id)
);
create index ix_result_manager on assessment_result (manager_id, id);
create index ix_result_round_state on assessment_result (round_id, state, id);
create index ix_result_ranking on assessment_result (round_id, branch_id, grade, total_score);
create index ix_result_process on assessment_result (process_instance_id);

-- Substantiated complaints against a manager, as the complaint handling reports them (an event);
-- those that fall in a round's period lower the behaviour score by the scheme's deduction.
create table assessment_complaint (
    id           bigint       not null auto_increment primary key,
    manager_id   bigint       not null,
    occurred_on  date         not null,
    reference    varchar(64)  not null,
    recorded_at  datetime(6)  not null,
    constraint fk_complaint_manager foreign key (manager_id) references customer_manager (id),
    constraint uk_complaint_reference unique (reference)
);
create index ix_complaint_manager on assessment_complaint (manager_id, occurred_on);
