package nl.kindpakket.ledger.api.stream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;
import nl.kindpakket.ledger.api.security.Callers;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events}: the ledger's events as NDJSON, in position order, from any position on.
 *
 * <p>Gap safety: positions are drawn when a row is inserted but become visible when its transaction
 * commits, so concurrent writers make them visible out of order, and a reader that resumed after the
 * highest visible position could skip an event that commits later with a lower one. The stream
 * therefore serves nothing beyond a {@link Horizon}, a position below which no event can still
 * appear. On PostgreSQL it is exact: every insert holds the table's RowExclusiveLock from before it
 * draws its position until it commits, so the request reads the last position drawn, then the
 * transactions holding that lock, and waits (briefly; writers take milliseconds) until those have
 * ended; every position up to the one read is then committed or gone for good ({@link WriterLockHorizon};
 * the embedded H2 database uses a settle time instead, {@link SettledHorizon}). The response's
 * {@code X-Ledger-Next-After} header is the position to resume from: the last event of a full page, or
 * the horizon when the page is not full, so a filtered reader also moves past events it did not ask for.
 * A caller bound to a municipality reads only that municipality's events ({@link StreamScope}).
 */
@RestController
public class EventStreamController {

    public static final String NDJSON = "application/x-ndjson";
    public static final String NEXT_AFTER = "X-Ledger-Next-After";
    public static final String HORIZON = "X-Ledger-Horizon";
    static final int MAX_LIMIT = 10_000;

    private final DataSource dataSource;
    private final Horizon horizon;
    private final StreamProperties properties;

    public EventStreamController(DataSource dataSource, Horizon horizon, StreamProperties properties) {
        this.dataSource = dataSource;
        this.horizon = horizon;
        this.properties = properties;
    }

    @GetMapping("/api/v1/events")
    public void events(@RequestParam(defaultValue = "-1") long after,
                       @RequestParam(defaultValue = "1000") int limit,
                       @RequestParam(required = false) String municipality,
                       @RequestParam(required = false) String types,
                       HttpServletResponse response) throws SQLException, IOException {
        if (after < -1) {
            throw new InvalidInput("after", "must be a position, or -1 for the start");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        EventFilter filter = EventFilter.of(StreamScope.municipality(Callers.current(), municipality), types);
        try (Connection connection = dataSource.getConnection()) {
            Page page = EventTable.page(connection, after, limit, filter, horizon.safePosition(connection));
            response.setContentType(NDJSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(NEXT_AFTER, Long.toString(page.upTo()));
            response.setHeader(HORIZON, Long.toString(page.horizon()));
            response.setHeader("Cache-Control", "no-store");
            EventLineWriter lines = new EventLineWriter(response.getOutputStream());
            EventTable.stream(connection, page, filter, properties.fetchSize(), lines::write);
            lines.flush();
        }
    }
}
