-- A Puskesmas code is P + its kecamatan's 6 digits + 4 (formats.md). A code kept from before a district
-- split is an explicit exception, recorded by an admin of both areas: the one kecamatan it may be in.
create table puskesmas_code_exception (
    code           text primary key check (code ~ '^P[0-9]{10}$'),
    kecamatan_code text not null references region (code),
    reason         text not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now()
);
