-- Leave periods of managers (产假 maternity, 病假 sick, 事假 personal), recorded by HR: the rule
-- "under two months of work in the period, no promotion or demotion review" reads them.
create table manager_leave (
    id           bigint       not null auto_increment primary key,
    manager_id   bigint       not null,
    kind         varchar(16)  not null,
    starts_on    date         not null,
    ends_on      date         not null,
    note         varchar(500),
    recorded_by  varchar(64)  not null,
    recorded_at  datetime(6)  not null,
    constraint fk_leave_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_leave_manager on manager_leave (manager_id, starts_on, id);
