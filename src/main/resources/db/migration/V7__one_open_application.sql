-- One open application per candidate, held by the database: open_candidate carries the candidate's
-- login while the application is SUBMITTED or IN_REVIEW and is cleared when it closes (INELIGIBLE,
-- REJECTED, HIRED). A unique index admits any number of NULLs, so closed applications never collide;
-- two simultaneous submissions for one candidate cannot both insert.
alter table recruitment_application add column open_candidate varchar(64);

-- Existing open applications: the newest per candidate holds the slot (older duplicates, if any,
-- stay open but hold no slot).
update recruitment_application set open_candidate = candidate_user_id
 where id in (select id from (select max(id) as id from recruitment_application
                              where candidate_user_id is not null and state in ('SUBMITTED', 'IN_REVIEW')
                              group by candidate_user_id) newest);

create unique index uk_application_open_candidate on recruitment_application (open_candidate);
