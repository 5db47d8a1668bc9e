-- Branches (分公司 / 支行 / 营业部) as records: code, name, region, an optional parent (a branch may sit
-- under a regional company), an optional head (a SUPERVISOR), and the settings the rules let a branch
-- have (grade ratio targets with the SENIOR cap, customer capacities); a null setting takes the
-- configured default. Managers and applications refer to a branch by id from now on.
create table branch (
    id                      bigint       not null auto_increment primary key,
    code                    varchar(32)  not null,
    name                    varchar(100) not null,
    region                  varchar(16)  not null,
    parent_id               bigint,
    head_user_id            varchar(64),
    junior_target_pct       integer,
    intermediate_target_pct integer,
    senior_cap_pct          integer,
    urban_capacity          integer,
    rural_capacity          integer,
    created_at              datetime(6)  not null,
    updated_at              datetime(6)  not null,
    version                 bigint       not null,
    constraint uk_branch_code unique (code),
    constraint uk_branch_name unique (name),
    constraint fk_branch_parent foreign key (parent_id) references branch (id)
);
-- One index per filter the branches query offers, each ending in id for the stable sort.
create index ix_branch_parent on branch (parent_id, id);
create index ix_branch_region on branch (region, id);
create index ix_branch_head on branch (head_user_id, id);

-- Every free-text branch in use becomes a record, coded B1, B2, ... by name; its region is the
-- region most of its managers and applications gave (the smallest value on a tie).
insert into branch (code, name, region, created_at, updated_at, version)
select concat('B', row_number() over (order by name)), name, region, current_timestamp, current_timestamp, 0
  from (select name, min(region) as region
          from (select name, region, count(*) as uses,
                       max(count(*)) over (partition by name) as most
                  from (select branch as name, region from customer_manager
                        union all
                        select branch as name, region from recruitment_application) used
                 group by name, region) counted
         where uses = most
         group by name) chosen;

-- Every change of a manager's branch, like the other manager histories. Existing managers get their
-- branch as their first entry.
create table manager_branch_change (
    id                  bigint       not null auto_increment primary key,
    manager_id          bigint       not null,
    from_branch_id      bigint,
    to_branch_id        bigint       not null,
    changed_at          datetime(6)  not null,
    reason              varchar(500) not null,
    process_instance_id varchar(64),
    decided_by          varchar(64),
    constraint fk_branch_change_manager foreign key (manager_id) references customer_manager (id),
    constraint fk_branch_change_from foreign key (from_branch_id) references branch (id),
    constraint fk_branch_change_to foreign key (to_branch_id) references branch (id)
);
create index ix_branch_change_manager on manager_branch_change (manager_id, changed_at, id);

alter table customer_manager add column branch_id bigint;
update customer_manager set branch_id = (select b.id from branch b where b.name = customer_manager.branch);
alter table recruitment_application add column branch_id bigint;
update recruitment_application set branch_id = (select b.id from branch b where b.name = recruitment_application.branch);

insert into manager_branch_change (manager_id, from_branch_id, to_branch_id, changed_at, reason, process_instance_id, decided_by)
select id, null, branch_id, created_at, 'REGISTERED', null, null from customer_manager;

-- Every change made to a branch (name, region, parent, head, each setting), one row per changed
-- value, with who and why: promotion quotas follow from the settings, so an auditor must see them.
create table branch_change (
    id          bigint       not null auto_increment primary key,
    branch_id   bigint       not null,
    field       varchar(32)  not null,
    from_value  varchar(100),
    to_value    varchar(100),
    reason      varchar(500) not null,
    changed_by  varchar(64)  not null,
    changed_at  datetime(6)  not null,
    constraint fk_branch_change_branch foreign key (branch_id) references branch (id)
);
create index ix_branch_change_branch on branch_change (branch_id, id);
