package nl.kindpakket.ledger.projections.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A key is a list of its values: equal to, and hashed as, any list of the same values in the same order. */
class KeyTest {

    @Test
    void a_key_and_a_list_of_the_same_values_find_each_others_entries() {
        Key key = Key.of("westland", 2019, "1", 7);

        assertThat(key).isEqualTo(List.of("westland", 2019, "1", 7))
                .hasSameHashCodeAs(List.of("westland", 2019, "1", 7));
        assertThat(List.of("westland", 2019, "1", 7)).isEqualTo(key);
        Map<List<?>, String> byKey = new HashMap<>();
        byKey.put(List.of("westland", 2019, "1", 7), "stored as a list");
        byKey.put(Key.of("westland", 2019, "2", 7), "stored as a key");
        assertThat(byKey.get(key)).isEqualTo("stored as a list");
        assertThat(byKey.get(Key.of("westland", 2019, "2", 7))).isEqualTo("stored as a key");
        assertThat(byKey.get(List.of("westland", 2019, "2", 7))).isEqualTo("stored as a key");
    }

    @Test
    void keys_differ_in_any_value_or_in_order_or_length() {
        assertThat(Key.of("westland", 2019)).isNotEqualTo(Key.of("westland", 2018))
                .isNotEqualTo(Key.of(2019, "westland"))
                .isNotEqualTo(Key.of("westland", 2019, "1"))
                .isNotEqualTo(List.of("westland", 2018));
    }

    @Test
    void a_key_holds_no_null_and_hands_out_a_copy_of_its_values() {
        assertThatThrownBy(() -> Key.of("westland", null)).isInstanceOf(NullPointerException.class);
        Key key = Key.of("westland", 2019);
        key.toArray()[0] = "delft";
        assertThat(key.get(0)).isEqualTo("westland");
    }
}
