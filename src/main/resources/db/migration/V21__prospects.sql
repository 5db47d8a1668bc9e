-- Prospects (潜在客户 / 准客户): prospective customers a manager follows up until they are won (then an
-- ordinary customer) or lost, with their confidential contacts and every follow-up.
create table prospect (
    id                   bigint         not null auto_increment primary key,
    name                 varchar(200)   not null,
    customer_type        varchar(32)    not null,
    industry             varchar(32)    not null,
    region               varchar(16)    not null,
    employees            integer        not null,
    monthly_revenue      decimal(15, 2) not null,
    follow_up_class      varchar(1)     not null,
    manager_id           bigint         not null,
    deadline             datetime(6),
    state                varchar(16)    not null,
    result_reason        varchar(500),
    customer_id          bigint,
    extended             boolean        not null,
    registered_by        varchar(64)    not null,
    registered_at        datetime(6)    not null,
    closed_by            varchar(64),
    closed_at            datetime(6),
    process_instance_id  varchar(64),
    updated_at           datetime(6)    not null,
    version              bigint         not null,
    constraint fk_prospect_manager foreign key (manager_id) references customer_manager (id),
    constraint fk_prospect_customer foreign key (customer_id) references customer (id)
);
-- A manager's prospects by state and deadline; every state's (and the overdue ones: FOLLOWING past the deadline).
create index ix_prospect_manager on prospect (manager_id, state, deadline, id);
create index ix_prospect_state on prospect (state, deadline, id);
create index ix_prospect_customer on prospect (customer_id);

create table prospect_contact (
    prospect_id  bigint       not null,
    seq          integer      not null,
    name         varchar(100) not null,
    title        varchar(100),
    phone        varchar(32),
    email        varchar(254),
    primary key (prospect_id, seq),
    constraint fk_prospect_contact_of foreign key (prospect_id) references prospect (id)
);

create table prospect_follow_up (
    id            bigint        not null auto_increment primary key,
    prospect_id   bigint        not null,
    contacted_on  date          not null,
    notes         varchar(2000) not null,
    recorded_by   varchar(64)   not null,
    recorded_at   datetime(6)   not null,
    constraint fk_prospect_follow_up_of foreign key (prospect_id) references prospect (id)
);
create index ix_prospect_follow_up on prospect_follow_up (prospect_id, contacted_on, id);
