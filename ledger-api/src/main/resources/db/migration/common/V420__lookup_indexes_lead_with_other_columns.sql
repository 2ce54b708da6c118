-- A lookup by primary key must never be planned on a second index that shares the key's first column.
-- On a table that is still empty (a new municipality, a new year, a fresh install) every index costs the
-- same, and a plan cached then for (municipality, redemption_id) used the line index on municipality alone:
-- once the table filled up, every redemption read all of its municipality's redemptions. The second
-- indexes therefore lead with columns that the primary-key lookups do not name.
drop index redemption_registry_by_line;
create index redemption_registry_by_line on redemption_registry (budget_year, spending_line, municipality);

drop index annual_reset_renewal_pending;
create index annual_reset_renewal_pending on annual_reset_renewal (status, job_id, position);
