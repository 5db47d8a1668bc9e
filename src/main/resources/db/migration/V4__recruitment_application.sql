-- Applications for the customer-manager sequence (招聘 / 选拔), reviewed by the recruitment-review process.
create table recruitment_application (
    id                   bigint        not null auto_increment primary key,
    candidate_user_id    varchar(64),
    name                 varchar(100)  not null,
    phone                varchar(32),
    email                varchar(254),
    origin               varchar(16)   not null,
    employee_no          varchar(32),
    education            varchar(16)   not null,
    years_of_experience  decimal(4, 1) not null,
    performance_summary  varchar(4000) not null,
    declares_ethics      boolean       not null,
    declares_no_bad_record boolean     not null,
    declares_healthy     boolean       not null,
    branch               varchar(100)  not null,
    region               varchar(16)   not null,
    state                varchar(16)   not null,
    ineligibility_reasons varchar(500),
    education_score      integer,
    experience_score     integer,
    performance_score    integer,
    written_score        integer,
    interview_score      decimal(5, 2),
    interview_count      integer,
    composite_score      decimal(5, 2),
    rejection_stage      varchar(32),
    rejection_reason     varchar(500),
    process_instance_id  varchar(64),
    manager_id           bigint,
    submitted_by         varchar(64)   not null,
    submitted_at         datetime(6)   not null,
    updated_at           datetime(6)   not null,
    version              bigint        not null,
    constraint fk_application_manager foreign key (manager_id) references customer_manager (id)
);
create index ix_application_state on recruitment_application (state, id);
create index ix_application_candidate on recruitment_application (candidate_user_id, id);
create index ix_application_submitted on recruitment_application (submitted_at, id);
create index ix_application_process on recruitment_application (process_instance_id);
