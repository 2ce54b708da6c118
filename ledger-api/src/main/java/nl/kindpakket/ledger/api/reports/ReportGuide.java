package nl.kindpakket.ledger.api.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The explanation of every figure of every report (docs/reports.md), which each report page's footer links to. */
@RestController
class ReportGuide {

    static final String PATH = "/docs/reports.md";
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final String guide;

    ReportGuide() throws IOException {
        try (InputStream in = new ClassPathResource("docs/reports.md").getInputStream()) {
            this.guide = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Plain text, so that a browser shows it rather than downloading it. */
    @GetMapping(PATH)
    ResponseEntity<String> guide() {
        return ResponseEntity.ok().contentType(TEXT).body(guide);
    }
}
