-- Regional BLUD Puskesmas catalogs (issue 12; domain §7): each regent's own SPM, as data. A catalog is the
-- regulation's document (regulation, region, indicators with their targets per year), kept whole as JSON in
-- `definition`; the shipped ones (resources/catalogs) are upserted at startup when their content hash changes.
create table blud_catalog (
    id           text primary key check (id ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
    regulation   text not null,
    region_code  text not null references region (code),
    definition   jsonb not null,
    content_hash text not null,
    origin       text not null check (origin in ('SHIPPED', 'API')),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index blud_catalog_region_idx on blud_catalog (region_code);

-- Typed values (SURVEY, LOG) of a catalog's indicators per Puskesmas and year; COMPUTED indicators are never
-- stored here (their value is the service achievement). kabkota_code: the Puskesmas' district when written.
create table blud_value (
    catalog_id     text not null references blud_catalog (id) on delete cascade,
    puskesmas_code text not null references puskesmas (code),
    year           smallint not null check (year between 2000 and 2100),
    indicator_code text not null,
    kabkota_code   text not null,
    value          numeric not null check (value >= 0),
    note           text,
    updated_by     text not null,
    updated_at     timestamptz not null default now(),
    primary key (catalog_id, year, puskesmas_code, indicator_code)
);
create index blud_value_kabkota_idx on blud_value (kabkota_code, catalog_id, year);
