package nl.kindpakket.ledger.api.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request signed in with a validated bearer token. Its principal is the {@link Caller} the claims name; a token
 * whose claims name no caller is still signed in (its signature is good) but as nobody, so that the access policy
 * answers 403 with the reason rather than 401.
 */
final class TokenSignIn extends AbstractAuthenticationToken {

    private final Jwt token;
    private final Object principal;

    private TokenSignIn(Jwt token, Object principal, List<SimpleGrantedAuthority> authorities) {
        super(authorities);
        this.token = token;
        this.principal = principal;
        setAuthenticated(true);
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter(JwtClaimNames names) {
        return token -> {
            TokenClaims.Result result = TokenClaims.callerOf(token, names);
            return result.caller() == null
                    ? new TokenSignIn(token, new Unbound(result.refusal()), List.of())
                    : new TokenSignIn(token, new Bound(result.caller()),
                            List.of(new SimpleGrantedAuthority("ROLE_" + result.caller().role().name())));
        };
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return token.getSubject() == null ? "token" : token.getSubject();
    }

    /** The caller the token names. */
    record Bound(Caller caller) implements CallerPrincipal {
    }

    /** A good token that names no caller, and why. */
    record Unbound(String reason) {
    }
}
