-- Import jobs that survive a crash and several replicas (issue 8, findings 3, 5 and 6).
-- owner: the instance (process) running or queueing the job; heartbeat_at: refreshed by that instance
-- while the job is open. A job whose heartbeat is older than spm.import.heartbeat-timeout and whose owner
-- is not alive is marked FAILED by any instance (its transaction never committed, so it stored nothing).
alter table import_batch add column owner text;
alter table import_batch add column heartbeat_at timestamptz;
-- What decided the rows of the job when it was submitted (registry, region list, layouts, the caller's
-- areas): the same file returns its earlier job only while this is equal.
alter table import_batch add column basis jsonb;
-- The job of the same file that this one imports again (the basis changed), for the summary's note.
alter table import_batch add column reimport_of bigint;

-- Instances alive: each refreshes its row every spm.import.heartbeat-interval and deletes it on shutdown.
create table import_instance (
    id           text primary key,
    started_at   timestamptz not null default now(),
    heartbeat_at timestamptz not null default now()
);
