package nl.kindpakket.ledger.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void equal_words_come_back_as_one_copy() {
        String first = new String("westland".toCharArray());
        String second = new String("westland".toCharArray());

        assertThat(Vocabulary.of(first)).isSameAs(Vocabulary.of(second)).isEqualTo("westland");
        assertThat(Vocabulary.of(null)).isNull();
    }

    @Test
    void past_its_bound_a_new_word_is_kept_as_given() {
        for (int i = 0; i <= Vocabulary.MOST; i++) {
            Vocabulary.of("filler-" + i);
        }
        String late = new String("late-word".toCharArray());
        String again = new String("late-word".toCharArray());

        assertThat(Vocabulary.of(late)).isSameAs(late);
        assertThat(Vocabulary.of(again)).isSameAs(again).isEqualTo(late);
    }
}
