-- A rebuild of the read models, kept so that any instance shows its progress and one that was interrupted (by a
-- crash or a restart) is taken up again where it stood. At most one is active: active is 1 until it is over.
create table read_model_rebuild (
    rebuild_id   varchar(64)   not null primary key,
    state        varchar(16)   not null,
    active       integer,
    horizon      bigint,
    parts        integer,
    parts_done   integer       not null default 0,
    events_total bigint        not null default 0,
    events_done  bigint        not null default 0,
    owner        varchar(255),
    heartbeat_at timestamp with time zone,
    requested_at timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    error        varchar(1000),
    constraint uq_read_model_rebuild_active unique (active)
);

-- The read models now follow the store in one processing group, read-models. The tokens of the five groups they
-- had, and of rebuilds in progress, are dropped, and the read models' tables emptied, so that the new group folds
-- the whole store into them (or an operator's rebuild does, much faster).
delete from token_entry where processor_name in
    ('monthly-passes', 'spending-lines', 'overhead', 'provider-statements', 'entitlement-view')
    or processor_name like 'rebuild:%';
delete from monthly_pass_count;
delete from monthly_pass_count_log;
delete from monthly_year_count;
delete from monthly_year_count_log;
delete from monthly_entitlement;
delete from spending_line;
delete from spending_line_count;
delete from spending_line_count_log;
delete from spending_entitlement;
delete from spending_organisation;
delete from spending_organisation_log;
delete from spending_refund;
delete from overhead_cost;
delete from overhead_cost_log;
delete from overhead_benefit;
delete from overhead_benefit_log;
delete from provider_name;
delete from provider_month;
delete from entitlement_history;
delete from entitlement_credit;
delete from entitlement_view;
