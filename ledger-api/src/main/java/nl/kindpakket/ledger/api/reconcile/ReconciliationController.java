package nl.kindpakket.ledger.api.reconcile;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's reconciliation of the live read models with a fresh fold of the events: a POST starts one (202)
 * whose status resource shows its progress and, at the end, whether every row is equal and which rows are not.
 */
@RestController
@RequestMapping("/api/v1/operator/reconciliations")
class ReconciliationController {

    static final String PATH = "/api/v1/operator/reconciliations/";

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @PostMapping
    ResponseEntity<ReconciliationStatus> start() {
        ReconciliationStatus started = reconciliations.start();
        return ResponseEntity.accepted().location(URI.create(PATH + started.id())).body(started);
    }

    @GetMapping("/{id}")
    ResponseEntity<ReconciliationStatus> status(@PathVariable String id) {
        return ResponseEntity.of(reconciliations.status(id));
    }

    @GetMapping
    List<ReconciliationStatus> recent() {
        return reconciliations.recent();
    }
}
