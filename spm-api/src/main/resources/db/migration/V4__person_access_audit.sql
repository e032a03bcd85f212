-- Who read person-level data (UU 27/2022 PDP): every NIK lookup, person decisions read and person list,
-- with the caller, the time, the pseudonymous key or the area, and the outcome. Never a NIK.
create table person_access (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    subject      text not null,
    action       text not null check (action in ('LOOKUP', 'DECISIONS', 'PERSON_LIST')),
    person_key   text,
    area_code    text,
    kabkota_code text,
    year         smallint,
    service_code text,
    outcome      text not null check (outcome in ('FOUND', 'NOT_FOUND', 'RATE_LIMITED', 'REFUSED')),
    rows         integer
);
create index person_access_at_idx on person_access (at desc);
create index person_access_subject_idx on person_access (subject, at desc);
create index person_access_key_idx on person_access (person_key, at desc) where person_key is not null;
create index person_access_district_idx on person_access (kabkota_code, at desc);
