package nl.kindpakket.ledger.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    static final ReportTable TABLE = ReportTable.of("Tabel", List.of(Column.text("Organisatie"), Column.euros("Bedrag"),
                    Column.count("Aantal"), Column.date("Datum"), Column.of("FTE", Column.Kind.DECIMAL),
                    Column.euros("SKT").csvNamed("SKT").csvBlank("–")),
            List.of(Arrays.asList("Leergeld, Enschede", -123_456L, 1_200, LocalDate.of(2021, 4, 15), new BigDecimal("0.92"), null),
                    Arrays.asList("Jeugdfonds; \"Sport\"", 5L, null, null, null, 100L)))
            .withTotal(Arrays.asList("", -123_451L, 1_200, null, new BigDecimal("0.92"), 100L));

    @Test
    void the_plain_dialect_is_rfc_4180_with_decimal_points_and_lower_case_names() {
        assertThat(Csv.of(CsvDialect.PLAIN, TABLE)).isEqualTo(String.join("\r\n",
                "organisatie,bedrag,aantal,datum,fte,SKT",
                "\"Leergeld, Enschede\",-1234.56,1200,2021-04-15,0.92,–",
                "\"Jeugdfonds; \"\"Sport\"\"\",0.05,,,,1.00",
                "totaal,-1234.51,1200,,0.92,1.00", ""));
    }

    @Test
    void the_dutch_excel_dialect_has_semicolons_decimal_commas_and_a_byte_order_mark() {
        assertThat(Csv.of(CsvDialect.EXCEL_NL, TABLE)).isEqualTo("\uFEFF" + String.join("\r\n",
                "organisatie;bedrag;aantal;datum;fte;SKT",
                "Leergeld, Enschede;-1234,56;1200;2021-04-15;0,92;–",
                "\"Jeugdfonds; \"\"Sport\"\"\";0,05;;;;1,00",
                "totaal;-1234,51;1200;;0,92;1,00", ""));
    }

    @Test
    void the_dialect_is_taken_from_the_link_before_the_accept_header_and_only_excel_nl_is_known() {
        assertThat(CsvDialect.requested(null, null)).isEqualTo(CsvDialect.PLAIN);
        assertThat(CsvDialect.requested(null, "text/csv")).isEqualTo(CsvDialect.PLAIN);
        assertThat(CsvDialect.requested(null, "text/html, text/csv;dialect=excel-nl;q=0.9")).isEqualTo(CsvDialect.EXCEL_NL);
        assertThat(CsvDialect.requested("excel-nl", "text/html")).isEqualTo(CsvDialect.EXCEL_NL);
        assertThatThrownBy(() -> CsvDialect.requested("excel-be", null))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("csv"));
        assertThatThrownBy(() -> CsvDialect.requested(null, "text/csv;dialect=semicolon"))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("dialect"));
    }

    @Test
    void a_row_of_the_wrong_width_is_refused_rather_than_written_shifted() {
        ReportTable crooked = ReportTable.of("Scheef", List.of(Column.text("A"), Column.text("B")), List.of(List.of("only one")));

        assertThatThrownBy(() -> Csv.of(CsvDialect.PLAIN, crooked)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://example.invalid\",\"Klik\")", "@SUM(A1:A9)", "+31 6 1234", "-2+3",
            "=1+1", "\tTab", "\rReturn", "-"})
    void text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(String text) {
        assertThat(Csv.neutralised(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.50", "-1", "+3", "1234.00", "Sport en cultuur", "", "a=b"})
    void numbers_and_ordinary_text_are_written_as_they_are(String text) {
        assertThat(Csv.neutralised(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\",\"Klik\")|\"'=HYPERLINK(\"\"http://x\"\",\"\"Klik\"\")\"",
            "@SUM(A1)|'@SUM(A1)"})
    void a_neutralised_text_cell_is_still_quoted_as_rfc_4180_asks(String name, String cell) {
        ReportTable named = ReportTable.of("Namen", List.of(Column.text("Naam")), List.of(List.of(name)));

        assertThat(Csv.of(CsvDialect.PLAIN, named)).isEqualTo("naam\r\n" + cell + "\r\n");
    }
}
