-- The free-text branch columns are gone; managers and applications refer to a branch record (V13).
alter table customer_manager drop column branch;
alter table recruitment_application drop column branch;
alter table customer_manager add constraint fk_manager_branch foreign key (branch_id) references branch (id);
alter table recruitment_application add constraint fk_application_branch foreign key (branch_id) references branch (id);
-- The managers filter by branch, and the branches' head counts per grade and status.
create index ix_manager_branch on customer_manager (branch_id, id);
create index ix_manager_branch_counts on customer_manager (branch_id, grade, status);
create index ix_application_branch on recruitment_application (branch_id, id);
