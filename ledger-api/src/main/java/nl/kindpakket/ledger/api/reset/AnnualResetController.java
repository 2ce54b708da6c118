package nl.kindpakket.ledger.api.reset;

import java.net.URI;

import nl.kindpakket.ledger.core.api.Municipality;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Annual resets: accepted as a job (202) whose status resource shows its progress. */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/annual-resets")
class AnnualResetController {

    private final AnnualResets resets;

    AnnualResetController(AnnualResets resets) {
        this.resets = resets;
    }

    @PostMapping
    ResponseEntity<ResetJobStatus> submit(@PathVariable String municipality, @RequestBody AnnualResetRequest request) {
        Municipality m = new Municipality(municipality);
        AnnualResets.Submission submission = resets.submit(m, request);
        URI location = URI.create("/api/v1/municipalities/" + m.slug() + "/annual-resets/" + submission.job().id());
        return ResponseEntity.status(submission.started() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(location)
                .body(submission.job());
    }

    @GetMapping("/{jobId}")
    ResetJobStatus status(@PathVariable String municipality, @PathVariable String jobId) {
        return resets.status(new Municipality(municipality), jobId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no annual reset " + jobId));
    }
}
