-- People and logins of a company going live.
-- How a login signs in (PASSWORD, or TOKEN: only with a bearer token from the identity provider) and
-- whether it must change its password before doing anything else (set by createUser and by an
-- administrator's reset, cleared by changeMyPassword). Both live beside the login's version, which
-- every request reads anyway (security/LoginVersions), so enforcing them costs no extra statement.
alter table login_version add column sign_in varchar(8) default 'PASSWORD' not null;
alter table login_version add column password_change_required boolean default false not null;

-- A person's profile beyond the engine's user columns (name, e-mail): phone and branch. The branch
-- is a reference to the branch module's records, checked through security/BranchDirectory.
create table person_profile (
    user_id    varchar(64) not null primary key,
    phone      varchar(32),
    branch_id  bigint
);
-- The people picker's branch filter (people(filter: {branchId})).
create index ix_person_profile_branch on person_profile (branch_id, user_id);

-- Every reset of a login's password by an administrator (who, whose, when, why); the password
-- itself is the engine's salted hash.
create table password_reset (
    id          bigint       not null auto_increment primary key,
    user_id     varchar(64)  not null,
    reason      varchar(500) not null,
    changed_by  varchar(64)  not null,
    changed_at  datetime(6)  not null
);
create index ix_password_reset_user on password_reset (user_id, id);
