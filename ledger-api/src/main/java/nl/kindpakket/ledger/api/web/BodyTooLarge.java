package nl.kindpakket.ledger.api.web;

import java.io.IOException;

/** A request body read past its limit: thrown from the body's stream, so that reading stops there. */
final class BodyTooLarge extends IOException {

    BodyTooLarge(long limitBytes) {
        super("the body is larger than " + limitBytes + " bytes", null);
    }
}
