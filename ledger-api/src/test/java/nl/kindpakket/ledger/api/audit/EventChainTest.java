package nl.kindpakket.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class EventChainTest {

    static EventRow row(String eventId, String aggregateId, long sequence, String type, String revision, String payload, String metaData) {
        return new EventRow(eventId, aggregateId, sequence, type, revision, "2024-03-01T10:00:05Z",
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_canonical_form_is_each_field_preceded_by_its_length_and_null_as_minus_one() {
        EventRow event = new EventRow("e", "a:1", 2, "T", null, "t", new byte[] {7}, null);

        assertThat(HexFormat.of().formatHex(EventChain.canonical(event))).isEqualTo(
                "00000001" + "65"
                + "00000003" + "613a31"
                + "00000008" + "0000000000000002"
                + "00000001" + "54"
                + "ffffffff"
                + "00000001" + "74"
                + "00000001" + "07"
                + "ffffffff");
    }

    @Test
    void moving_a_boundary_between_two_fields_changes_the_hash() {
        EventRow ab = row("ev-1", "town:2024:kind", 0, "ab", "c", "{}", "{}");
        EventRow bc = row("ev-1", "town:2024:kind", 0, "a", "bc", "{}", "{}");

        assertThat(EventChain.canonical(ab)).isNotEqualTo(EventChain.canonical(bc));
        assertThat(EventChain.hash(EventChain.GENESIS, ab)).isNotEqualTo(EventChain.hash(EventChain.GENESIS, bc));
    }

    @Test
    void moving_bytes_between_payload_and_metadata_changes_the_hash() {
        assertThat(EventChain.hash(EventChain.GENESIS, row("ev-1", "x", 0, "T", null, "{\"a\":1}", "{}")))
                .isNotEqualTo(EventChain.hash(EventChain.GENESIS, row("ev-1", "x", 0, "T", null, "{\"a\":1}{", "}")));
    }

    @Test
    void a_missing_revision_differs_from_an_empty_one() {
        assertThat(EventChain.hash(EventChain.GENESIS, row("ev-1", "x", 0, "T", null, "{}", null)))
                .isNotEqualTo(EventChain.hash(EventChain.GENESIS, row("ev-1", "x", 0, "T", "", "{}", null)));
    }

    @Test
    void the_same_event_after_another_predecessor_has_another_hash() {
        EventRow event = row("ev-2", "x", 1, "T", null, "{}", null);
        byte[] first = EventChain.hash(EventChain.GENESIS, row("ev-1", "x", 0, "T", null, "{}", null));
        byte[] otherFirst = EventChain.hash(EventChain.GENESIS, row("ev-1", "x", 0, "T", null, "{ }", null));

        assertThat(EventChain.hash(first, event)).isNotEqualTo(EventChain.hash(otherFirst, event));
    }

    @Test
    void every_chained_field_counts() {
        EventRow base = row("ev-1", "x", 3, "T", "1", "{}", "{}");
        byte[] hash = EventChain.hash(EventChain.GENESIS, base);

        assertThat(new EventRow[] {
                row("ev-2", "x", 3, "T", "1", "{}", "{}"),
                row("ev-1", "y", 3, "T", "1", "{}", "{}"),
                row("ev-1", "x", 4, "T", "1", "{}", "{}"),
                row("ev-1", "x", 3, "U", "1", "{}", "{}"),
                row("ev-1", "x", 3, "T", "2", "{}", "{}"),
                new EventRow("ev-1", "x", 3, "T", "1", "2024-03-01T10:00:06Z", base.payload(), base.metaData()),
                row("ev-1", "x", 3, "T", "1", "{ }", "{}"),
                row("ev-1", "x", 3, "T", "1", "{}", "{ }")})
                .allSatisfy(changed -> assertThat(EventChain.hash(EventChain.GENESIS, changed)).isNotEqualTo(hash));
    }

    @Test
    void the_hash_is_sha_256_of_the_previous_link_and_the_canonical_form() throws Exception {
        EventRow event = row("ev-1", "x", 0, "T", null, "{}", null);
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        digest.update(new byte[32]);

        assertThat(EventChain.hash(EventChain.GENESIS, event)).isEqualTo(digest.digest(EventChain.canonical(event))).hasSize(32);
    }
}
