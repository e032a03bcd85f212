-- Issue 11: a frozen submission keeps its per-person decisions, so a later diff (GET
-- /api/v1/submissions/{id}/diff) can say for whom figures changed. Pseudonymous person keys only.
-- The set: the rule parameters in force at freeze, how many decisions, and the SHA-256 of the set.
create table submission_decision_set (
    submission_id   bigint primary key references submission (id),
    kabkota_code    text not null,
    rule_parameters jsonb not null,
    decisions       bigint not null,
    sha256          text not null,
    created_at      timestamptz not null default now()
);

-- Every decision (counted included) of every candidate of the district at freeze, with its reasons.
create table submission_decision (
    submission_id  bigint not null references submission (id),
    kabkota_code   text not null,
    service_code   text not null,
    person_key     text not null,
    subject        text not null,
    puskesmas_code text,
    status         text not null,
    reasons        jsonb not null
);
create index submission_decision_idx on submission_decision (submission_id, person_key);
