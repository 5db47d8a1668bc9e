-- Why a manager has their current status (e.g. DISMISSED or TRANSFERRED when they left after
-- probation), since when, and which process decided it.
alter table customer_manager add column status_reason varchar(500);
alter table customer_manager add column status_since date;
alter table customer_manager add column status_process_instance_id varchar(64);
