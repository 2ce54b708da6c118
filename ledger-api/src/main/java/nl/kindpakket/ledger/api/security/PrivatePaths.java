package nl.kindpakket.ledger.api.security;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.refusals.BsnLikeValue;

/** A request path fit to be echoed in an answer: a segment that looks like a BSN is masked, never repeated. */
public final class PrivatePaths {

    static final String MASK = "_";

    private PrivatePaths() {
    }

    public static URI instanceOf(String requestUri) {
        String masked = Arrays.stream(requestUri.split("/", -1))
                .map(PrivatePaths::maskIfBsnLike)
                .collect(Collectors.joining("/"));
        try {
            return URI.create(masked);
        } catch (IllegalArgumentException unparsable) {
            return URI.create("/");
        }
    }

    private static String maskIfBsnLike(String segment) {
        try {
            Text.refuseBsnLike("path", segment);
            return segment;
        } catch (BsnLikeValue bsnLike) {
            return MASK;
        }
    }
}
