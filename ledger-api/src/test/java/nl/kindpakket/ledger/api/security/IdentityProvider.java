package nl.kindpakket.ledger.api.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a municipality's identity provider: a key pair made by the test, its public half served as a JWKS on
 * a local port, and access tokens signed with it (or with a key it never published).
 */
final class IdentityProvider {

    static final String AUDIENCE = "kindpakket-ledger";
    static final String ISSUER = "http://127.0.0.1/realms/testville";

    private final RSAKey key;
    private final RSAKey unpublished;
    private final HttpServer server;

    private IdentityProvider(RSAKey key, RSAKey unpublished, HttpServer server) {
        this.key = key;
        this.unpublished = unpublished;
        this.server = server;
    }

    static IdentityProvider start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("published").generate();
            RSAKey unpublished = new RSAKeyGenerator(2048).keyID("unpublished").generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new IdentityProvider(key, unpublished, server);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token for this service, valid for five minutes, with the given claims besides the standard ones. */
    String token(Map<String, Object> claims) {
        return token(claims, AUDIENCE, Instant.now().plusSeconds(300), key);
    }

    String token(Map<String, Object> claims, String audience, Instant expires, boolean published) {
        return token(claims, audience, expires, published ? key : unpublished);
    }

    private static String token(Map<String, Object> claims, String audience, Instant expires, RSAKey signingKey) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject("user-" + claims.hashCode()).issuer(ISSUER)
                .audience(audience).issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), set.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
