package nl.kindpakket.ledger.core.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.DateBeforeGrant;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyExpired;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyRevoked;
import nl.kindpakket.ledger.core.api.refusals.PassInUse;
import org.junit.jupiter.api.Test;

class ReplacingAPassTest extends EntitlementScenario {

    static final LocalDate LOST_ON = LocalDate.of(2019, 5, 10);

    @Test
    void a_lost_pass_is_replaced_by_a_new_number() {
        fixture.given(granted())
                .when(replacePass(NEW_PASS, LOST_ON))
                .expectEvents(passReplaced(LOST_ON))
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void a_repeated_replacement_records_nothing() {
        fixture.given(granted(), passReplaced(LOST_ON))
                .when(replacePass(NEW_PASS, LOST_ON))
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeat());
    }

    @Test
    void replacing_a_pass_by_itself_is_refused_as_a_pass_in_use() {
        fixture.given(granted())
                .when(replacePass(PASS, LOST_ON))
                .expectException(PassInUse.class)
                .expectNoEvents();
    }

    @Test
    void a_replaced_pass_is_not_taken_back_by_its_own_entitlement() {
        passes.hold(M, PASS, ID.toString()).hold(M, NEW_PASS, ID.toString());
        fixture.given(granted(), passReplaced(LOST_ON))
                .when(replacePass(PASS, LOST_ON.plusDays(1)))
                .expectException(PassInUse.class)
                .expectNoEvents();
    }

    @Test
    void the_new_pass_cannot_be_held_by_another_child() {
        passes.hold(M, NEW_PASS, "westland:2019:child-2");
        fixture.given(granted())
                .when(replacePass(NEW_PASS, LOST_ON))
                .expectException(PassInUse.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_entitlement_gets_no_new_pass() {
        fixture.given(granted(), revoked())
                .when(replacePass(NEW_PASS, LOST_ON))
                .expectException(EntitlementAlreadyRevoked.class)
                .expectNoEvents();
    }

    @Test
    void an_expired_entitlement_gets_no_new_pass() {
        fixture.given(granted(), expired(15_000, 5_000))
                .when(replacePass(NEW_PASS, LOST_ON))
                .expectException(EntitlementAlreadyExpired.class)
                .expectNoEvents();
    }

    @Test
    void a_replacement_dated_in_another_year_is_refused() {
        fixture.given(granted())
                .when(replacePass(NEW_PASS, LocalDate.of(2018, 12, 31)))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void a_replacement_dated_before_the_grant_is_refused() {
        fixture.given(granted())
                .when(replacePass(NEW_PASS, GRANTED_ON.minusDays(1)))
                .expectException(DateBeforeGrant.class)
                .expectNoEvents();
    }

    @Test
    void a_replacement_dated_after_today_is_refused() {
        fixture.given(granted())
                .when(replacePass(NEW_PASS, TODAY.plusDays(1)))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }
}
