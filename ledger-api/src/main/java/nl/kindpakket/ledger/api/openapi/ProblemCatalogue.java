package nl.kindpakket.ledger.api.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every problem type the ledger answers, with its status and when it is answered: the rules of the core (by the kind of
 * refusal), and what the web layer and security answer themselves. The API document lists them per status.
 */
public final class ProblemCatalogue {

    /** One problem type: the slug after {@code /problems/}, its HTTP status and when it is answered. */
    public record ProblemType(String rule, int status, String when) {
    }

    public static final List<ProblemType> ALL = List.of(
            new ProblemType("invalid-input", 400, "a field, parameter or body is missing or malformed; `field` names it"),
            new ProblemType("bsn-like-value", 400, "an identifier or text looks like a BSN (nine digits passing the 11-test); `field` names it"),
            new ProblemType("unauthenticated", 401, "no credentials, wrong credentials, or a bearer token that is expired, badly signed or for another audience"),
            new ProblemType("forbidden", 403, "the caller's role may not do this, or a token carries no known role or municipality"),
            new ProblemType("not-own-provider", 403, "a provider redeems, reverses or holds credit in the name of another provider"),
            new ProblemType("unknown-municipality", 404, "the path names a municipality the caller does not serve (its existence is not revealed)"),
            new ProblemType("rejected-request", 400, "the request's path or headers were refused before it was read (such as an encoded slash or a path with .. in it)"),
            new ProblemType("not-found", 404, "no such resource"),
            new ProblemType("unknown-budget-year", 404, "no budget has been allocated for that municipality and year"),
            new ProblemType("spending-line-not-found", 404, "the path names a spending line that the year does not have"),
            new ProblemType("unknown-entitlement", 404, "no entitlement of that child in that year"),
            new ProblemType("unknown-provider", 404, "no provider of that id in the municipality"),
            new ProblemType("unknown-redemption", 404, "no redemption of that id in the municipality"),
            new ProblemType("unknown-reservation", 404, "no reservation of that id in the municipality, or none the asking provider made"),
            new ProblemType("unknown-read-model", 404, "no read model of that name (operator)"),
            new ProblemType("method-not-allowed", 405, "the path exists, but not for this method"),
            new ProblemType("not-acceptable", 406, "none of the formats asked for (Accept, ?format=) is one this resource answers"),
            new ProblemType("already-reversed", 409, "the redemption was reversed already"),
            new ProblemType("already-revoked", 409, "the entitlement was revoked already"),
            new ProblemType("duplicate-grant", 409, "the child already has an entitlement for that year"),
            new ProblemType("idempotency-conflict", 409, "the client's identifier was used before for a different request"),
            new ProblemType("pass-in-use", 409, "the pass number belongs to another entitlement"),
            new ProblemType("reservation-not-open", 409, "the reservation was captured, released or expired already"),
            new ProblemType("spending-line-name-mismatch", 409, "the spending line exists with another name"),
            new ProblemType("year-already-closed", 409, "the year was closed by an annual reset already"),
            new ProblemType("rebuild-in-progress", 409, "a rebuild of the read models is running already (operator)"),
            new ProblemType("payload-too-large", 413, "the body is too large"),
            new ProblemType("unsupported-media-type", 415, "the body is not application/json"),
            new ProblemType("budget-exceeded", 422, "an expenditure would take spent and refunded above what is available on the line"),
            new ProblemType("capture-before-reservation", 422, "a capture is dated before the hold it settles was made"),
            new ProblemType("capture-exceeds-hold", 422, "a capture takes more than the reservation holds"),
            new ProblemType("date-in-future", 422, "a business date lies in the future beyond a few minutes"),
            new ProblemType("date-before-grant", 422, "a redemption, revocation or pass replacement is dated before the entitlement's grant"),
            new ProblemType("date-outside-year", 422, "a business date lies outside the entitlement's or budget's year"),
            new ProblemType("entitlement-expired", 422, "the entitlement expired at an annual reset"),
            new ProblemType("entitlement-revoked", 422, "the entitlement was revoked"),
            new ProblemType("insufficient-credit", 422, "the child's credit on the line is less than the amount"),
            new ProblemType("invalid-expiry", 422, "a hold's expiresAt is not after the moment it is made, or lies after the end of the entitlement's year"),
            new ProblemType("invalid-annual-reset", 422, "the annual reset's years or effective date do not follow each other"),
            new ProblemType("pass-replaced", 422, "the pass was replaced by a newer one"),
            new ProblemType("provider-not-accepting-line", 422, "the provider does not accept that spending line"),
            new ProblemType("provider-not-registered", 422, "the provider is not registered in the municipality"),
            new ProblemType("provider-suspended", 422, "the provider is suspended"),
            new ProblemType("refund-exceeds-underspend", 422, "a refund is larger than what the organisations left unspent on the line"),
            new ProblemType("reversal-before-redemption", 422, "a reversal is dated before its redemption"),
            new ProblemType("unknown-pass", 422, "no active entitlement holds that pass number"),
            new ProblemType("unknown-spending-line", 422, "the spending line has no allocation in that year"),
            new ProblemType("year-closed", 422, "the year was closed by an annual reset"),
            new ProblemType("internal-error", 500, "the ledger failed unexpectedly; the failure was logged"),
            new ProblemType("store-unavailable", 503, "the ledger's store cannot be reached; nothing was recorded, retry after Retry-After seconds"),
            new ProblemType("outcome-unknown", 503, "the connection to the store was lost while committing: it may have been recorded; retry with the same identifier to learn which"),
            new ProblemType("busy", 503, "another annual reset is being read, or the same record kept changing under the request through every attempt; nothing was recorded, retry after Retry-After seconds"),
            new ProblemType("service-unavailable", 503, "the service cannot answer now; retry later"));

    private ProblemCatalogue() {
    }

    /** The problem types by status, in the order of the statuses. */
    public static Map<Integer, List<ProblemType>> byStatus() {
        return ALL.stream().collect(Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
    }
}
