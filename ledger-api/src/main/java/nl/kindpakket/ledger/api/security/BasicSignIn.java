package nl.kindpakket.ledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP Basic with the users of {@code ledger.security.users}: on by default, for the embedded default and tests;
 * {@code ledger.security.basic.enabled=false} leaves bearer tokens as the only way to sign in.
 */
@ConfigurationProperties("ledger.security.basic")
public record BasicSignIn(Boolean enabled) {

    public BasicSignIn {
        enabled = enabled == null || enabled;
    }
}
