-- The chain's trigger costs an append about 25 microseconds instead of about 330 (measured with a commit after each
-- insert, as commands append). Two things made it dear, and neither changes the chain:
--
-- 1. event_chain_hash was a SQL function that PostgreSQL did not inline into the trigger's expression, so it planned
--    the function's body again in every transaction that called it. As PL/pgSQL it keeps its plan for the session.
--    The encoding is the same expression, still defined here once and twinned in Java by
--    nl.kindpakket.ledger.api.audit.EventChain.
-- 2. The predecessor's hash came from a second PL/pgSQL function; the trigger now looks it up itself. The trigger
--    is volatile, as every trigger function is, so a multi-row insert's lookup sees the rows the same statement
--    inserted before it.
create or replace function event_chain_hash(previous bytea, event_identifier text, aggregate_identifier text,
                                            sequence_number bigint, payload_type text, payload_revision text,
                                            time_stamp text, payload bytea, meta_data bytea) returns bytea
    language plpgsql immutable parallel safe
as $$
begin
    return sha256(previous
        || event_chain_field(convert_to(event_identifier, 'UTF8'))
        || event_chain_field(convert_to(aggregate_identifier, 'UTF8'))
        || event_chain_field(int8send(sequence_number))
        || event_chain_field(convert_to(payload_type, 'UTF8'))
        || event_chain_field(convert_to(payload_revision, 'UTF8'))
        || event_chain_field(convert_to(time_stamp, 'UTF8'))
        || event_chain_field(payload)
        || event_chain_field(meta_data));
end
$$;

-- The link an event chains to: 32 zero bytes before an aggregate's first event, else its predecessor's hash.
create or replace function chain_event() returns trigger
    language plpgsql
as $$
declare
    previous bytea;
begin
    if new.sequence_number = 0 then
        previous := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    else
        select e.chain_hash into previous from domain_event_entry e
         where e.aggregate_identifier = new.aggregate_identifier and e.sequence_number = new.sequence_number - 1;
        if previous is null then
            raise exception 'event % of aggregate % has no chained predecessor %', new.sequence_number,
                new.aggregate_identifier, new.sequence_number - 1
                using errcode = 'P0001';
        end if;
    end if;
    new.chain_hash := event_chain_hash(previous, new.event_identifier, new.aggregate_identifier, new.sequence_number,
        new.payload_type, new.payload_revision, new.time_stamp, new.payload, new.meta_data);
    return new;
end
$$;

drop function event_chain_previous(text, bigint);
