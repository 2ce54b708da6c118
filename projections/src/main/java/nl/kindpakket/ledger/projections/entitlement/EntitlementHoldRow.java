package nl.kindpakket.ledger.projections.entitlement;

import java.time.OffsetDateTime;

import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code entitlement_hold}: one reservation on an entitlement, open until it is captured, released or
 * expires. capturedCents and redemptionId are set by a capture; settledAt by any end; releasedBy and reason by a
 * release.
 */
record EntitlementHoldRow(String entitlementId, String reservationId, String municipality, String providerId,
                          String spendingLine, long amountCents, OffsetDateTime reservedAt, OffsetDateTime expiresAt,
                          String state, Long capturedCents, String redemptionId, OffsetDateTime settledAt,
                          String releasedBy, String reason) {

    static final RowTable<EntitlementHoldRow> TABLE = RowTable.<EntitlementHoldRow>named("entitlement_hold")
            .key("entitlement_id", "reservation_id")
            .columns("municipality", "provider_id", "spending_line", "amount_cents", "reserved_at", "expires_at",
                    "state", "captured_cents", "redemption_id", "settled_at", "released_by", "reason")
            .groupedBy("entitlement_id")
            .values(row -> new Object[] {row.entitlementId, row.reservationId, row.municipality, row.providerId,
                    row.spendingLine, row.amountCents, row.reservedAt, row.expiresAt, row.state, row.capturedCents,
                    row.redemptionId, row.settledAt, row.releasedBy, row.reason})
            .reader(row -> new EntitlementHoldRow(row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5), row.getLong(6), row.getObject(7, OffsetDateTime.class),
                    row.getObject(8, OffsetDateTime.class), row.getString(9), row.getObject(10, Long.class),
                    row.getString(11), row.getObject(12, OffsetDateTime.class), row.getString(13),
                    row.getString(14)));

    EntitlementHoldRow captured(long cents, String redemption, OffsetDateTime at) {
        return new EntitlementHoldRow(entitlementId, reservationId, municipality, providerId, spendingLine,
                amountCents, reservedAt, expiresAt, HoldState.CAPTURED.name(), cents, redemption, at, null, null);
    }

    EntitlementHoldRow released(String by, String why, OffsetDateTime at) {
        return new EntitlementHoldRow(entitlementId, reservationId, municipality, providerId, spendingLine,
                amountCents, reservedAt, expiresAt, HoldState.RELEASED.name(), null, null, at, by, why);
    }

    EntitlementHoldRow expired(OffsetDateTime at) {
        return new EntitlementHoldRow(entitlementId, reservationId, municipality, providerId, spendingLine,
                amountCents, reservedAt, expiresAt, HoldState.EXPIRED.name(), null, null, at, null, null);
    }
}
