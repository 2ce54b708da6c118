-- Overhead (execution costs) versus direct benefit (read model "overhead").

-- Per organisation and task; ordinal keeps the order of first recording, the order the council's tables use.
CREATE TABLE overhead_cost (
    municipality VARCHAR(40)   NOT NULL,
    budget_year  INTEGER       NOT NULL,
    organisation VARCHAR(200)  NOT NULL,
    task         VARCHAR(200)  NOT NULL,
    amount_cents BIGINT        NOT NULL,
    fte          NUMERIC(9, 2) NOT NULL,
    ordinal      INTEGER       NOT NULL,
    CONSTRAINT pk_overhead_cost PRIMARY KEY (municipality, budget_year, organisation, task)
);

-- Money that reached children: redemptions minus reversals plus expenditures, kept apart from spending-lines.
CREATE TABLE overhead_benefit (
    municipality VARCHAR(40) NOT NULL,
    budget_year  INTEGER     NOT NULL,
    slot         INTEGER     NOT NULL,
    spent_cents  BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_overhead_benefit PRIMARY KEY (municipality, budget_year, slot)
);
