package nl.kindpakket.ledger.api.readside;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The positions of the read models' live processor, one token per segment, read from and written to its token
 * table directly: a rebuild hands the processor the position its new tables reflect, and a reconciliation folds
 * exactly what the live tables reflect. The tokens are the store's gap-aware tokens, serialised as the token store
 * serialises them; {@code RebuildOverHttpTest} fails if a live processor stops taking up a token written here.
 */
@Component
public class LiveTokens {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TokenSchema schema;

    LiveTokens(JdbcTemplate jdbc, Serializer serializer, TokenSchema schema) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.schema = schema;
    }

    /** The segments' tokens as stored; {@code forUpdate} also keeps every other writer of them out until commit. */
    public Positions read(boolean forUpdate) {
        List<Integer> ids = new ArrayList<>();
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("SELECT " + schema.segmentColumn() + ", " + schema.tokenColumn() + ", " + schema.tokenTypeColumn()
                + " FROM " + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ? ORDER BY "
                + schema.segmentColumn() + (forUpdate ? " FOR UPDATE" : ""), row -> {
                    ids.add(row.getInt(1));
                    byte[] token = row.getBytes(2);
                    tokens.add(token == null ? null : serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, row.getString(3), null)));
                }, ReadModels.GROUP);
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        List<Positions.Segmented> segments = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            segments.add(new Positions.Segmented(Segment.computeSegment(all[i], all), gapAware(tokens.get(i))));
        }
        return new Positions(segments);
    }

    /**
     * Stores, for every segment, a token that also covers every event up to {@code horizon}, releasing its claim:
     * the processor that next claims a segment carries on from there. In the caller's transaction, after
     * {@link #read(boolean) read(true)}.
     */
    public void extendTo(Positions current, long horizon) {
        String now = DateTimeUtils.formatInstant(Instant.now());
        for (Positions.Segmented segment : current.segments()) {
            SerializedObject<byte[]> token = serializer.serialize(union(segment.token(), horizon), byte[].class);
            jdbc.update("UPDATE " + schema.tokenTable() + " SET " + schema.tokenColumn() + " = ?, "
                            + schema.tokenTypeColumn() + " = ?, " + schema.ownerColumn() + " = NULL, "
                            + schema.timestampColumn() + " = ? WHERE " + schema.processorNameColumn() + " = ? AND "
                            + schema.segmentColumn() + " = ?",
                    token.getData(), token.getType().getName(), now, ReadModels.GROUP,
                    segment.segment().getSegmentId());
        }
    }

    /** The token that covers what {@code token} covers and every position up to {@code horizon}. */
    static GapAwareTrackingToken union(GapAwareTrackingToken token, long horizon) {
        if (token == null || token.getIndex() <= horizon) {
            return GapAwareTrackingToken.newInstance(horizon, Collections.emptySortedSet());
        }
        return GapAwareTrackingToken.newInstance(token.getIndex(), new TreeSet<>(token.getGaps().tailSet(horizon + 1)));
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalStateException("the read models' processor holds a " + token.getClass().getSimpleName()
                + ", where a position in the store was expected");
    }
}
