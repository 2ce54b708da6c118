package nl.kindpakket.ledger.api.rebuild;

import java.net.URI;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's rebuild of read models: a POST starts one (202) whose status resource shows its progress until it
 * is done. Only the OPERATOR role reaches {@code /api/v1/operator/**}.
 */
@RestController
@RequestMapping("/api/v1/operator/projections")
class RebuildController {

    static final String REBUILDS = "/api/v1/operator/projections/rebuilds/";

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** {@code name} is a read model, such as {@code monthly-passes}, or {@code all}: either rebuilds them all. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<RebuildStatus> rebuild(@PathVariable String name) {
        RebuildStatus started = rebuilds.start(name);
        return ResponseEntity.accepted().location(URI.create(REBUILDS + started.id())).body(started);
    }

    @GetMapping("/rebuilds/{id}")
    ResponseEntity<RebuildStatus> status(@PathVariable String id) {
        return ResponseEntity.of(rebuilds.status(id));
    }

    @DeleteMapping("/rebuilds/{id}")
    ResponseEntity<Object> cancel(@PathVariable String id) {
        return rebuilds.cancel(id)
                ? ResponseEntity.accepted().location(URI.create(REBUILDS + id)).build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/rebuilds")
    List<RebuildStatus> all() {
        return rebuilds.all();
    }

    /** The latest rebuild, which rebuilt this read model with the others. */
    @GetMapping("/{name}/rebuild")
    ResponseEntity<RebuildStatus> latest(@PathVariable String name) {
        if (!rebuilds.readModels().contains(name)) {
            throw new Rebuilds.UnknownReadModel(name);
        }
        return ResponseEntity.of(rebuilds.latest());
    }

    /** Each read model with its latest rebuild, if any. */
    @GetMapping
    List<Map<String, Object>> readModels() {
        Object latest = rebuilds.latest().<Object>map(status -> status).orElse(Map.of());
        return rebuilds.readModels().stream()
                .map(name -> Map.<String, Object>of("name", name, "lastRebuild", latest))
                .toList();
    }

    @ExceptionHandler(Rebuilds.UnknownReadModel.class)
    ResponseEntity<ProblemDetail> unknown(Rebuilds.UnknownReadModel unknown) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "unknown-read-model", unknown.getMessage()));
    }

    @ExceptionHandler(Rebuilds.RebuildInProgress.class)
    ResponseEntity<ProblemDetail> inProgress(Rebuilds.RebuildInProgress running) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rebuild-in-progress", running.getMessage());
        problem.setProperty("rebuild", REBUILDS + running.running().id());
        return ResponseEntity.status(HttpStatus.CONFLICT).location(URI.create(REBUILDS + running.running().id()))
                .body(problem);
    }
}
