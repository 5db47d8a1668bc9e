-- Reassignment cases (docs/rules.md#customer-reassignment): customers a manager may no longer own
-- (after a demotion; later causes: leaving, over capacity, a supervisor's decision, a tier change),
-- handed to other managers through the supervisor's task, each move recorded on its item.
create table customer_reassignment (
    id                           bigint       not null auto_increment primary key,
    manager_id                   bigint       not null,
    cause                        varchar(32)  not null,
    grade_before                 varchar(16),
    grade_after                  varchar(16),
    deciding_process_instance_id varchar(64),
    state                        varchar(16)  not null,
    created_at                   datetime(6)  not null,
    closed_at                    datetime(6),
    closed_by                    varchar(64),
    process_instance_id          varchar(64),
    version                      bigint       not null,
    constraint fk_reassignment_manager foreign key (manager_id) references customer_manager (id)
);
-- One index per filter the customerReassignments query offers (manager, state, both; a supervisor's
-- cases are those of the managers they supervise), each in the list's order, newest first.
create index ix_reassignment_manager on customer_reassignment (manager_id, state, created_at, id);
create index ix_reassignment_state on customer_reassignment (state, created_at, id);
create index ix_reassignment_created on customer_reassignment (created_at, id);

-- The customers of a case: the tier that made them leave, and where, when and by whom each was moved.
create table customer_reassignment_item (
    id                  bigint       not null auto_increment primary key,
    reassignment_id     bigint       not null,
    customer_id         bigint       not null,
    tier                varchar(8)   not null,
    moved_to_manager_id bigint,
    moved_at            datetime(6),
    moved_by            varchar(64),
    constraint fk_reassignment_item_case foreign key (reassignment_id) references customer_reassignment (id),
    constraint fk_reassignment_item_customer foreign key (customer_id) references customer (id),
    constraint fk_reassignment_item_moved_to foreign key (moved_to_manager_id) references customer_manager (id),
    constraint uk_reassignment_item unique (reassignment_id, customer_id)
);
-- Whether a customer is listed in an open case already (a second demotion lists only the others).
create index ix_reassignment_item_customer on customer_reassignment_item (customer_id, moved_at);
