-- Spending lines: available, committed, spent, remaining, refunded (read model "spending-lines").

CREATE TABLE spending_line (
    municipality VARCHAR(40)  NOT NULL,
    budget_year  INTEGER      NOT NULL,
    code         VARCHAR(16)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    CONSTRAINT pk_spending_line PRIMARY KEY (municipality, budget_year, code)
);

-- spent = redeemed - reversed + expended; remaining = available - spent.
CREATE TABLE spending_line_count (
    municipality    VARCHAR(40) NOT NULL,
    budget_year     INTEGER     NOT NULL,
    code            VARCHAR(16) NOT NULL,
    slot            INTEGER     NOT NULL,
    available_cents BIGINT      NOT NULL DEFAULT 0,
    committed_cents BIGINT      NOT NULL DEFAULT 0,
    redeemed_cents  BIGINT      NOT NULL DEFAULT 0,
    reversed_cents  BIGINT      NOT NULL DEFAULT 0,
    expended_cents  BIGINT      NOT NULL DEFAULT 0,
    refunded_cents  BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_spending_line_count PRIMARY KEY (municipality, budget_year, code, slot)
);

-- Whether an entitlement's open credit still counts as committed.
CREATE TABLE spending_entitlement (
    entitlement_id VARCHAR(120) NOT NULL,
    active         BOOLEAN      NOT NULL,
    CONSTRAINT pk_spending_entitlement PRIMARY KEY (entitlement_id)
);

CREATE TABLE spending_organisation (
    municipality   VARCHAR(40)  NOT NULL,
    budget_year    INTEGER      NOT NULL,
    organisation   VARCHAR(200) NOT NULL,
    code           VARCHAR(16)  NOT NULL,
    expended_cents BIGINT       NOT NULL DEFAULT 0,
    refunded_cents BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_spending_organisation PRIMARY KEY (municipality, budget_year, organisation, code)
);

CREATE TABLE spending_refund (
    municipality VARCHAR(40)  NOT NULL,
    budget_year  INTEGER      NOT NULL,
    refund_id    VARCHAR(64)  NOT NULL,
    organisation VARCHAR(200) NOT NULL,
    code         VARCHAR(16)  NOT NULL,
    amount_cents BIGINT       NOT NULL,
    refunded_on  DATE         NOT NULL,
    returned_to  VARCHAR(200),
    CONSTRAINT pk_spending_refund PRIMARY KEY (municipality, budget_year, refund_id)
);
