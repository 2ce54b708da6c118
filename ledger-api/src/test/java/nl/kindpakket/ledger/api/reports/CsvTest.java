package nl.kindpakket.ledger.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

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
    void a_neutralised_cell_is_still_quoted_as_rfc_4180_asks(String name, String cell) {
        assertThat(new Csv("naam").row(name).toString()).isEqualTo("naam\r\n" + cell + "\r\n");
    }
}
