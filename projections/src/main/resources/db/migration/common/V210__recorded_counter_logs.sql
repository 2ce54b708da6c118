-- Reports as of an earlier moment of recording. Every change to a report's counters is also kept as a row with
-- the recording time of the event that caused it (the event's timestamp, not its business date), so that a report
-- as of T sums the rows recorded on or before T. The counters stay as they are for the current report.

CREATE TABLE monthly_pass_count_log (
    municipality VARCHAR(40)              NOT NULL,
    budget_year  INTEGER                  NOT NULL,
    month_no     INTEGER                  NOT NULL,
    granted      BIGINT                   NOT NULL DEFAULT 0,
    revoked      BIGINT                   NOT NULL DEFAULT 0,
    unique_users BIGINT                   NOT NULL DEFAULT 0,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_monthly_pass_count_log ON monthly_pass_count_log (municipality, budget_year, recorded_at);

CREATE TABLE monthly_year_count_log (
    municipality   VARCHAR(40)              NOT NULL,
    budget_year    INTEGER                  NOT NULL,
    distinct_users BIGINT                   NOT NULL DEFAULT 0,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_monthly_year_count_log ON monthly_year_count_log (municipality, budget_year, recorded_at);

CREATE TABLE spending_line_count_log (
    municipality    VARCHAR(40)              NOT NULL,
    budget_year     INTEGER                  NOT NULL,
    code            VARCHAR(16)              NOT NULL,
    available_cents BIGINT                   NOT NULL DEFAULT 0,
    committed_cents BIGINT                   NOT NULL DEFAULT 0,
    redeemed_cents  BIGINT                   NOT NULL DEFAULT 0,
    reversed_cents  BIGINT                   NOT NULL DEFAULT 0,
    expended_cents  BIGINT                   NOT NULL DEFAULT 0,
    refunded_cents  BIGINT                   NOT NULL DEFAULT 0,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_spending_line_count_log ON spending_line_count_log (municipality, budget_year, recorded_at);

CREATE TABLE spending_organisation_log (
    municipality   VARCHAR(40)              NOT NULL,
    budget_year    INTEGER                  NOT NULL,
    organisation   VARCHAR(200)             NOT NULL,
    code           VARCHAR(16)              NOT NULL,
    expended_cents BIGINT                   NOT NULL DEFAULT 0,
    refunded_cents BIGINT                   NOT NULL DEFAULT 0,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_spending_organisation_log ON spending_organisation_log (municipality, budget_year, recorded_at);

-- Null for refunds projected before this column existed: they count as recorded before any asOf.
ALTER TABLE spending_refund ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE overhead_cost_log (
    municipality VARCHAR(40)              NOT NULL,
    budget_year  INTEGER                  NOT NULL,
    organisation VARCHAR(200)             NOT NULL,
    task         VARCHAR(200)             NOT NULL,
    amount_cents BIGINT                   NOT NULL,
    fte          NUMERIC(9, 2)            NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_overhead_cost_log ON overhead_cost_log (municipality, budget_year, recorded_at);

CREATE TABLE overhead_benefit_log (
    municipality VARCHAR(40)              NOT NULL,
    budget_year  INTEGER                  NOT NULL,
    spent_cents  BIGINT                   NOT NULL DEFAULT 0,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_overhead_benefit_log ON overhead_benefit_log (municipality, budget_year, recorded_at);
