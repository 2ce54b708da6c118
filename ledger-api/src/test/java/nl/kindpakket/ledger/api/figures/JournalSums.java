package nl.kindpakket.ledger.api.figures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.projections.spending.PostingKind;
import nl.kindpakket.ledger.projections.spending.PostingKind.Figure;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A line's available, spent and refunded (in cents) as an auditor adds them up from a journal in each format: every
 * posting's amount added to the figure its kind moves, read from the JSON, the CSV (either dialect) or the workbook.
 */
record JournalSums(long available, long spent, long refunded) {

    /** The kinds as the CSV, the workbook and the page name them. */
    static final Map<String, Figure> DUTCH_KINDS = Map.of("Toekenning", Figure.AVAILABLE, "Besteding met pas", Figure.SPENT,
            "Terugdraaiing", Figure.SPENT, "Uitgave organisatie", Figure.SPENT, "Terugbetaling", Figure.REFUNDED);

    static JournalSums ofReportLine(JsonNode line) {
        return new JournalSums(line.path("availableCents").asLong(), line.path("spentCents").asLong(),
                line.path("refundedCents").asLong());
    }

    /** The line's figures after a posting, as the posting itself states them. */
    static JournalSums after(JsonNode posting) {
        return new JournalSums(posting.path("availableCents").asLong(), posting.path("spentCents").asLong(),
                posting.path("refundedCents").asLong());
    }

    static JournalSums ofJson(Iterable<JsonNode> postings) {
        long[] sums = new long[3];
        for (JsonNode posting : postings) {
            sums[PostingKind.of(posting.path("kind").asText()).figure().ordinal()] += posting.path("amountCents").asLong();
        }
        return new JournalSums(sums[0], sums[1], sums[2]);
    }

    /** From a CSV's rows: the header names the columns, the total row is left out. */
    static JournalSums ofCsv(String csv, char separator) {
        List<String> lines = Arrays.asList(csv.replace("\uFEFF", "").split("\r\n"));
        List<String> header = Arrays.asList(lines.get(0).split(String.valueOf(separator), -1));
        long[] sums = new long[3];
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(String.valueOf(separator), -1);
            if (cells[0].equals("totaal")) {
                continue;
            }
            Figure figure = DUTCH_KINDS.get(cells[header.indexOf("soort")]);
            sums[figure.ordinal()] += cents(cells[header.indexOf("bedrag")].replace(',', '.'));
        }
        return new JournalSums(sums[0], sums[1], sums[2]);
    }

    /** From the workbook's one sheet: Soort and Bedrag of every row between the headings and the total row. */
    static JournalSums ofWorkbook(byte[] workbook) {
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheetAt(0);
            long[] sums = new long[3];
            for (int r = 1; r < sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Figure figure = DUTCH_KINDS.get(row.getCell(2).getStringCellValue());
                sums[figure.ordinal()] += Math.round(row.getCell(3).getNumericCellValue() * 100);
            }
            return new JournalSums(sums[0], sums[1], sums[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long cents(String euros) {
        return new BigDecimal(euros).movePointRight(2).longValueExact();
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
