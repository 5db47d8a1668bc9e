-- Complaint handling (投诉处理): one row per complaint, with what the figures need kept as columns
-- (minutes to first response and to resolution, whether within the SLA, reopenings, satisfaction), and
-- every escalation and re-routing with its time.
create table complaint (
    id                        bigint        not null auto_increment primary key,
    customer_id               bigint,
    manager_id                bigint,
    responsible_manager_id    bigint,
    branch_id                 bigint,
    tier                      varchar(8),
    channel                   varchar(16)   not null,
    category                  varchar(32)   not null,
    severity                  varchar(16)   not null,
    description               varchar(2000) not null,
    complainant_name          varchar(100)  not null,
    complainant_contact       varchar(200)  not null,
    registered_by             varchar(64)   not null,
    registered_at             datetime(6)   not null,
    state                     varchar(16)   not null,
    queue_group               varchar(32),
    handler_user_id           varchar(64),
    sla_clock                 varchar(16),
    -- What the handler owes now: RESPONSE or RESOLUTION; null once resolved.
    awaiting                  varchar(16),
    first_response_due        datetime(6),
    resolution_due            datetime(6),
    first_response            varchar(2000),
    first_responded_at        datetime(6),
    first_responded_by        varchar(64),
    first_response_minutes    integer,
    responded_within_sla      boolean,
    escalation_level          integer       not null,
    finding                   varchar(16),
    root_cause                varchar(32),
    resolution                varchar(2000),
    apology                   boolean,
    compensation              decimal(12, 2),
    compensation_approved_by  varchar(64),
    resolved_at               datetime(6),
    resolved_by               varchar(64),
    resolution_minutes        integer,
    resolved_within_sla       boolean,
    reopen_count              integer       not null,
    satisfaction              integer,
    callback_comment          varchar(1000),
    called_back_by            varchar(64),
    closed_at                 datetime(6),
    close_reason              varchar(24),
    consequence               varchar(24),
    consequence_note          varchar(1000),
    process_instance_id       varchar(64),
    updated_at                datetime(6)   not null,
    version                   bigint        not null,
    constraint fk_complaint_of_customer foreign key (customer_id) references customer (id),
    constraint fk_complaint_about foreign key (manager_id) references customer_manager (id),
    constraint fk_complaint_responsible foreign key (responsible_manager_id) references customer_manager (id),
    constraint fk_complaint_of_branch foreign key (branch_id) references branch (id)
);
-- The queue: open complaints by urgency (the earlier of the due dates still running).
create index ix_cpl_queue on complaint (state, first_response_due, id);
create index ix_cpl_customer on complaint (customer_id, id);
create index ix_cpl_manager on complaint (manager_id, id);
create index ix_cpl_responsible on complaint (responsible_manager_id, id);
create index ix_cpl_level on complaint (escalation_level, state, id);
-- The figures: by period, and by branch, manager or tier within it.
create index ix_cpl_registered on complaint (registered_at, id);
create index ix_cpl_branch_period on complaint (branch_id, registered_at);
create index ix_cpl_manager_period on complaint (responsible_manager_id, registered_at);
create index ix_cpl_tier_period on complaint (tier, registered_at);
create index ix_cpl_process on complaint (process_instance_id);

create table complaint_escalation (
    id             bigint       not null auto_increment primary key,
    complaint_id   bigint       not null,
    level          integer      not null,
    kind           varchar(24)  not null,
    escalated_at   datetime(6)  not null,
    notified       varchar(300) not null,
    constraint fk_escalation_complaint foreign key (complaint_id) references complaint (id)
);
create index ix_escalation_complaint on complaint_escalation (complaint_id, id);

create table complaint_route (
    id             bigint       not null auto_increment primary key,
    complaint_id   bigint       not null,
    queue_group    varchar(32),
    handler_user_id varchar(64),
    reason         varchar(500) not null,
    routed_by      varchar(64)  not null,
    routed_at      datetime(6)  not null,
    constraint fk_route_complaint foreign key (complaint_id) references complaint (id)
);
create index ix_route_complaint on complaint_route (complaint_id, id);
