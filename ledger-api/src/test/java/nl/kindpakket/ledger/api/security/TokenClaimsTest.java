package nl.kindpakket.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenClaimsTest {

    static final JwtClaimNames DEFAULTS = new JwtClaimNames(null, null, null);
    static final JwtClaimNames ENTRA = new JwtClaimNames("roles", "extension_municipality", "extension_provider");

    @Test
    void the_default_claim_names_are_ledger_role_municipality_and_provider_id() {
        assertThat(DEFAULTS).isEqualTo(new JwtClaimNames("ledger_role", "municipality", "provider_id"));
        assertThat(TokenClaims.callerOf(token(Map.of("ledger_role", "PROVIDER", "municipality", "westland",
                "provider_id", "zwembad-naaldwijk")), DEFAULTS).caller())
                .isEqualTo(new Caller("u-1", Role.PROVIDER, "westland", "zwembad-naaldwijk"));
    }

    @Test
    void the_claims_are_read_under_the_configured_names() {
        Jwt entra = token(Map.of("roles", List.of("COUNCIL"), "extension_municipality", "westland"));

        assertThat(TokenClaims.callerOf(entra, ENTRA).caller()).isEqualTo(new Caller("u-1", Role.COUNCIL, "westland", null));
        assertThat(TokenClaims.callerOf(entra, DEFAULTS).refusal()).contains("ledger_role");
    }

    @Test
    void only_an_operator_spans_all_municipalities_and_a_municipality_must_be_a_valid_slug() {
        assertThat(TokenClaims.callerOf(token(Map.of("ledger_role", "OPERATOR", "municipality", "*")), DEFAULTS).caller())
                .isEqualTo(new Caller("u-1", Role.OPERATOR, "*", null));
        assertThat(TokenClaims.callerOf(token(Map.of("ledger_role", "AUDITOR", "municipality", "*")), DEFAULTS).caller()).isNull();
        assertThat(TokenClaims.callerOf(token(Map.of("ledger_role", "AUDITOR", "municipality", "West Land")), DEFAULTS).caller()).isNull();
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(c -> c.putAll(claims)).build();
    }
}
