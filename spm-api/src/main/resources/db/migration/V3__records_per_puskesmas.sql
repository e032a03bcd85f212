-- No Puskesmas' upload may replace or delete another Puskesmas' rows (issue 8 finding 2, issue 7
-- finding 2). An event's key includes the Puskesmas that recorded it: the same person, kind and date at
-- two Puskesmas are two stored records (the rules treat them as one visit, §9), and an upsert of one
-- Puskesmas' file never matches another's row.
alter table service_event drop constraint service_event_pkey;
alter table service_event add primary key (kabkota_code, event_year, layout, person_key, puskesmas_code, natural_key);

-- A person's attributes as each Puskesmas recorded them. The person row (what the rules read) is
-- resolved from these by one stated rule: the record of the Puskesmas that recorded the person first
-- (lowest first batch, then smallest code) wins; a Puskesmas may correct its own record; a differing
-- record of another Puskesmas is kept here, never applied, and reported in the job summary.
create table person_record (
    kabkota_code    text not null,
    person_key      text not null,
    puskesmas_code  text not null,
    birth_date      date not null,
    sex             char(1) check (sex in ('L', 'P')),
    desa_code       text,
    home_puskesmas  text,
    first_batch_id  bigint not null default 0,
    import_batch_id bigint,
    primary key (kabkota_code, person_key, puskesmas_code)
);

insert into person_record (kabkota_code, person_key, puskesmas_code, birth_date, sex, desa_code, home_puskesmas,
        first_batch_id, import_batch_id)
select distinct on (e.kabkota_code, e.person_key, e.puskesmas_code) e.kabkota_code, e.person_key, e.puskesmas_code,
        p.birth_date, p.sex, p.desa_code, p.puskesmas_code, coalesce(p.import_batch_id, 0), p.import_batch_id
from service_event e join person p on p.kabkota_code = e.kabkota_code and p.person_key = e.person_key
order by e.kabkota_code, e.person_key, e.puskesmas_code;
