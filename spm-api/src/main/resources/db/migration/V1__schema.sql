-- SPM Kesehatan storage, designed for a country (see docs/design.md).
-- Every fact row carries kabkota_code (dotted, '73.18'): the Citus distribution key.
-- Fact tables with a year are partitioned by year (list partitions 2015–2035 plus a default).

-- Kemendagri regions: 1 province, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan.
create table region (
    code        text primary key,
    name        text not null,
    level       smallint not null check (level between 1 and 4),
    parent_code text references region (code)
);
create index region_parent_idx on region (parent_code);

create table puskesmas (
    code           text primary key check (code ~ '^P[0-9]{10}$'),
    name           text not null,
    kecamatan_code text not null references region (code),
    kabkota_code   text not null references region (code),
    population     bigint check (population is null or population >= 0),
    desa_codes     text[] not null default '{}',
    created_at     timestamptz not null default now()
);
create index puskesmas_kabkota_idx on puskesmas (kabkota_code);
create index puskesmas_kecamatan_idx on puskesmas (kecamatan_code);

-- Pseudonymous persons: person_key = HMAC-SHA256 of the normalised NIK. No NIK, no name.
create table person (
    kabkota_code    text not null,
    person_key      text not null,
    birth_date      date not null,
    sex             char(1) check (sex in ('L', 'P')),
    desa_code       text,
    puskesmas_code  text,
    import_batch_id bigint,
    primary key (kabkota_code, person_key)
);

-- By-name service events: the spm-rules model records as Jackson JSON.
create table service_event (
    kabkota_code    text not null,
    event_year      smallint not null,
    person_key      text not null,
    puskesmas_code  text not null,
    layout          text not null,
    event_type      text not null,
    event_date      date not null,
    natural_key     text not null,
    content_hash    text not null,
    payload         jsonb not null,
    import_batch_id bigint,
    primary key (kabkota_code, event_year, layout, person_key, natural_key)
) partition by list (event_year);
-- Rebuilding one person's record (persons endpoint, re-import diffs).
create index service_event_person_idx on service_event (kabkota_code, person_key);
-- Replace-by-scope of an import: one Puskesmas, layout and period.
create index service_event_scope_idx on service_event (puskesmas_code, layout, event_date);

-- Aggregate monthly counts (layout rekap-bulanan), where no by-name data exists.
create table monthly_count (
    kabkota_code    text not null,
    puskesmas_code  text not null,
    year            smallint not null,
    month           smallint not null check (month between 1 and 12),
    service_code    text not null,
    compliant       bigint not null check (compliant >= 0),
    non_compliant   bigint check (non_compliant is null or non_compliant >= 0),
    import_batch_id bigint,
    primary key (puskesmas_code, year, month, service_code)
) partition by list (year);
create index monthly_count_district_idx on monthly_count (kabkota_code, year);

do $$
begin
    for y in 2015..2035 loop
        execute format('create table service_event_%s partition of service_event for values in (%s)', y, y);
        execute format('create table monthly_count_%s partition of monthly_count for values in (%s)', y, y);
    end loop;
end
$$;
create table service_event_default partition of service_event default;
create table monthly_count_default partition of monthly_count default;

-- Sasaran with provenance; the latest row per (area, year, service) is the area's own.
create table target (
    id              bigserial primary key,
    area_code       text not null,
    kabkota_code    text not null,
    year            smallint not null,
    service_code    text not null,
    amount          bigint not null check (amount >= 0),
    source          text not null check (source in ('BPS_PROJECTION', 'REAL_DATA', 'PREVALENCE', 'TB_FORMULA', 'DECREE')),
    note            text,
    import_batch_id bigint,
    created_at      timestamptz not null default now(),
    created_by      text
);
create index target_lookup_idx on target (kabkota_code, year, area_code, service_code, created_at desc, id desc);

create table population (
    area_code       text not null,
    kabkota_code    text not null,
    year            smallint not null,
    age_group       text not null,
    male            bigint not null check (male >= 0),
    female          bigint not null check (female >= 0),
    import_batch_id bigint,
    primary key (area_code, year, age_group)
);
create index population_district_idx on population (kabkota_code, year);

-- Prevalence is data with its source, year and age band (services 8, 9, 10).
-- area_code '0' is national; a region may set its own.
create table prevalence (
    id           bigserial primary key,
    area_code    text not null,
    service_code text not null,
    year         smallint not null,
    age_band     text not null,
    rate         numeric(12, 8) not null check (rate >= 0 and rate <= 1),
    source       text not null,
    created_at   timestamptz not null default now(),
    unique (area_code, service_code, year, age_band)
);

create table quality_item (
    id              bigserial primary key,
    area_code       text not null,
    kabkota_code    text not null,
    year            smallint not null,
    quarter         smallint check (quarter is null or quarter between 1 and 4),
    service_code    text not null,
    kind            text not null check (kind in ('GOODS', 'STAFF')),
    item            text not null,
    unit            text,
    need            numeric not null check (need >= 0),
    stock           numeric not null check (stock >= 0),
    unit_price      numeric,
    import_batch_id bigint
);
create unique index quality_item_key on quality_item (area_code, year, coalesce(quarter, 0), service_code, kind, item);
create index quality_item_district_idx on quality_item (kabkota_code, year);

-- Bumped in the writer's transaction by every writer of a district-year's facts.
create table data_version (
    kabkota_code text not null,
    year         smallint not null,
    version      bigint not null,
    primary key (kabkota_code, year)
);

-- Computed results per area, keyed by the data_version they were computed from.
create table achievement_result (
    kabkota_code text not null,
    year         smallint not null,
    quarter      smallint not null check (quarter between 0 and 4),
    area_code    text not null,
    data_version bigint not null,
    rule_set_id  text not null,
    computed_at  timestamptz not null default now(),
    result       jsonb not null,
    primary key (kabkota_code, year, quarter, area_code)
) partition by list (year);

-- Person-level outcomes other than counted (not counted, pending, excluded), for the analysts' list.
create table decision_result (
    kabkota_code   text not null,
    year           smallint not null,
    quarter        smallint not null,
    service_code   text not null,
    puskesmas_code text not null,
    person_key     text not null,
    subject        text not null,
    status         text not null,
    reasons        jsonb not null,
    data_version   bigint not null
) partition by list (year);
create index decision_result_lookup_idx on decision_result (kabkota_code, year, quarter, service_code, status, puskesmas_code, person_key);

do $$
begin
    for y in 2015..2035 loop
        execute format('create table achievement_result_%s partition of achievement_result for values in (%s)', y, y);
        execute format('create table decision_result_%s partition of decision_result for values in (%s)', y, y);
    end loop;
end
$$;
create table achievement_result_default partition of achievement_result default;
create table decision_result_default partition of decision_result default;

-- Frozen submissions: a district's quarter as submitted; never recomputed in place.
create table submission (
    id           bigserial primary key,
    kabkota_code text not null,
    year         smallint not null,
    quarter      smallint not null check (quarter between 0 and 4),
    data_version bigint not null,
    rule_set_id  text not null,
    frozen_at    timestamptz not null default now(),
    frozen_by    text not null,
    result       jsonb not null,
    unique (kabkota_code, year, quarter)
);
