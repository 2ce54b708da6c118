package nl.kindpakket.ledger.api.stream;

import java.time.Duration;

/**
 * @param writerWait how long a reader on PostgreSQL waits for the writers in flight to finish before it
 *                   falls back to the last horizon it knew
 * @param settleTime on other databases: how long after it became visible a position is taken as final
 */
public record HorizonSettings(Duration writerWait, Duration settleTime) {

    public static final HorizonSettings DEFAULT = new HorizonSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));
}
