package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import nl.kindpakket.ledger.api.security.Caller;
import nl.kindpakket.ledger.api.security.Role;
import org.junit.jupiter.api.Test;

class StreamScopeTest {

    final Optional<Caller> bound = Optional.of(new Caller("integrator", Role.INTEGRATOR, "westland", null));
    final Optional<Caller> everywhere = Optional.of(new Caller("integrator", Role.INTEGRATOR, Caller.ALL_MUNICIPALITIES, null));

    @Test
    void a_bound_caller_reads_its_own_municipality_even_when_it_names_none() {
        assertThat(StreamScope.municipality(bound, "westland")).isEqualTo("westland");
        assertThat(StreamScope.municipality(bound, null)).isEqualTo("westland");
    }

    @Test
    void a_bound_caller_naming_another_municipality_is_told_it_does_not_exist() {
        assertThatThrownBy(() -> StreamScope.municipality(bound, "delft")).isInstanceOf(StreamScope.UnknownMunicipality.class);
    }

    @Test
    void a_caller_spanning_all_municipalities_reads_what_it_asks_for() {
        assertThat(StreamScope.municipality(everywhere, "delft")).isEqualTo("delft");
        assertThat(StreamScope.municipality(everywhere, null)).isNull();
    }
}
