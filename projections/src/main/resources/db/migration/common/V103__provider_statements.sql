-- Provider statements per month (read model "provider-statements"): what to pay each provider.

CREATE TABLE provider_name (
    municipality VARCHAR(40)  NOT NULL,
    provider_id  VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    CONSTRAINT pk_provider_name PRIMARY KEY (municipality, provider_id)
);

-- Redemptions by the month they occurred, reversals by the month they were made (Europe/Amsterdam).
CREATE TABLE provider_month (
    municipality     VARCHAR(40) NOT NULL,
    statement_year   INTEGER     NOT NULL,
    statement_month  INTEGER     NOT NULL,
    provider_id      VARCHAR(64) NOT NULL,
    slot             INTEGER     NOT NULL,
    redemption_count BIGINT      NOT NULL DEFAULT 0,
    redemption_cents BIGINT      NOT NULL DEFAULT 0,
    reversal_count   BIGINT      NOT NULL DEFAULT 0,
    reversal_cents   BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_provider_month PRIMARY KEY (municipality, statement_year, statement_month, provider_id, slot)
);
