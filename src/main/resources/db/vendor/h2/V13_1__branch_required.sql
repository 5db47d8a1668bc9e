-- The one part of the branch migration (V13, V13_2) whose syntax differs between H2 and MySQL:
-- the new branch references become required, and the index of the free-text column goes.
alter table customer_manager alter column branch_id set not null;
alter table recruitment_application alter column branch_id set not null;
drop index ix_manager_branch;
