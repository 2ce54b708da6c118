-- The result of each reconciliation of the live read models with a fresh fold of the events they reflect.
create table read_model_reconciliation (
    reconciliation_id varchar(64)   not null primary key,
    state             varchar(16)   not null,
    events_total      bigint        not null default 0,
    events_done       bigint        not null default 0,
    position          bigint,
    differing_rows    bigint,
    differences       text,
    requested_at      timestamp with time zone not null,
    finished_at       timestamp with time zone,
    error             varchar(1000)
);
create index ix_read_model_reconciliation_finished on read_model_reconciliation (finished_at);
