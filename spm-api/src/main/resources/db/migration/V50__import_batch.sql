-- Import jobs (POST /api/v1/imports), owned by the importer (schema.md: V50 … V99).
-- A job row survives restarts: a job found QUEUED, READING or MERGING at start-up was interrupted
-- and is marked FAILED (its transaction never committed, so nothing of it is stored).
create table import_batch (
    id               bigserial primary key,
    created_by       text not null,
    kabkota_code     text,
    file_name        text not null,
    file_bytes       bigint not null check (file_bytes >= 0),
    content_hash     text not null,
    idempotency_key  text,
    layout_claimed   text,
    layout           text,
    dry_run          boolean not null,
    all_or_nothing   boolean not null,
    -- The replaced scope: {"puskesmas": [...], "areas": [...], "months": {"P…": ["2025-01", "2025-03"]}, "years": [...]}
    scope            jsonb,
    phase            text not null check (phase in ('QUEUED', 'READING', 'MERGING', 'DONE', 'FAILED', 'REFUSED')),
    bytes_read       bigint not null default 0,
    bytes_total      bigint not null default 0,
    rows_read        bigint not null default 0,
    summary          jsonb,
    message          text,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
-- Same Idempotency-Key from the same caller: the earlier job.
create unique index import_batch_idempotency_key on import_batch (created_by, idempotency_key)
    where idempotency_key is not null;
-- Same file again from the same caller: the earlier job.
create index import_batch_content_idx on import_batch (created_by, content_hash, dry_run);
create index import_batch_list_idx on import_batch (created_by, id desc);
create index import_batch_open_idx on import_batch (phase) where phase in ('QUEUED', 'READING', 'MERGING');

-- Rejected cells of a job, grouped by code in the summary (the first 1,000 of each code are kept).
create table import_error (
    import_batch_id bigint not null references import_batch (id) on delete cascade,
    code            text not null,
    sheet           text,
    row_number      integer not null,
    column_letter   text,
    header          text,
    raw_value       text,
    reason          text not null
);
create index import_error_batch_idx on import_error (import_batch_id, code);
