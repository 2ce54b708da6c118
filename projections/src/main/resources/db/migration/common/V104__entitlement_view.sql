-- One child's entitlement with its credit per line and its history (read model "entitlement-view").

CREATE TABLE entitlement_view (
    entitlement_id     VARCHAR(120) NOT NULL,
    municipality       VARCHAR(40)  NOT NULL,
    budget_year        INTEGER      NOT NULL,
    child_ref          VARCHAR(64)  NOT NULL,
    pass_number        VARCHAR(32)  NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    granted_on         DATE         NOT NULL,
    total_credit_cents BIGINT       NOT NULL,
    history_count      INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT pk_entitlement_view PRIMARY KEY (entitlement_id),
    CONSTRAINT uq_entitlement_view_child UNIQUE (municipality, budget_year, child_ref)
);

CREATE TABLE entitlement_credit (
    entitlement_id VARCHAR(120) NOT NULL,
    spending_line  VARCHAR(16)  NOT NULL,
    credit_cents   BIGINT       NOT NULL,
    CONSTRAINT pk_entitlement_credit PRIMARY KEY (entitlement_id, spending_line)
);

-- One row per event of the entitlement, numbered in the order they were recorded.
CREATE TABLE entitlement_history (
    entitlement_id      VARCHAR(120) NOT NULL,
    sequence_no         INTEGER      NOT NULL,
    event_type          VARCHAR(40)  NOT NULL,
    business_date       DATE         NOT NULL,
    spending_line       VARCHAR(16),
    amount_cents        BIGINT,
    balance_after_cents BIGINT,
    redemption_id       VARCHAR(64),
    provider_id         VARCHAR(64),
    note                VARCHAR(200),
    CONSTRAINT pk_entitlement_history PRIMARY KEY (entitlement_id, sequence_no)
);
