package nl.kindpakket.ledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which claims of a bearer token carry the caller's role, municipality and provider id:
 * {@code ledger.security.jwt.role-claim}, {@code municipality-claim} and {@code provider-claim}, so that each
 * identity provider (Keycloak, Entra ID) can keep its own mapper names.
 */
@ConfigurationProperties("ledger.security.jwt")
public record JwtClaimNames(String roleClaim, String municipalityClaim, String providerClaim) {

    public JwtClaimNames {
        roleClaim = orDefault(roleClaim, "ledger_role");
        municipalityClaim = orDefault(municipalityClaim, "municipality");
        providerClaim = orDefault(providerClaim, "provider_id");
    }

    private static String orDefault(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
