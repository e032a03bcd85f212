-- Data versions pushed to every instance (issue 13, cached GET /achievements): each change of a district's
-- data_version row or of its frozen submissions notifies channel spm_data_version after commit (pg_notify is
-- transactional: a rolled-back change sends nothing). Payload: kabkota_code|year|quarter|version|txid, quarter
-- and version empty where they do not apply; txid is the writing transaction's (txid_current), so the writing
-- instance knows its own change has committed. Instances drop their remembered versions of the district on it
-- (DataVersionFeed); while not listening they read the versions per request.
create function data_version_notify() returns trigger language plpgsql as $$
declare
    r record;
begin
    if tg_op = 'DELETE' then
        r := old;
    else
        r := new;
    end if;
    if tg_table_name = 'submission' then
        perform pg_notify('spm_data_version', r.kabkota_code || '|' || r.year || '|' || r.quarter || '||'
            || txid_current());
    else
        perform pg_notify('spm_data_version', r.kabkota_code || '|' || r.year || '||' || r.version || '|'
            || txid_current());
    end if;
    -- A submission moved to another district (never done, but then both districts change).
    if tg_op = 'UPDATE' and old.kabkota_code <> new.kabkota_code then
        perform pg_notify('spm_data_version', old.kabkota_code || '|' || old.year || '||' || '|' || txid_current());
    end if;
    return null;
end $$;

create trigger data_version_notify after insert or update or delete on data_version
    for each row execute function data_version_notify();
create trigger submission_notify after insert or update or delete on submission
    for each row execute function data_version_notify();

-- A truncation changes every district: '*'.
create function data_version_notify_all() returns trigger language plpgsql as $$
begin
    perform pg_notify('spm_data_version', '*|' || txid_current());
    return null;
end $$;

create trigger data_version_notify_truncate after truncate on data_version
    for each statement execute function data_version_notify_all();
create trigger submission_notify_truncate after truncate on submission
    for each statement execute function data_version_notify_all();
