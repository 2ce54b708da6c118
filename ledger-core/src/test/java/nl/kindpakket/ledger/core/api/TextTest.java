package nl.kindpakket.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kindpakket.ledger.core.api.refusals.BsnLikeValue;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void nine_digits_passing_the_eleven_test_look_like_a_bsn() {
        assertThat(passesElevenTest("111222333")).isTrue();
        assertThat(passesElevenTest("123456789")).isFalse();
        assertThatThrownBy(() -> Text.refuseBsnLike("reference", "111222333")).isInstanceOf(BsnLikeValue.class);
        Text.refuseBsnLike("reference", "123456789");
    }

    @Test
    void a_child_reference_that_looks_like_a_bsn_is_refused() {
        assertThatThrownBy(() -> new ChildRef("111222333"))
                .isInstanceOf(BsnLikeValue.class)
                .satisfies(refusal -> assertThat(((BsnLikeValue) refusal).field()).isEqualTo("childRef"));
    }

    @Test
    void nine_digits_failing_the_eleven_test_are_an_ordinary_reference() {
        assertThat(new ChildRef("123456789").value()).isEqualTo("123456789");
    }

    @Test
    void a_bsn_hidden_in_free_text_is_refused_even_when_spaced_or_dotted() {
        assertThatThrownBy(() -> Text.requireFreeText("reason", "moved, bsn 111 222 333"))
                .isInstanceOf(BsnLikeValue.class);
        assertThatThrownBy(() -> Text.requireFreeText("reason", "bsn 1112.22.333"))
                .isInstanceOf(BsnLikeValue.class);
    }

    @Test
    void a_longer_run_of_digits_is_not_taken_for_a_bsn() {
        assertThat(Text.requireFreeText("description", "invoice 1112223334")).isEqualTo("invoice 1112223334");
    }

    @Test
    void a_bsn_between_other_marks_or_at_either_end_is_refused_and_zeros_are_not_a_bsn() {
        assertThatThrownBy(() -> Text.requireFreeText("reason", "111222333")).isInstanceOf(BsnLikeValue.class);
        assertThatThrownBy(() -> Text.requireFreeText("reason", "a-111222333-b")).isInstanceOf(BsnLikeValue.class);
        assertThatThrownBy(() -> Text.requireFreeText("reason", "1 1 1 2 2 2 3 3 3")).isInstanceOf(BsnLikeValue.class);
        assertThat(Text.requireFreeText("reason", "000000000")).isEqualTo("000000000");
        assertThat(Text.requireFreeText("reason", "111 222 333 4")).isEqualTo("111 222 333 4");
        assertThat(Text.requireFreeText("reason", "111  222 333")).isEqualTo("111  222 333");
        assertThat(Text.requireFreeText("reason", "111..222333")).isEqualTo("111..222333");
    }

    /**
     * The one-pass scan against the rule as two regular expressions say it: join digits across a single space or
     * dot, then test every run of exactly nine digits. Random texts of digits, marks and letters, and BSNs cut up.
     */
    @Test
    void the_scan_refuses_exactly_what_the_rule_written_as_expressions_refuses() {
        Random random = new Random(20261206);
        String alphabet = "0123456789012345678901234567890123456789 . .-a";
        int refused = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            if (n % 2 == 0) {
                int length = random.nextInt(30);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                String bsn = n % 4 == 1 ? "111222333" : "123456782";
                for (int i = 0; i < bsn.length(); i++) {
                    text.append(bsn.charAt(i));
                    if (random.nextInt(4) == 0) {
                        text.append(alphabet.charAt(40 + random.nextInt(alphabet.length() - 40)));
                    }
                }
            }
            String value = text.toString();
            boolean expected = refusedByExpressions(value);
            boolean refusedNow;
            try {
                Text.refuseBsnLike("reason", value);
                refusedNow = false;
            } catch (BsnLikeValue refusal) {
                refusedNow = true;
            }
            assertThat(refusedNow).as("'%s'", value).isEqualTo(expected);
            refused += expected ? 1 : 0;
        }
        assertThat(refused).as("texts refused").isGreaterThan(10_000);
    }

    private static boolean refusedByExpressions(String value) {
        Matcher digits = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)").matcher(value.replaceAll("(?<=\\d)[ .](?=\\d)", ""));
        while (digits.find()) {
            if (passesElevenTest(digits.group())) {
                return true;
            }
        }
        return false;
    }

    /** The eleven-test as the rule states it: the first eight digits weighed 9 down to 2, the ninth -1. */
    private static boolean passesElevenTest(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0 && !nineDigits.equals("000000000");
    }

    @Test
    void a_bsn_like_pass_number_is_refused() {
        assertThatThrownBy(() -> new PassNumber("111222333")).isInstanceOf(BsnLikeValue.class);
    }

    @Test
    void free_text_is_trimmed() {
        assertThat(Text.requireFreeText("name", "  Zwembad Naaldwijk  ")).isEqualTo("Zwembad Naaldwijk");
    }

    @Test
    void free_text_longer_than_two_hundred_characters_is_refused() {
        assertThat(Text.requireFreeText("reason", "x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> Text.requireFreeText("reason", "x".repeat(201))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void free_text_with_control_characters_is_refused() {
        assertThatThrownBy(() -> Text.requireFreeText("reason", "line\u0000break")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void required_free_text_cannot_be_blank_but_optional_text_becomes_absent() {
        assertThatThrownBy(() -> Text.requireFreeText("reason", "   ")).isInstanceOf(InvalidInput.class);
        assertThat(Text.optionalFreeText("source", "   ")).isNull();
    }

    @Test
    void an_identifier_is_letters_digits_and_a_few_marks_up_to_sixty_four_characters() {
        assertThat(Text.requireIdentifier("redemptionId", "r-2019.01_a")).isEqualTo("r-2019.01_a");
        assertThat(Text.requireIdentifier("redemptionId", "a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> Text.requireIdentifier("redemptionId", "a".repeat(65)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Text.requireIdentifier("redemptionId", "r 1")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Text.requireIdentifier("redemptionId", "-r1")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_municipality_is_a_lower_case_slug() {
        assertThat(new Municipality("westland").slug()).isEqualTo("westland");
        assertThatThrownBy(() -> new Municipality("Westland")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Municipality("w")).isInstanceOf(InvalidInput.class);
    }
}
