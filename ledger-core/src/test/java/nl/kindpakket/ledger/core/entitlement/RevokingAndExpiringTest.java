package nl.kindpakket.ledger.core.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.ExpiryReceipt;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.ConflictingRevocation;
import nl.kindpakket.ledger.core.api.refusals.DateBeforeGrant;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyExpired;
import org.junit.jupiter.api.Test;

class RevokingAndExpiringTest extends EntitlementScenario {

    static final LocalDate APRIL = LocalDate.of(2019, 4, 1);

    @Test
    void a_revocation_releases_the_credit_left_per_line() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(revoke("moved away", APRIL))
                .expectEvents(revoked("moved away", APRIL, 11_000, 5_000))
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void an_entitlement_is_revoked_once() {
        fixture.given(granted(), revoked())
                .when(revoke("granted in error", APRIL))
                .expectException(ConflictingRevocation.class)
                .expectNoEvents();
    }

    @Test
    void an_expired_entitlement_cannot_be_revoked() {
        fixture.given(granted(), expired(15_000, 5_000))
                .when(revoke("moved away", APRIL))
                .expectException(EntitlementAlreadyExpired.class)
                .expectNoEvents();
    }

    @Test
    void a_revocation_dated_in_another_year_is_refused() {
        fixture.given(granted())
                .when(revoke("moved away", LocalDate.of(2018, 12, 31)))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void a_revocation_dated_before_the_grant_is_refused() {
        fixture.given(granted())
                .when(revoke("moved away", LocalDate.of(2019, 1, 1)))
                .expectException(DateBeforeGrant.class)
                .expectNoEvents();
    }

    @Test
    void a_revocation_dated_after_today_is_refused() {
        fixture.given(granted())
                .when(revoke("moved away", TODAY.plusDays(1)))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }

    @Test
    void an_annual_reset_expires_the_entitlement_and_releases_its_credit() {
        fixture.given(granted(), redeemed("r-1", SCHOOL, 2_000, 3_000))
                .when(expire())
                .expectEvents(expired(15_000, 3_000))
                .expectResultMessagePayload(new ExpiryReceipt(false, 0, 0));
    }

    @Test
    void a_repeated_expiry_records_nothing() {
        fixture.given(granted(), expired(15_000, 5_000))
                .when(expire())
                .expectNoEvents()
                .expectResultMessagePayload(ExpiryReceipt.repeat());
    }

    @Test
    void a_revoked_entitlement_has_nothing_to_expire() {
        fixture.given(granted(), revoked())
                .when(expire())
                .expectNoEvents()
                .expectResultMessagePayload(ExpiryReceipt.repeat());
    }
}
