-- A spending line's journal (read model "spending-lines"): one row per event that moves the line's available, spent
-- or refunded figure, under the event's global position, its amount signed as it moves that figure. The running
-- totals are summed when the journal is read, since several segments append a line's postings in no global order.
-- The primary key is also the journal's index: a line's postings in position order, from any cursor on.

CREATE TABLE spending_posting (
    municipality   VARCHAR(40)              NOT NULL,
    budget_year    INTEGER                  NOT NULL,
    code           VARCHAR(16)              NOT NULL,
    position       BIGINT                   NOT NULL,
    kind           VARCHAR(16)              NOT NULL,
    business_date  DATE                     NOT NULL,
    amount_cents   BIGINT                   NOT NULL,
    entitlement_id VARCHAR(120),
    provider_id    VARCHAR(64),
    organisation   VARCHAR(200),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_spending_posting PRIMARY KEY (municipality, budget_year, code, position),
    CONSTRAINT ck_spending_posting_kind CHECK (kind IN ('allocation', 'redemption', 'reversal', 'expenditure', 'refund'))
);
