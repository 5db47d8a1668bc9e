-- Personnel decisions (人事决定): misconduct reports, exit reviews and exceptional promotions, each
-- decided in a process of its own; the effect on the manager is in the manager's history.
create table personnel_case (
    id                  bigint        not null auto_increment primary key,
    kind                varchar(32)   not null,
    manager_id          bigint        not null,
    -- Misconduct: the category (VIOLATION, LOSS, FRAUD, PUBLIC_EXPOSURE); exit review: the cause.
    cause               varchar(32),
    occurred_on         date,
    -- Misconduct: what happened; exceptional promotion: why.
    description         varchar(2000),
    target_grade        varchar(16),
    -- What found an exit review due, e.g. ROUND-7 or CYCLE-12.
    reference           varchar(64),
    reported_by         varchar(64),
    reported_at         datetime(6)   not null,
    state               varchar(16)   not null,
    outcome             varchar(16),
    approved_by         varchar(64),
    approved_at         datetime(6),
    decided_by          varchar(64),
    decided_at          datetime(6),
    decision_reason     varchar(500),
    process_instance_id varchar(64),
    version             bigint        not null,
    constraint fk_personnel_manager foreign key (manager_id) references customer_manager (id)
);
-- One index per filter of the personnelCases query (newest first).
create index ix_personnel_manager on personnel_case (manager_id, id);
create index ix_personnel_kind on personnel_case (kind, state, id);
create index ix_personnel_state on personnel_case (state, id);
create index ix_personnel_process on personnel_case (process_instance_id);
