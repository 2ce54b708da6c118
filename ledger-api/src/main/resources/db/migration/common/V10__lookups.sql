-- Lookup tables for the rules that span aggregates. They are written by a subscribing processor
-- in the same transaction as the events, and their keys refuse what a race would let through.
create table budget_year_state (
    municipality varchar(40) not null,
    budget_year  integer     not null,
    closed       boolean     not null,
    primary key (municipality, budget_year)
);

create table budget_line (
    municipality  varchar(40)  not null,
    budget_year   integer      not null,
    spending_line varchar(16)  not null,
    name          varchar(200) not null,
    primary key (municipality, budget_year, spending_line)
);

create table provider_registry (
    municipality varchar(40) not null,
    provider_id  varchar(64) not null,
    suspended    boolean     not null,
    primary key (municipality, provider_id)
);

create table provider_line (
    municipality  varchar(40) not null,
    provider_id   varchar(64) not null,
    spending_line varchar(16) not null,
    primary key (municipality, provider_id, spending_line)
);

-- A pass number belongs to one entitlement at a time; released when the entitlement ends.
create table pass_registry (
    municipality   varchar(40)  not null,
    pass_number    varchar(32)  not null,
    entitlement_id varchar(160) not null,
    primary key (municipality, pass_number)
);
create index pass_registry_by_entitlement on pass_registry (entitlement_id);

create table entitlement_registry (
    entitlement_id varchar(160) not null primary key,
    municipality   varchar(40)  not null,
    budget_year    integer      not null,
    status         varchar(16)  not null
);
create index entitlement_registry_by_year_status on entitlement_registry (municipality, budget_year, status, entitlement_id);

-- A redemption id is unique within a municipality.
create table redemption_registry (
    municipality   varchar(40)  not null,
    redemption_id  varchar(64)  not null,
    entitlement_id varchar(160) not null,
    budget_year    integer      not null,
    spending_line  varchar(16)  not null,
    amount_cents   bigint       not null,
    reversed       boolean      not null,
    primary key (municipality, redemption_id)
);
create index redemption_registry_by_line on redemption_registry (municipality, budget_year, spending_line);
