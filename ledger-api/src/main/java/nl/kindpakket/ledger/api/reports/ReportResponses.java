package nl.kindpakket.ledger.api.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The CSV, workbook and HTML answers of the reports. */
public final class ReportResponses {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private ReportResponses() {
    }

    /** The report's first table, in the dialect asked for; {@code name} is the file's name without extension. */
    public static ResponseEntity<String> csv(ReportTable table, CsvDialect dialect, String name) {
        return ResponseEntity.ok()
                .contentType(dialect.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".csv").build().toString())
                .body(Csv.of(dialect, table));
    }

    /** Every table of the report, one sheet each. */
    public static ResponseEntity<byte[]> xlsx(List<ReportTable> tables, String name) {
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        try {
            Xlsx.write(tables, workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".xlsx").build().toString())
                .body(workbook.toByteArray());
    }

    static ResponseEntity<String> html(HtmlPage page) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page.toString());
    }
}
