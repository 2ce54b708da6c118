package nl.kindpakket.ledger.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.kindpakket.ledger.api.store.StoreConflict;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request log's three answers to a request under a client identifier, with the handler counted. */
class RequestIdentityTest {

    private static final ClientRequest REDEMPTION = ClientRequest.of(ClientRequest.REDEMPTION, "testville", "kassa-1", 1_000)
            .to("testville:2026:anna");

    private final List<String> calls = new ArrayList<>();
    private UnitOfWork<CommandMessage<?>> unitOfWork;

    @AfterEach
    void end() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    @Test
    void a_new_identifier_is_taken_handled_and_answered() throws Exception {
        Object answer = handle(REDEMPTION, new Log(true, Optional.empty()));

        assertThat(answer).isEqualTo(new Receipt(false, 2_500L));
        assertThat(calls).containsExactly("open", "handler", "answered 2500");
    }

    @Test
    void a_taken_identifier_is_answered_as_the_first_time_without_the_handler() throws Exception {
        Object answer = handle(REDEMPTION, new Log(false, Optional.of(new RecordedRequest(REDEMPTION.fingerprint(),
                REDEMPTION.target(), 4_000L))));

        assertThat(answer).isEqualTo(new Receipt(true, 4_000L));
        assertThat(calls).containsExactly("open", "find");
    }

    @Test
    void another_request_under_a_taken_identifier_is_refused() {
        ClientRequest other = ClientRequest.of(ClientRequest.REDEMPTION, "testville", "kassa-1", 9_999).to("testville:2026:anna");

        assertThatThrownBy(() -> handle(other, new Log(false, Optional.of(new RecordedRequest(REDEMPTION.fingerprint(),
                REDEMPTION.target(), 4_000L))))).isInstanceOf(IdempotencyConflict.class);
        assertThat(calls).containsExactly("open", "find");
    }

    @Test
    void an_identifier_taken_by_a_request_not_yet_visible_is_a_race_the_gateway_retries() {
        assertThatThrownBy(() -> handle(REDEMPTION, new Log(false, Optional.empty())))
                .satisfies(failure -> assertThat(StoreConflict.in(failure)).as("retried as a lost race").isTrue());
        assertThat(calls).containsExactly("open", "find");
    }

    private Object handle(ClientRequest request, ClientRequestLog log) throws Exception {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("redeem").andMetaData(request.metaData());
        unitOfWork = DefaultUnitOfWork.startAndGet(command);
        return new RequestIdentity(log).handle(unitOfWork, () -> {
            calls.add("handler");
            return new Receipt(false, 2_500L);
        });
    }

    /** A log that answers as told and records what it was asked. */
    private final class Log extends ClientRequestLog {

        private final boolean opens;
        private final Optional<RecordedRequest> found;

        Log(boolean opens, Optional<RecordedRequest> found) {
            super(null);
            this.opens = opens;
            this.found = found;
        }

        @Override
        boolean open(ClientRequest request) {
            calls.add("open");
            return opens;
        }

        @Override
        Optional<RecordedRequest> find(ClientRequest request) {
            calls.add("find");
            return found;
        }

        @Override
        void answered(ClientRequest request, Receipt receipt) {
            calls.add("answered " + receipt.balanceAfterCents());
        }
    }
}
