-- A counter per login, raised in the same transaction as every change of the login's roles or
-- password made through the service. Every node compares it with the version of the login it
-- remembers (security/LoginCache), so a change made on one node holds on all of them at the next
-- request. A login without a row is at version 0.
create table login_version (
    user_id  varchar(64) not null primary key,
    version  bigint      not null
);
