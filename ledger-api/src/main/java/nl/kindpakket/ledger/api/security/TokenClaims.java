package nl.kindpakket.ledger.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller a validated bearer token names: its role (a string, or a list holding exactly one of the ledger's roles,
 * as Keycloak lists roles), its municipality ({@code *} for an operator only) and, for a provider, its provider id.
 * A token that names no such caller signs nobody in as anyone: it is refused with the reason.
 */
final class TokenClaims {

    private TokenClaims() {
    }

    /** The caller, or why the token names none. */
    static Result callerOf(Jwt token, JwtClaimNames names) {
        Optional<Role> role = role(token.getClaim(names.roleClaim()));
        if (role.isEmpty()) {
            return Result.refused("the token's claim " + names.roleClaim() + " names none of the ledger's roles");
        }
        String municipality = token.getClaimAsString(names.municipalityClaim());
        if (municipality == null || municipality.isBlank()) {
            return Result.refused("the token has no claim " + names.municipalityClaim());
        }
        if (Caller.ALL_MUNICIPALITIES.equals(municipality) ? role.get() != Role.OPERATOR : !isMunicipality(municipality)) {
            return Result.refused("the token's claim " + names.municipalityClaim() + " names no municipality this role may serve");
        }
        String providerId = token.getClaimAsString(names.providerClaim());
        if (role.get() == Role.PROVIDER && (providerId == null || !isProvider(providerId))) {
            return Result.refused("a provider's token needs the claim " + names.providerClaim());
        }
        String name = token.getSubject() == null ? "token" : token.getSubject();
        return Result.of(new Caller(name, role.get(), municipality, role.get() == Role.PROVIDER ? providerId : null));
    }

    private static Optional<Role> role(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        List<Role> roles = values.stream().map(String::valueOf).flatMap(value -> known(value).stream()).distinct().toList();
        return roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty();
    }

    private static Optional<Role> known(String value) {
        try {
            return Optional.of(Role.valueOf(value.strip()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static boolean isMunicipality(String slug) {
        try {
            new Municipality(slug);
            return true;
        } catch (LedgerRefusal invalid) {
            return false;
        }
    }

    private static boolean isProvider(String providerId) {
        try {
            new ProviderId(providerId);
            return true;
        } catch (LedgerRefusal invalid) {
            return false;
        }
    }

    /** Either the caller, or the reason the token names none. */
    record Result(Caller caller, String refusal) {

        static Result of(Caller caller) {
            return new Result(caller, null);
        }

        static Result refused(String reason) {
            return new Result(null, reason);
        }
    }
}
