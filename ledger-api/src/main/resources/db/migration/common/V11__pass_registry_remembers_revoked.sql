-- A revoked entitlement keeps its pass on record, so that a redemption with it is refused as revoked
-- (not as an unknown pass); a new grant may take such a pass over. Expiry still releases the pass.
alter table pass_registry add column revoked boolean default false not null;
