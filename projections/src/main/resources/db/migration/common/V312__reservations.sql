-- Reservations: credit a provider holds at booking and settles later (read models "spending-lines" and
-- "entitlement-view"). Held credit is part of a line's committed credit and is shown apart as reserved.

ALTER TABLE spending_line_count ADD COLUMN reserved_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE spending_line_count_log ADD COLUMN reserved_cents BIGINT NOT NULL DEFAULT 0;

-- What each line of an entitlement was granted, so that staff can see which lines run low; written once, at the
-- grant, so that the credit rows stay written without being read.
CREATE TABLE entitlement_grant (
    entitlement_id  VARCHAR(120) NOT NULL,
    spending_line   VARCHAR(16)  NOT NULL,
    granted_cents   BIGINT       NOT NULL,
    CONSTRAINT pk_entitlement_grant PRIMARY KEY (entitlement_id, spending_line)
);

-- Each hold of an entitlement and how it ended: OPEN, CAPTURED, RELEASED or EXPIRED.
CREATE TABLE entitlement_hold (
    entitlement_id  VARCHAR(120)             NOT NULL,
    reservation_id  VARCHAR(64)              NOT NULL,
    municipality    VARCHAR(40)              NOT NULL,
    provider_id     VARCHAR(64)              NOT NULL,
    spending_line   VARCHAR(16)              NOT NULL,
    amount_cents    BIGINT                   NOT NULL,
    reserved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(10)              NOT NULL,
    captured_cents  BIGINT,
    redemption_id   VARCHAR(64),
    settled_at      TIMESTAMP WITH TIME ZONE,
    released_by     VARCHAR(16),
    reason          VARCHAR(200),
    CONSTRAINT pk_entitlement_hold PRIMARY KEY (entitlement_id, reservation_id)
);
CREATE UNIQUE INDEX ix_entitlement_hold_reservation ON entitlement_hold (municipality, reservation_id);
CREATE INDEX ix_entitlement_hold_expiring ON entitlement_hold (municipality, state, expires_at);

ALTER TABLE entitlement_history ADD COLUMN reservation_id VARCHAR(64);
