package nl.kindpakket.ledger.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

/** Every way of sending a command gets a repeat's first answer back, and every other failure as it was. */
class FirstAnswersTest {

    private static final ClientRequest REQUEST = ClientRequest.of(ClientRequest.REDEMPTION, "testville", "kassa-1", 1_000);
    private static final Receipt FIRST = new Receipt(true, 4_000L);

    private final FirstAnswers gateway = gateway();

    @Test
    void waiting_for_a_repeat_gets_the_first_answer() {
        assertThat((Receipt) gateway.sendAndWait("repeat")).isEqualTo(FIRST);
        assertThat((Receipt) gateway.sendAndWait("repeat", 5, TimeUnit.SECONDS)).isEqualTo(FIRST);
    }

    @Test
    void a_future_and_a_callback_of_a_repeat_get_the_first_answer() throws Exception {
        CompletableFuture<Receipt> future = gateway.send("repeat");
        assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo(FIRST);

        CompletableFuture<CommandResultMessage<?>> called = new CompletableFuture<>();
        gateway.send("repeat", (message, result) -> called.complete(result));
        CommandResultMessage<?> result = called.get(5, TimeUnit.SECONDS);
        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo(FIRST);
    }

    @Test
    void any_other_failure_reaches_the_sender_unchanged() {
        assertThatThrownBy(() -> gateway.sendAndWait("refused")).isInstanceOf(InsufficientCredit.class);
        CompletableFuture<Receipt> future = gateway.send("refused");
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InsufficientCredit.class);
        assertThat((Receipt) gateway.sendAndWait("new")).isEqualTo(new Receipt(false, 2_500L));
    }

    private static FirstAnswers gateway() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> switch ((String) command.getPayload()) {
            case "repeat" -> throw new AnsweredBefore(REQUEST, FIRST);
            case "refused" -> throw new InsufficientCredit("3", 100, 1_000);
            default -> new Receipt(false, 2_500L);
        });
        return new FirstAnswers(DefaultCommandGateway.builder().commandBus(bus).build());
    }
}
