-- The large read-model indexes lead with the budget year, then the municipality. Every query names both with
-- equality (a report, its as-of log, a line's journal), so the order of the two changes no plan; but a rebuild
-- builds these indexes from millions of rows, and PostgreSQL's sort reaches the columns after a leading text column
-- by walking each tuple, where after a leading integer it knows their offsets. A 2.8M-row counter log indexes in
-- about 30% less time this way, the postings' key likewise.
DROP INDEX ix_monthly_pass_count_log;
CREATE INDEX ix_monthly_pass_count_log ON monthly_pass_count_log (budget_year, municipality, recorded_at);
DROP INDEX ix_monthly_year_count_log;
CREATE INDEX ix_monthly_year_count_log ON monthly_year_count_log (budget_year, municipality, recorded_at);
DROP INDEX ix_spending_line_count_log;
CREATE INDEX ix_spending_line_count_log ON spending_line_count_log (budget_year, municipality, recorded_at);
DROP INDEX ix_spending_organisation_log;
CREATE INDEX ix_spending_organisation_log ON spending_organisation_log (budget_year, municipality, recorded_at);
DROP INDEX ix_overhead_cost_log;
CREATE INDEX ix_overhead_cost_log ON overhead_cost_log (budget_year, municipality, recorded_at);
DROP INDEX ix_overhead_benefit_log;
CREATE INDEX ix_overhead_benefit_log ON overhead_benefit_log (budget_year, municipality, recorded_at);

ALTER TABLE spending_posting DROP CONSTRAINT pk_spending_posting;
ALTER TABLE spending_posting ADD CONSTRAINT pk_spending_posting PRIMARY KEY (budget_year, municipality, code, position);
