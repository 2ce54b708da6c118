package nl.kindpakket.ledger.api.security;

/** The access policy's answer. */
public enum AccessDecision {
    PERMIT,
    /** 403: the caller's role may not make this request */
    FORBIDDEN,
    /** 403: a caller bound to a municipality must ask the event stream for it */
    MUNICIPALITY_REQUIRED,
    /** 404: the request concerns another municipality, whose existence is not revealed */
    UNKNOWN_MUNICIPALITY
}
