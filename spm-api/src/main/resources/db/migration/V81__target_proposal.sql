-- Issue 11: next year's targets proposed (SE Mendagri 600.4/2851/ST) and, once adopted by the regional
-- head's decree, written as sasaran (target, source DECREE) of that year. The proposal is kept whole with
-- its methods; the adoption records the decree.
create table target_proposal (
    id              bigserial primary key,
    kabkota_code    text not null,
    area_code       text not null,
    year            smallint not null,
    proposal        jsonb not null,
    created_at      timestamptz not null default now(),
    created_by      text,
    decree_number   text,
    decree_date     date,
    adopted_at      timestamptz,
    adopted_by      text,
    targets_written integer
);
create index target_proposal_district_idx on target_proposal (kabkota_code, year);
