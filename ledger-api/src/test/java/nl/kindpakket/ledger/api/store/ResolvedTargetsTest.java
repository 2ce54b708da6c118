package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** A command's target, found once per class, is the one Axon's annotation resolver finds every time. */
class ResolvedTargetsTest {

    private final ResolvedTargets resolved = new ResolvedTargets();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record ByField(@TargetAggregateIdentifier String target, String other) {
    }

    static final class Versioned {
        @TargetAggregateIdentifier
        private final String id = "thing-7";
        @TargetAggregateVersion
        private final String version = "12";
    }

    record Untargeted(String id) {
    }

    record NullTarget(@TargetAggregateIdentifier String id) {
    }

    @Test
    void a_ledger_command_goes_to_its_entitlement_as_axon_would_send_it() {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        CommandMessage<?> redemption = GenericCommandMessage.asCommandMessage(new RedeemAtProvider(
                EntitlementId.parse("testville:2026:anna"), "kassa-1", new PassNumber("WL-0001"), new ProviderId("zwembad"),
                new SpendingLineCode("3"), Money.ofCents(100), at, at));

        assertThat(twice(redemption)).isEqualTo(new VersionedAggregateIdentifier("testville:2026:anna", null));
        assertThat(resolved.resolveTarget(redemption)).isEqualTo(axons.resolveTarget(redemption));
    }

    @Test
    void fields_and_versions_are_read_as_axon_reads_them() {
        CommandMessage<?> byField = GenericCommandMessage.asCommandMessage(new ByField("budget-2026", "x"));
        CommandMessage<?> versioned = GenericCommandMessage.asCommandMessage(new Versioned());

        assertThat(twice(byField)).isEqualTo(axons.resolveTarget(byField)).isEqualTo(new VersionedAggregateIdentifier("budget-2026", null));
        assertThat(twice(versioned)).isEqualTo(axons.resolveTarget(versioned)).isEqualTo(new VersionedAggregateIdentifier("thing-7", 12L));
    }

    @Test
    void a_command_without_a_target_is_refused_as_axon_refuses_it() {
        for (Object payload : new Object[] {new Untargeted("x"), new NullTarget(null)}) {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
            String axonsMessage = catchMessage(() -> axons.resolveTarget(command));

            assertThatThrownBy(() -> resolved.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(axonsMessage).hasMessageContaining(payload.getClass().getSimpleName());
        }
    }

    /** Resolved twice, the second time from what the first found; both the same. */
    private VersionedAggregateIdentifier twice(CommandMessage<?> command) {
        VersionedAggregateIdentifier first = resolved.resolveTarget(command);
        assertThat(resolved.resolveTarget(command)).isEqualTo(first);
        return first;
    }

    private static String catchMessage(Runnable failing) {
        try {
            failing.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no refusal");
    }
}
