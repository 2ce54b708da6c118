package nl.kindpakket.ledger.api.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.MetaData;

/**
 * A client's identifier of a request, with the fingerprint of what the client sent under it and the aggregate the
 * request goes to. It travels with its command as metadata, so that {@link RequestIdentity} decides in the
 * command's own transaction whether it is new, a repeat or a different request under a known identifier.
 *
 * @param kind        what the identifier names, such as {@code redemption}; identifiers of different kinds never meet
 * @param clientId    the client's identifier, scoped as the ledger scopes it (a budget year's ids by their year)
 * @param fingerprint SHA-256 (hex) of the client-supplied content in a canonical form
 * @param target      the aggregate the request goes to, where the answer needs it (an entitlement), else null
 */
public record ClientRequest(String kind, String municipality, String clientId, String fingerprint, String target) {

    private static final String KIND = "clientRequest.kind";
    private static final String MUNICIPALITY = "clientRequest.municipality";
    private static final String ID = "clientRequest.id";
    private static final String FINGERPRINT = "clientRequest.fingerprint";
    private static final String TARGET = "clientRequest.target";
    private static final char SEPARATOR = '\u001f';

    public static final String REDEMPTION = "redemption";
    public static final String RESERVATION = "reservation";
    public static final String ALLOCATION = "allocation";
    public static final String EXPENDITURE = "expenditure";
    public static final String OVERHEAD_COST = "overhead-cost";
    public static final String REFUND = "refund";
    public static final String REVERSAL = "reversal";
    public static final String REVOCATION = "revocation";
    public static final String REGISTRATION = "registration";
    public static final String SUSPENSION = "suspension";
    public static final String CAPTURE = "capture";
    public static final String RELEASE = "release";

    /** The request's identity from its content, each part written with {@code String.valueOf} (null as "null"). */
    public static ClientRequest of(String kind, String municipality, String clientId, Object... content) {
        StringBuilder canonical = new StringBuilder(kind).append(SEPARATOR).append(clientId);
        for (Object part : content) {
            canonical.append(SEPARATOR).append(part);
        }
        return new ClientRequest(kind, municipality, clientId, sha256(canonical.toString()), null);
    }

    /** An identifier of a budget year's request: the client's identifiers are its own within each year. */
    public static String inYear(int year, String id) {
        return year + "/" + id;
    }

    public ClientRequest to(String aggregate) {
        return new ClientRequest(kind, municipality, clientId, fingerprint, aggregate);
    }

    public MetaData metaData() {
        MetaData identity = MetaData.with(KIND, kind).and(MUNICIPALITY, municipality).and(ID, clientId)
                .and(FINGERPRINT, fingerprint);
        return target == null ? identity : identity.and(TARGET, target);
    }

    static Optional<ClientRequest> in(Map<String, ?> metaData) {
        if (!metaData.containsKey(KIND)) {
            return Optional.empty();
        }
        return Optional.of(new ClientRequest((String) metaData.get(KIND), (String) metaData.get(MUNICIPALITY),
                (String) metaData.get(ID), (String) metaData.get(FINGERPRINT), (String) metaData.get(TARGET)));
    }

    private static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
