-- Monthly issued passes and unique use (read model "monthly-passes").

-- One row per entitlement: the month its grant counts from and its redemptions of the year not reversed.
CREATE TABLE monthly_entitlement (
    entitlement_id   VARCHAR(120) NOT NULL,
    municipality     VARCHAR(40)  NOT NULL,
    budget_year      INTEGER      NOT NULL,
    grant_month      INTEGER      NOT NULL,
    revoke_month     INTEGER,
    live_redemptions INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT pk_monthly_entitlement PRIMARY KEY (entitlement_id)
);

-- Redemptions not reversed per entitlement and month: a user counts while this is above zero.
CREATE TABLE monthly_entitlement_use (
    entitlement_id   VARCHAR(120) NOT NULL,
    month_no         INTEGER      NOT NULL,
    live_redemptions INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT pk_monthly_entitlement_use PRIMARY KEY (entitlement_id, month_no)
);

-- Counters per month; issued passes at a month end = running sum of granted - revoked.
CREATE TABLE monthly_pass_count (
    municipality VARCHAR(40) NOT NULL,
    budget_year  INTEGER     NOT NULL,
    month_no     INTEGER     NOT NULL,
    slot         INTEGER     NOT NULL,
    granted      BIGINT      NOT NULL DEFAULT 0,
    revoked      BIGINT      NOT NULL DEFAULT 0,
    unique_users BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_monthly_pass_count PRIMARY KEY (municipality, budget_year, month_no, slot)
);

CREATE TABLE monthly_year_count (
    municipality   VARCHAR(40) NOT NULL,
    budget_year    INTEGER     NOT NULL,
    slot           INTEGER     NOT NULL,
    distinct_users BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_monthly_year_count PRIMARY KEY (municipality, budget_year, slot)
);
