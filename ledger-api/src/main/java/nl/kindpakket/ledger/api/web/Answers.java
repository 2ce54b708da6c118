package nl.kindpakket.ledger.api.web;

import java.net.URI;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Receipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A command's answer: 201 when recorded now, 200 when it repeated an earlier one, with the same body both times. */
public final class Answers {

    private Answers() {
    }

    public static <T> ResponseEntity<T> of(Receipt receipt, T body) {
        return ResponseEntity.status(status(receipt)).body(body);
    }

    /** As {@link #of}, pointing at the entitlement view the command changed. */
    public static <T> ResponseEntity<T> of(Receipt receipt, T body, EntitlementId entitlement) {
        return ResponseEntity.status(status(receipt)).location(viewOf(entitlement)).body(body);
    }

    public static URI viewOf(EntitlementId entitlement) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/municipalities/{m}/years/{y}/entitlements/{childRef}")
                .buildAndExpand(entitlement.municipality().slug(), entitlement.year(), entitlement.childRef().value())
                .encode()
                .toUri();
    }

    private static HttpStatus status(Receipt receipt) {
        return receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED;
    }
}
