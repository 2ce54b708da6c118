package nl.kindpakket.ledger.api.reports;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The CSV and HTML responses of the reports. */
final class ReportResponses {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private ReportResponses() {
    }

    static ResponseEntity<String> csv(Csv csv, String filename) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(csv.toString());
    }

    static ResponseEntity<String> html(HtmlPage page) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page.toString());
    }
}
