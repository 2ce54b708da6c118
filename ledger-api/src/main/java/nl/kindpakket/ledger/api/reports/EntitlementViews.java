package nl.kindpakket.ledger.api.reports;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.refusals.UnknownEntitlement;
import nl.kindpakket.ledger.projections.entitlement.EntitlementView;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A child's entitlement: credit per line, pass, status and its history, from the entitlement view. */
@RestController
class EntitlementViews {

    private final EntitlementViewQueries queries;

    EntitlementViews(EntitlementViewQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/municipalities/{municipality}/years/{year}/entitlements/{childRef}")
    EntitlementView view(@PathVariable String municipality, @PathVariable int year, @PathVariable String childRef) {
        EntitlementId id = EntitlementId.of(municipality, year, childRef);
        return queries.find(id.municipality().slug(), id.year(), id.childRef().value())
                .orElseThrow(() -> new UnknownEntitlement(id.toString()));
    }
}
