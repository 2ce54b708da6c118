-- Tamper evidence on the embedded H2 default: the same chain as on PostgreSQL, computed in Java
-- (nl.kindpakket.ledger.api.audit.EventChain) by a trigger.
alter table domain_event_entry add column chain_hash varbinary(32);

-- Existing events are chained here, in (aggregate, sequence) order, with the append-only trigger lifted meanwhile.
drop trigger domain_event_entry_append_only;
create alias chain_existing_events for 'nl.kindpakket.ledger.api.audit.H2ChainTrigger.chainExistingEvents';
call chain_existing_events();
drop alias chain_existing_events;
create trigger domain_event_entry_append_only
    before update, delete on domain_event_entry
    for each row call 'nl.kindpakket.ledger.api.store.H2AppendOnlyTrigger';

create trigger domain_event_entry_chain
    before insert on domain_event_entry
    for each row call 'nl.kindpakket.ledger.api.audit.H2ChainTrigger';
