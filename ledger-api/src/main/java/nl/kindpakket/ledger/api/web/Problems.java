package nl.kindpakket.ledger.api.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the ledger's RFC 9457 problems: a stable type per rule, and the rule's slug as an extension. */
public final class Problems {

    public static final String TYPE_PREFIX = "/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return typed(problem, rule);
    }

    /** Gives a problem the type, title and rule extension of a rule slug. */
    public static ProblemDetail typed(ProblemDetail problem, String rule) {
        problem.setType(URI.create(TYPE_PREFIX + rule));
        problem.setTitle(title(rule));
        problem.setProperty("rule", rule);
        return problem;
    }

    /** The title is derived from the slug so that it stays as stable as the type: "insufficient-credit" reads "Insufficient credit". */
    public static String title(String rule) {
        String words = rule.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
