-- The one part of the branch migration (V13, V13_2) whose syntax differs between H2 and MySQL:
-- the new branch references become required, and the index of the free-text column goes.
alter table customer_manager modify branch_id bigint not null;
alter table recruitment_application modify branch_id bigint not null;
drop index ix_manager_branch on customer_manager;
