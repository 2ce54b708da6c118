package nl.kindpakket.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class ConfiguredUsersTest {

    private static final PasswordEncoder ENCODER =
            new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(UsersOnly.class);

    @Test
    void users_bind_from_properties_with_a_kebab_case_provider_id() {
        context.withPropertyValues(
                        "ledger.security.users[0].name=pool",
                        "ledger.security.users[0].password=pool-secret",
                        "ledger.security.users[0].role=PROVIDER",
                        "ledger.security.users[0].municipality=westland",
                        "ledger.security.users[0].provider-id=zwembad",
                        "ledger.security.users[1].name=operator",
                        "ledger.security.users[1].password=operator-secret",
                        "ledger.security.users[1].role=OPERATOR",
                        "ledger.security.users[1].municipality=*")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    List<ConfiguredUser> users = started.getBean(LedgerSecurityProperties.class).users();
                    assertThat(users).extracting(ConfiguredUser::caller).containsExactly(
                            new Caller("pool", Role.PROVIDER, "westland", "zwembad"),
                            new Caller("operator", Role.OPERATOR, "*", null));
                });
    }

    @Test
    void a_wrong_user_entry_stops_the_service_at_startup() {
        context.withPropertyValues(
                        "ledger.security.users[0].name=pool",
                        "ledger.security.users[0].password=pool-secret",
                        "ledger.security.users[0].role=PROVIDER",
                        "ledger.security.users[0].municipality=westland")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("a PROVIDER requires provider-id"));
        context.withPropertyValues(
                        "ledger.security.users[0].name=boss",
                        "ledger.security.users[0].password=boss-secret",
                        "ledger.security.users[0].role=ADMIN",
                        "ledger.security.users[0].municipality=westland")
                .run(started -> assertThat(started).hasFailed());
        context.withPropertyValues(
                        "ledger.security.users[0].name=operator",
                        "ledger.security.users[0].password=operator-secret",
                        "ledger.security.users[0].role=OPERATOR",
                        "ledger.security.users[0].municipality=westland")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("an OPERATOR spans all municipalities"));
    }

    @Test
    void without_configured_users_nobody_exists_and_spring_boot_adds_no_generated_user() {
        context.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started).hasSingleBean(UserDetailsService.class);
                    UserDetailsService users = started.getBean(UserDetailsService.class);
                    assertThatThrownBy(() -> users.loadUserByUsername("user")).isInstanceOf(UsernameNotFoundException.class);
                });
    }

    @Test
    void every_role_but_operator_is_bound_to_one_municipality() {
        assertThatThrownBy(() -> user("staff", Role.MUNICIPALITY_STAFF, null, null))
                .hasMessageContaining("municipality is required");
        assertThatThrownBy(() -> user("staff", Role.MUNICIPALITY_STAFF, "*", null))
                .hasMessageContaining("only an OPERATOR may span all municipalities");
        assertThatThrownBy(() -> user("staff", Role.MUNICIPALITY_STAFF, "West Land", null))
                .hasMessageContaining("municipality must be");
        assertThatThrownBy(() -> user("operator", Role.OPERATOR, null, null))
                .hasMessageContaining("municipality is required");
        assertThat(user("operator", Role.OPERATOR, "*", null).caller().spansAllMunicipalities()).isTrue();
    }

    @Test
    void an_operator_spans_every_municipality_and_cannot_be_bound_to_one() {
        assertThatThrownBy(() -> user("operator", Role.OPERATOR, "westland", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an OPERATOR spans all municipalities: municipality must be *");
    }

    @Test
    void only_a_provider_names_a_provider_id_and_it_must_be_valid() {
        assertThatThrownBy(() -> user("pool", Role.PROVIDER, "westland", null))
                .hasMessageContaining("a PROVIDER requires provider-id");
        assertThatThrownBy(() -> user("pool", Role.PROVIDER, "westland", "zwem bad"))
                .hasMessageContaining("providerId must be");
        assertThatThrownBy(() -> user("auditor", Role.AUDITOR, "westland", "zwembad"))
                .hasMessageContaining("provider-id is only for a PROVIDER");
    }

    @Test
    void a_user_needs_a_name_a_password_and_a_role() {
        assertThatThrownBy(() -> new ConfiguredUser(null, "secret", Role.AUDITOR, "westland", null))
                .hasMessageContaining("name must be");
        assertThatThrownBy(() -> new ConfiguredUser("has:colon", "secret", Role.AUDITOR, "westland", null))
                .hasMessageContaining("name must be");
        assertThatThrownBy(() -> new ConfiguredUser("auditor", " ", Role.AUDITOR, "westland", null))
                .hasMessageContaining("password is required");
        assertThatThrownBy(() -> new ConfiguredUser("auditor", "secret", null, "westland", null))
                .hasMessageContaining("role is required");
    }

    @Test
    void an_encoded_password_must_be_a_bcrypt_hash() {
        assertThatThrownBy(() -> new ConfiguredUser("auditor", "{noop}secret", Role.AUDITOR, "westland", null))
                .hasMessageContaining("{bcrypt}");
        assertThatThrownBy(() -> new ConfiguredUser("auditor", "{bcrypt}not-a-hash", Role.AUDITOR, "westland", null))
                .hasMessageContaining("{bcrypt}");
        String hash = ENCODER.encode("secret");
        assertThat(new ConfiguredUser("auditor", hash, Role.AUDITOR, "westland", null).hasEncodedPassword()).isTrue();
    }

    @Test
    void the_same_name_cannot_be_configured_twice() {
        ConfiguredUser first = user("staff", Role.MUNICIPALITY_STAFF, "westland", null);
        assertThatThrownBy(() -> new LedgerSecurityProperties(List.of(first, first)))
                .hasMessageContaining("configured twice");
    }

    @Test
    void a_password_never_appears_in_the_users_description() {
        assertThat(new ConfiguredUser("auditor", "very-secret", Role.AUDITOR, "westland", null).toString())
                .doesNotContain("very-secret");
    }

    @Test
    void a_plain_password_is_kept_only_as_a_bcrypt_hash_and_a_given_hash_is_kept_as_is() {
        String givenHash = ENCODER.encode("auditor-secret");
        ConfiguredUsers users = new ConfiguredUsers(new LedgerSecurityProperties(List.of(
                new ConfiguredUser("staff", "staff-secret", Role.MUNICIPALITY_STAFF, "westland", null),
                new ConfiguredUser("auditor", givenHash, Role.AUDITOR, "westland", null))), ENCODER);

        String stored = users.loadUserByUsername("staff").getPassword();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("staff-secret");
        assertThat(ENCODER.matches("staff-secret", stored)).isTrue();
        assertThat(users.loadUserByUsername("auditor").getPassword()).isEqualTo(givenHash);
    }

    @Test
    void a_user_signs_in_again_after_spring_security_erased_the_credentials_of_the_first_sign_in() {
        ConfiguredUsers users = new ConfiguredUsers(new LedgerSecurityProperties(List.of(
                new ConfiguredUser("pool", "pool-secret", Role.PROVIDER, "westland", "zwembad"))), ENCODER);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(ENCODER);

        for (int attempt = 0; attempt < 2; attempt++) {
            Authentication signedIn = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("pool", "pool-secret"));
            assertThat(Callers.of(signedIn)).contains(new Caller("pool", Role.PROVIDER, "westland", "zwembad"));
            ((LedgerUser) signedIn.getPrincipal()).eraseCredentials();
        }
    }

    private static ConfiguredUser user(String name, Role role, String municipality, String providerId) {
        return new ConfiguredUser(name, "secret-password", role, municipality, providerId);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerSecurityProperties.class)
    static class UsersOnly {

        @Bean
        ConfiguredUsers ledgerUsers(LedgerSecurityProperties properties) {
            return new ConfiguredUsers(properties, ENCODER);
        }
    }
}
