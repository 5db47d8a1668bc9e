-- A manager's status history (ACTIVE, PROBATION, SUSPENDED, LEFT): every change with its reason,
-- the process that decided it and who decided, written by the manager module alone, like the grade
-- history beside it. Existing managers get their current status as the first entry.
create table manager_status_change (
    id                  bigint       not null auto_increment primary key,
    manager_id          bigint       not null,
    from_status         varchar(16),
    to_status           varchar(16)  not null,
    changed_at          datetime(6)  not null,
    reason              varchar(500) not null,
    process_instance_id varchar(64),
    decided_by          varchar(64),
    constraint fk_status_change_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_status_change_manager on manager_status_change (manager_id, changed_at, id);

insert into manager_status_change (manager_id, from_status, to_status, changed_at, reason, process_instance_id, decided_by)
select id, null, status, created_at, coalesce(status_reason, 'REGISTERED'), status_process_instance_id, null
  from customer_manager;
