-- Every grant and revoke of a role (who, to whom, which role, when, why), read by the auditor. Roles
-- themselves are the engine's groups; this is their history, written in the same transaction.
create table role_change (
    id          bigint       not null auto_increment primary key,
    user_id     varchar(64)  not null,
    role        varchar(32)  not null,
    action      varchar(8)   not null,
    reason      varchar(500) not null,
    changed_by  varchar(64)  not null,
    changed_at  datetime(6)  not null
);
create index ix_role_change_user on role_change (user_id, id);
create index ix_role_change_at on role_change (changed_at, id);
