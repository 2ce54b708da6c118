package nl.kindpakket.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.kindpakket.ledger.core.api.ProviderId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class ProviderScopeTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_provider_redeems_only_as_itself() {
        signIn(new Caller("pool", Role.PROVIDER, "westland", "zwembad"));
        assertThatCode(() -> ProviderScope.requireOwn(new ProviderId("zwembad"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProviderScope.requireOwn(new ProviderId("sportclub"))).isInstanceOf(NotOwnProvider.class);
        assertThat(ProviderScope.actingProvider()).contains(new ProviderId("zwembad"));
    }

    @Test
    void staff_act_for_any_provider_of_their_municipality() {
        signIn(new Caller("staff", Role.MUNICIPALITY_STAFF, "westland", null));
        assertThatCode(() -> ProviderScope.requireOwn(new ProviderId("sportclub"))).doesNotThrowAnyException();
        assertThat(ProviderScope.actingProvider()).isEmpty();
    }

    private static void signIn(Caller caller) {
        LedgerUser user = new LedgerUser(caller, "{bcrypt}unused");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
