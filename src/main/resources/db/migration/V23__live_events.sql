-- The live inbox's outbox (README "Live inbox"): one row per change of a task, an incident or a case end,
-- written in the transaction of the change, so a rolled-back change leaves none. Every node polls the rows
-- past the last id it has seen and tells its own subscribers; rows are deleted after cms.live.retention.
create table live_event (
    id                   bigint        not null auto_increment primary key,
    kind                 varchar(24)   not null,
    process_instance_id  varchar(64),
    task_id              varchar(64),
    step                 varchar(255),
    name                 varchar(255),
    assignee             varchar(64),
    priority             integer,
    due_at               datetime(6),
    incident_id          varchar(64),
    occurred_at          datetime(6)   not null
);
-- The cleanup's range: the newest row older than the retention.
create index ix_live_event_time on live_event (occurred_at);
