-- Grades sort by the ladder (TRAINEE < JUNIOR < INTERMEDIATE < SENIOR), not alphabetically:
-- the rank is stored beside the grade code and indexed for the managers query's GRADE sort.
alter table customer_manager add column grade_rank integer not null default 0;
update customer_manager set grade_rank = case grade
    when 'TRAINEE' then 0 when 'JUNIOR' then 1 when 'INTERMEDIATE' then 2 when 'SENIOR' then 3 else 0 end;
create index ix_manager_grade_rank on customer_manager (grade_rank, id);
