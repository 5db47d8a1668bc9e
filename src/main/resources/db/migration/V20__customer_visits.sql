-- Customer visits (拜访 / 走访), docs/rules.md#customer-visits: what a manager planned and what they
-- logged, with the follow-ups they agreed. A logged visit is never changed; a correction is a new visit.
create table customer_visit (
    id             bigint        not null auto_increment primary key,
    customer_id    bigint        not null,
    -- The customer's manager when the visit was planned or logged (none for an unassigned customer).
    manager_id     bigint,
    kind           varchar(16)   not null,
    status         varchar(16)   not null,
    purpose        varchar(500)  not null,
    planned_on     date,
    visited_on     date,
    -- The day the list sorts and filters by: the visit's day once logged, the planned day until then.
    visit_on       date          not null,
    notes          varchar(2000),
    planned_by     varchar(64),
    planned_at     datetime(6),
    logged_by      varchar(64),
    logged_at      datetime(6),
    version        bigint        not null,
    constraint fk_visit_customer foreign key (customer_id) references customer (id),
    constraint fk_visit_manager foreign key (manager_id) references customer_manager (id)
);
-- One index per filter of the customerVisits query (customer, manager, period), each in the list's
-- order (newest day first); the manager's one also counts their logged visits of a period (visitsOf).
create index ix_visit_customer on customer_visit (customer_id, visit_on, id);
create index ix_visit_manager on customer_visit (manager_id, status, visit_on, id);
create index ix_visit_day on customer_visit (visit_on, id);

-- The follow-ups agreed at a visit, in the order entered.
create table customer_visit_follow_up (
    visit_id  bigint        not null,
    seq       integer       not null,
    action    varchar(500)  not null,
    due_on    date          not null,
    primary key (visit_id, seq),
    constraint fk_visit_follow_up_visit foreign key (visit_id) references customer_visit (id)
);

-- Per customer: the last logged visit, when the next one is due (the last visit, else the current
-- assignment, plus the months of the visit-frequency table for the tier), and the due date a reminder
-- was started for, so the daily sweep reminds once per due date. Kept by the service when a visit is
-- logged, the tier changes or the customer is assigned.
create table customer_visit_state (
    customer_id     bigint  not null primary key,
    manager_id      bigint,
    -- The day of the current assignment: what a never visited customer's due date counts from.
    assigned_on     date,
    last_visit_on   date,
    next_visit_due  date,
    reminded_for    date,
    version         bigint  not null,
    constraint fk_visit_state_customer foreign key (customer_id) references customer (id),
    constraint fk_visit_state_manager foreign key (manager_id) references customer_manager (id)
);
-- The sweep's and the overdue counts' range scans: overdue customers, and those of some managers.
create index ix_visit_state_due on customer_visit_state (next_visit_due);
create index ix_visit_state_manager on customer_visit_state (manager_id, next_visit_due);

-- The customers assigned before visits were recorded: due from their current assignment with the
-- table's default months (A1/A2 3, B1/B2 6, C 12); a later edit of the table applies as they change.
insert into customer_visit_state (customer_id, manager_id, assigned_on, last_visit_on, next_visit_due, reminded_for, version)
select c.id, c.manager_id, cast(a.assigned_at as date), null,
       timestampadd(MONTH, case c.tier when 'A1' then 3 when 'A2' then 3 when 'B1' then 6 when 'B2' then 6 else 12 end,
                    cast(a.assigned_at as date)),
       null, 0
from customer c join customer_assignment a on a.customer_id = c.id and a.ended_at is null
where c.manager_id is not null;
