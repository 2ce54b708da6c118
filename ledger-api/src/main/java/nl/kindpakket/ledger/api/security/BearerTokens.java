package nl.kindpakket.ledger.api.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Sign-in with OpenID Connect bearer tokens, validated against the identity provider's key set
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, and its {@code audiences}), beside HTTP Basic.
 */
final class BearerTokens {

    private BearerTokens() {
    }

    static void configure(HttpSecurity http, JwtDecoder decoder, JwtClaimNames names) throws Exception {
        http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(new BearerProblemEntryPoint())
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(TokenSignIn.converter(names))));
    }
}
