-- Issue 13 (import path, spm-api/BENCHMARK.md "Import — session 5"): the primary key names the person right
-- after the district and year, so a person's events of a year are one range of the key, and the person index
-- (kabkota_code, person_key) goes: one B-tree fewer to write per imported event. A per-person read names the
-- years (repository FactRepository.ANY_EVENT_YEAR: every year an event can have) and descends the key of each
-- year's partition; the import inserts in this order (ImportMerger), the computation reads a district's years
-- in it (person by person).
alter table service_event drop constraint service_event_pkey;
alter table service_event add primary key (kabkota_code, event_year, person_key, layout, puskesmas_code, natural_key);
drop index service_event_person_idx;
