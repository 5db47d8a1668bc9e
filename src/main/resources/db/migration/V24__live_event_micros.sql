-- The moment of a live event to the microsecond. On MySQL the engine needs sendFractionalSeconds=false on the
-- connection (application-mysql.yml), so occurred_at is stored to the second there: a client could not tell how
-- long after the change an event came, nor order two events of one second by time. occurred_micros (microseconds
-- since 1970-01-01 UTC) is exact on every database; occurred_at stays for the retention's cleanup (its index).
-- Rows written without it (by a node not yet upgraded) fall back to occurred_at.
alter table live_event add column occurred_micros bigint;
