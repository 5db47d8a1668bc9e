-- Domain tables of customers and customer managers. The engine owns its ACT_* tables;
-- Flyway owns these. Portable between H2 and MySQL 8 / MariaDB 10.11.

create table customer_manager (
    id                 bigint       not null auto_increment primary key,
    employee_no        varchar(32)  not null,
    name               varchar(100) not null,
    user_id            varchar(64),
    branch             varchar(100) not null,
    region             varchar(16)  not null,
    grade              varchar(16)  not null,
    status             varchar(16)  not null,
    supervisor_user_id varchar(64),
    grade_since        date         not null,
    created_at         datetime(6)  not null,
    updated_at         datetime(6)  not null,
    version            bigint       not null,
    constraint uk_manager_employee_no unique (employee_no),
    constraint uk_manager_user_id unique (user_id)
);
-- One index per filter the managers query offers, each ending in id for the stable sort.
create index ix_manager_grade on customer_manager (grade, id);
create index ix_manager_status on customer_manager (status, id);
create index ix_manager_branch on customer_manager (branch, id);
create index ix_manager_region on customer_manager (region, id);
create index ix_manager_supervisor on customer_manager (supervisor_user_id, id);
create index ix_manager_name on customer_manager (name, id);
create index ix_manager_grade_since on customer_manager (grade_since, id);
create index ix_manager_created on customer_manager (created_at, id);

create table manager_grade_change (
    id                  bigint       not null auto_increment primary key,
    manager_id          bigint       not null,
    from_grade          varchar(16),
    to_grade            varchar(16)  not null,
    changed_at          datetime(6)  not null,
    reason              varchar(500) not null,
    process_instance_id varchar(64),
    decided_by          varchar(64),
    constraint fk_grade_change_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_grade_change_manager on manager_grade_change (manager_id, changed_at);

create table customer (
    id              bigint         not null auto_increment primary key,
    name            varchar(200)   not null,
    type            varchar(16)    not null,
    industry        varchar(32)    not null,
    region          varchar(16)    not null,
    employees       integer        not null,
    monthly_revenue decimal(15, 2) not null,
    tier            varchar(4)     not null,
    manager_id      bigint,
    created_at      datetime(6)    not null,
    updated_at      datetime(6)    not null,
    version         bigint         not null,
    constraint fk_customer_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_customer_tier on customer (tier, id);
create index ix_customer_region on customer (region, id);
create index ix_customer_type on customer (type, id);
create index ix_customer_manager on customer (manager_id, id);
create index ix_customer_name on customer (name, id);
create index ix_customer_revenue on customer (monthly_revenue, id);
create index ix_customer_created on customer (created_at, id);

create table customer_contact (
    customer_id bigint       not null,
    seq         integer      not null,
    name        varchar(100) not null,
    title       varchar(100),
    phone       varchar(32),
    email       varchar(254),
    primary key (customer_id, seq),
    constraint fk_contact_customer foreign key (customer_id) references customer (id)
);

create table customer_assignment (
    id          bigint       not null auto_increment primary key,
    customer_id bigint       not null,
    manager_id  bigint       not null,
    assigned_at datetime(6)  not null,
    assigned_by varchar(64)  not null,
    reason      varchar(500),
    ended_at    datetime(6),
    ended_by    varchar(64),
    end_reason  varchar(500),
    constraint fk_assignment_customer foreign key (customer_id) references customer (id),
    constraint fk_assignment_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_assignment_customer on customer_assignment (customer_id, assigned_at);
create index ix_assignment_manager on customer_assignment (manager_id, assigned_at);
