-- A reservation id is unique within a municipality: which entitlement holds it, and for which provider, so that a
-- capture, a release or a read finds the hold by its id alone. Kept in the command's own transaction.
create table reservation_registry (
    municipality   varchar(40)  not null,
    reservation_id varchar(64)  not null,
    entitlement_id varchar(160) not null,
    provider_id    varchar(64)  not null,
    primary key (municipality, reservation_id)
);

-- The annual reset releases every open hold of the year it closes before it expires the entitlement; its progress
-- counts the holds so released and the credit they held.
alter table annual_reset_job add column released_holds integer not null default 0;
alter table annual_reset_job add column released_hold_cents bigint not null default 0;
