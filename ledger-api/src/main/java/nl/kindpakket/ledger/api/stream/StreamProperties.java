package nl.kindpakket.ledger.api.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.stream.*}: how the event stream reads the event table.
 *
 * @param fetchSize  rows fetched from the database per round trip of the cursor
 * @param writerWait PostgreSQL: how long a request waits for the writers in flight before it answers
 *                   with the last safe horizon it knew
 * @param settleTime other databases: how long a position must have been visible before it is served
 */
@ConfigurationProperties("ledger.stream")
public record StreamProperties(
        @DefaultValue("1000") int fetchSize,
        @DefaultValue("5s") Duration writerWait,
        @DefaultValue("5s") Duration settleTime
) {

    HorizonSettings horizon() {
        return new HorizonSettings(writerWait, settleTime);
    }
}
