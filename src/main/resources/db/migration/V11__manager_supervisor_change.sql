-- Who supervised a manager, and since when: every change of supervisor with its reason, the process
-- that decided it (if any) and who decided, written by the manager module beside the grade and status
-- histories. Existing managers with a supervisor get it as their first entry.
create table manager_supervisor_change (
    id                  bigint       not null auto_increment primary key,
    manager_id          bigint       not null,
    from_supervisor     varchar(64),
    to_supervisor       varchar(64),
    changed_at          datetime(6)  not null,
    reason              varchar(500) not null,
    process_instance_id varchar(64),
    decided_by          varchar(64),
    constraint fk_supervisor_change_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_supervisor_change_manager on manager_supervisor_change (manager_id, changed_at, id);

insert into manager_supervisor_change (manager_id, from_supervisor, to_supervisor, changed_at, reason, process_instance_id, decided_by)
select id, null, supervisor_user_id, created_at, 'REGISTERED', null, null
  from customer_manager where supervisor_user_id is not null;
