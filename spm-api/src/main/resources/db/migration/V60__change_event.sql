-- The change feed (GET /api/v1/changes, issue 15): one row per change of a district's data, written in the
-- transaction of the change. Every data_version bump writes one through the trigger below, so no writer can
-- forget it; the writer names the kind with set_config('spm.change_kind', kind, true) (ChangeEvents.kind),
-- else DATA_CHANGED (REGISTRY_CHANGED for the registry pseudo-year 0). Frozen submissions add their own rows.
create table change_event (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    kind         text not null,
    kabkota_code text not null,
    year         smallint not null,
    period       text,
    data_version bigint,
    detail       text
);
create index change_event_kabkota on change_event (kabkota_code, id);

create function change_event_on_bump() returns trigger language plpgsql as $$
declare
    k text := nullif(current_setting('spm.change_kind', true), '');
begin
    insert into change_event (kind, kabkota_code, year, data_version, detail)
    values (case when new.year = 0 and (k is null or k <> 'REGISTRY_CHANGED') then 'REGISTRY_CHANGED'
                 else coalesce(k, 'DATA_CHANGED') end,
            new.kabkota_code, new.year, new.version, nullif(current_setting('spm.change_detail', true), ''));
    return new;
end $$;

create trigger data_version_change_event after insert or update on data_version
    for each row execute function change_event_on_bump();
