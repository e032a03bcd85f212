-- Issue 10: the report-form layouts a submission was frozen with. A later edit of a layout file
-- (spm-api/src/main/resources/reports/forms) changes how today's forms print, never a frozen submission's.
create table submission_form_layout (
    submission_id bigint not null references submission (id),
    form          text   not null,
    layout        jsonb  not null,
    primary key (submission_id, form)
);
