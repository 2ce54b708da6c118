package nl.kindpakket.ledger.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTest {

    @Test
    void sheets_get_names_excel_accepts_and_no_two_alike() throws Exception {
        ReportTable table = ReportTable.of("Verstrekte passen en uniek gebruik: 2019/2020", List.of(Column.text("A")), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Xlsx.write(List.of(table, table), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetName(0)).hasSizeLessThanOrEqualTo(31).doesNotContain(":", "/");
            assertThat(workbook.getSheetName(1)).hasSizeLessThanOrEqualTo(31).endsWith("(2)");
        }
    }

    /** A journal-sized table read from a generator, never held as a list: the writer keeps only a window of rows. */
    @Test
    void a_table_of_a_hundred_thousand_rows_is_written_row_by_row() throws Exception {
        int count = 100_000;
        Iterable<List<Object>> rows = () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public List<Object> next() {
                next++;
                return List.of((long) next, LocalDate.of(2020, 1, 1).plusDays(next % 366), "redemption", -(long) next, "kind-" + next);
            }
        };
        ReportTable journal = ReportTable.of("Journaal", List.of(Column.count("Positie"), Column.date("Datum"), Column.text("Soort"),
                Column.euros("Bedrag"), Column.text("Recht")), rows).withTotal(java.util.Arrays.asList(null, null, null, -1L, null));
        Path file = Files.createTempFile("journal", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Xlsx.write(List.of(journal), out);
        }

        String sheet = entry(file, "xl/worksheets/sheet1.xml");
        Files.delete(file);
        assertThat(sheet).contains("<row r=\"" + (count + 1) + "\"", "<row r=\"" + (count + 2) + "\"")
                .doesNotContain("<row r=\"" + (count + 3) + "\"");
        assertThat(sheet).contains("kind-" + count);
    }

    private static String entry(Path workbook, String name) throws Exception {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
