-- A login may be disabled (and enabled again) through the API: it then cannot sign in, with a
-- password or a token, and is left out of pickers and panels; its history stays. The flag lives
-- beside the login's version, which every request already reads, and each change is kept.
alter table login_version add column disabled boolean default false not null;

create table login_status_change (
    id          bigint       not null auto_increment primary key,
    user_id     varchar(64)  not null,
    enabled     boolean      not null,
    reason      varchar(500) not null,
    changed_by  varchar(64)  not null,
    changed_at  datetime(6)  not null
);
create index ix_login_status_user on login_status_change (user_id, id);
