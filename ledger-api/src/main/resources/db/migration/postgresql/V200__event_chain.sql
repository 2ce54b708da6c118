-- Tamper evidence: every event carries a hash chained to the previous event of its own aggregate.
-- The encoding is defined once, in nl.kindpakket.ledger.api.audit.EventChain; these functions are its twin.
alter table domain_event_entry add column chain_hash bytea;

-- A field of the canonical form: its length as 4 bytes big-endian, then its bytes; null is length -1.
create function event_chain_field(value bytea) returns bytea
    language sql immutable parallel safe
as $$
    select case when value is null then '\xffffffff'::bytea else int4send(length(value)) || value end
$$;

create function event_chain_hash(previous bytea, event_identifier text, aggregate_identifier text,
                                 sequence_number bigint, payload_type text, payload_revision text,
                                 time_stamp text, payload bytea, meta_data bytea) returns bytea
    language sql immutable parallel safe
as $$
    select sha256(previous
        || event_chain_field(convert_to(event_identifier, 'UTF8'))
        || event_chain_field(convert_to(aggregate_identifier, 'UTF8'))
        || event_chain_field(int8send(sequence_number))
        || event_chain_field(convert_to(payload_type, 'UTF8'))
        || event_chain_field(convert_to(payload_revision, 'UTF8'))
        || event_chain_field(convert_to(time_stamp, 'UTF8'))
        || event_chain_field(payload)
        || event_chain_field(meta_data))
$$;

-- The link an event chains to: 32 zero bytes before an aggregate's first event, else its predecessor's hash.
-- Volatile, not stable: a multi-row insert must see the rows it inserted before this one.
create function event_chain_previous(aggregate text, sequence bigint) returns bytea
    language plpgsql volatile
as $$
declare
    previous bytea;
begin
    if sequence = 0 then
        return '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    end if;
    select e.chain_hash into previous from domain_event_entry e
     where e.aggregate_identifier = aggregate and e.sequence_number = sequence - 1;
    if previous is null then
        raise exception 'event % of aggregate % has no chained predecessor %', sequence, aggregate, sequence - 1
            using errcode = 'P0001';
    end if;
    return previous;
end
$$;

-- Existing events (none in production yet) are chained here, in (aggregate, sequence) order.
alter table domain_event_entry disable trigger domain_event_entry_no_update_or_delete;
do $$
declare
    e record;
begin
    for e in select * from domain_event_entry order by aggregate_identifier, sequence_number loop
        update domain_event_entry
           set chain_hash = event_chain_hash(event_chain_previous(e.aggregate_identifier, e.sequence_number),
                   e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type,
                   e.payload_revision, e.time_stamp, e.payload, e.meta_data)
         where global_index = e.global_index;
    end loop;
end
$$;
alter table domain_event_entry enable trigger domain_event_entry_no_update_or_delete;
alter table domain_event_entry alter column chain_hash set not null;

create function chain_event() returns trigger
    language plpgsql
as $$
begin
    new.chain_hash := event_chain_hash(event_chain_previous(new.aggregate_identifier, new.sequence_number),
        new.event_identifier, new.aggregate_identifier, new.sequence_number, new.payload_type,
        new.payload_revision, new.time_stamp, new.payload, new.meta_data);
    return new;
end
$$;

create trigger domain_event_entry_chain
    before insert on domain_event_entry
    for each row execute function chain_event();
