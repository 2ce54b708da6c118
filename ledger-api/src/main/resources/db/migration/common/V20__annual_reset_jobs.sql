-- Annual resets run as resumable jobs: the request is kept here and worked through in chunks,
-- each chunk committed together with its progress.
create table annual_reset_job (
    job_id          varchar(64)  not null primary key,
    municipality    varchar(40)  not null,
    from_year       integer      not null,
    to_year         integer      not null,
    effective_on    date         not null,
    digest          varchar(64)  not null,
    status          varchar(16)  not null,
    phase           varchar(16)  not null,
    expiries_total  integer      not null,
    expired         integer      not null,
    renewals_total  integer      not null,
    renewed         integer      not null,
    failed          integer      not null,
    submitted_at    timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    error           varchar(500)
);

create table annual_reset_renewal (
    job_id          varchar(64)   not null,
    position        integer       not null,
    child_ref       varchar(64)   not null,
    pass_number     varchar(32)   not null,
    credits         varchar(2000) not null,
    status          varchar(16)   not null,
    failure_type    varchar(64),
    failure_detail  varchar(500),
    primary key (job_id, position)
);
create index annual_reset_renewal_pending on annual_reset_renewal (job_id, status, position);
