package nl.kindpakket.ledger.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import nl.kindpakket.ledger.api.store.StoreConflict;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request log's answers to a request under a client identifier, with the handler and the log's statements counted:
 * the insert is held after the handler and its outcome decided when the unit sends its writes with its commit.
 */
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
    void a_new_identifier_is_handled_and_recorded_with_its_answer_in_one_statement() throws Exception {
        Object answer = handle(REDEMPTION, new Log(true, Optional.empty()), handler());

        assertThat(answer).isEqualTo(new Receipt(false, 2_500L));
        assertThat(calls).containsExactly("handler", "record 2500", "sent with the commit");
    }

    @Test
    void a_recorded_identifier_is_answered_as_the_first_time_and_the_handling_is_rolled_back() {
        assertThatThrownBy(() -> handle(REDEMPTION, new Log(false, Optional.of(firstAnswer())), handler()))
                .isInstanceOfSatisfying(AnsweredBefore.class,
                        answered -> assertThat(answered.receipt()).isEqualTo(new Receipt(true, 4_000L)));
        assertThat(calls).containsExactly("handler", "record 2500", "sent with the commit", "find");
    }

    @Test
    void another_request_under_a_recorded_identifier_is_refused() {
        ClientRequest other = ClientRequest.of(ClientRequest.REDEMPTION, "testville", "kassa-1", 9_999).to("testville:2026:anna");

        assertThatThrownBy(() -> handle(other, new Log(false, Optional.of(firstAnswer())), handler()))
                .isInstanceOf(IdempotencyConflict.class);
        assertThat(calls).containsExactly("handler", "record 2500", "sent with the commit", "find");
    }

    @Test
    void an_identifier_recorded_by_a_request_not_yet_visible_is_a_race_the_gateway_retries() {
        assertThatThrownBy(() -> handle(REDEMPTION, new Log(false, Optional.empty()), handler()))
                .satisfies(failure -> assertThat(StoreConflict.in(failure)).as("retried as a lost race").isTrue());
        assertThat(calls).containsExactly("handler", "record 2500", "sent with the commit", "find");
    }

    @Test
    void a_repeat_its_aggregate_refuses_is_answered_as_the_first_time() {
        assertThatThrownBy(() -> handle(REDEMPTION, new Log(true, Optional.of(firstAnswer())), refusing()))
                .isInstanceOfSatisfying(AnsweredBefore.class,
                        answered -> assertThat(answered.receipt()).isEqualTo(new Receipt(true, 4_000L)));
        assertThat(calls).containsExactly("handler", "find");
    }

    @Test
    void a_refusal_of_a_request_never_answered_stands_and_nothing_is_recorded() {
        assertThatThrownBy(() -> handle(REDEMPTION, new Log(true, Optional.empty()), refusing()))
                .isInstanceOf(InsufficientCredit.class);
        assertThat(calls).containsExactly("handler", "find");
    }

    /** The redemption as the log recorded it the first time, answered with a balance of 4,000. */
    private static RecordedRequest firstAnswer() {
        return new RecordedRequest(REDEMPTION.fingerprint(), REDEMPTION.target(), 4_000L);
    }

    private InterceptorChain handler() {
        return () -> {
            calls.add("handler");
            return new Receipt(false, 2_500L);
        };
    }

    private InterceptorChain refusing() {
        return () -> {
            calls.add("handler");
            throw new InsufficientCredit("3", 100, 1_000);
        };
    }

    private Object handle(ClientRequest request, ClientRequestLog log, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("redeem").andMetaData(request.metaData());
        unitOfWork = DefaultUnitOfWork.startAndGet(command);
        Object answer = new RequestIdentity(log).handle(unitOfWork, chain);
        unitOfWork.commit();
        return answer;
    }

    /** A log that answers as told and records what it was asked. */
    private final class Log extends ClientRequestLog {

        private final boolean records;
        private final Optional<RecordedRequest> found;

        Log(boolean records, Optional<RecordedRequest> found) {
            super(null, null);
            this.records = records;
            this.found = found;
        }

        /** Sends the insert when the unit commits: where the identifier is recorded, it breaks the log's key there. */
        @Override
        void record(ClientRequest request, Long balanceAfterCents, Supplier<RuntimeException> taken) {
            calls.add("record " + balanceAfterCents);
            CurrentUnitOfWork.get().onCommit(unit -> {
                calls.add("sent with the commit");
                if (!records) {
                    throw taken.get();
                }
            });
        }

        @Override
        Optional<RecordedRequest> find(ClientRequest request) {
            calls.add("find");
            return found;
        }
    }
}
