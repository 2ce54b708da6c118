-- A redemption prepared from lookups the service remembered between requests (the pass's holder, the year open, the
-- provider accepting the line) checks them in the statement that carries its writes, before them and in its
-- transaction: this function ends that statement, and so the transaction, when they no longer hold, with an error the
-- service knows by its code and by the name it gives as its table (nl.kindpakket.ledger.api.lookup.Recalled), and
-- then prepares the redemption again from the lookup tables.
create or replace function remembered_lookups_hold(still_so boolean) returns void
    language plpgsql
as $$
begin
    if not still_so then
        raise exception 'the remembered lookups of this command no longer hold'
            using errcode = 'KL001', table = 'remembered_lookups';
    end if;
end
$$;
