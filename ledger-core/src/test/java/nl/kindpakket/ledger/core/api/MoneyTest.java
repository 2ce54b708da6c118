package nl.kindpakket.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void money_is_a_positive_number_of_cents() {
        assertThat(new Money(1).cents()).isEqualTo(1);
        assertThatThrownBy(() -> new Money(0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Money(-500)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void money_stays_below_a_billion_euros() {
        assertThat(new Money(Money.MAX_CENTS).cents()).isEqualTo(Money.MAX_CENTS);
        assertThatThrownBy(() -> new Money(Money.MAX_CENTS + 1)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_field_can_set_a_tighter_maximum_and_is_named_in_the_refusal() {
        assertThat(Money.of("credits.1", 1_000, 1_000).cents()).isEqualTo(1_000);
        assertThatThrownBy(() -> Money.of("credits.1", 1_001, 1_000))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(((InvalidInput) refusal).field()).isEqualTo("credits.1"));
    }
}
