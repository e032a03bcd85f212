-- Issue 10: typed inputs of the report forms (reports.md §9): budget allocation and realisation (anggaran),
-- permasalahan and solusi (kendala), facilities and staff (fasyankes-sdm, Form 2.A.3), staff need
-- (kebutuhan-sdm, Form 2.B.5), RPJMD/Renstra plan rows (rencana, Forms 2.C.3/2.C.4). One row per input row,
-- its values as the layout's fields (jsonb); a write replaces the rows of its layout, area, year and quarter.
create table form_input (
    id           bigint generated always as identity primary key,
    kabkota_code text        not null,
    area_code    text        not null,
    year         smallint    not null,
    quarter      smallint    not null default 0, -- 0: the year
    layout       text        not null,
    row_key      text        not null,
    ord          integer     not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    created_by   text,
    unique (layout, area_code, year, quarter, row_key)
);
create index form_input_lookup_idx on form_input (kabkota_code, layout, year, area_code);

-- The inputs a submitted district-period was frozen with (issue 10 "Frozen with the submission").
create table submission_form_input (
    submission_id bigint   not null references submission (id),
    layout        text     not null,
    area_code     text     not null,
    year          smallint not null,
    quarter       smallint not null,
    row_key       text     not null,
    ord           integer  not null,
    payload       jsonb    not null,
    primary key (submission_id, layout, area_code, year, quarter, row_key)
);
