package nl.kindpakket.ledger.api.rebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts rebuilt read models in place of the live ones, in one transaction: the live rows are replaced by the shadow
 * rows and each live processor's token by the shadow processor's, so the live processors carry on exactly after the
 * last event the shadow tables contain. The live processors of this service stop for the length of the copy.
 *
 * <p>The token rows are locked first and left unclaimed, which also holds for a live processor running elsewhere: its
 * next batch cannot store its token (it no longer owns it), rolls back, and it claims the moved token afresh.
 */
final class Swap {

    private static final Logger log = LoggerFactory.getLogger(Swap.class);
    private static final int ATTEMPTS = 3;
    private static final long STOP_SECONDS = 60;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Configuration axon;
    private final String tokenTable;

    Swap(JdbcTemplate jdbc, TransactionTemplate transaction, Configuration axon, String tokenTable) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.axon = axon;
        this.tokenTable = tokenTable;
    }

    void replace(Collection<String> readModels, List<String> tables, ShadowSchema shadow, String shadowProcessor) {
        List<StreamingEventProcessor> live = new ArrayList<>();
        readModels.forEach(name -> axon.eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class).ifPresent(live::add));
        live.forEach(Swap::stop);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    transaction.executeWithoutResult(tx -> {
                        lockTokens(readModels, shadowProcessor);
                        shadow.copyIntoLive(tables);
                        readModels.forEach(name -> moveToken(shadowProcessor, name));
                        jdbc.update("DELETE FROM " + tokenTable + " WHERE processor_name = ?", shadowProcessor);
                    });
                    return;
                } catch (PessimisticLockingFailureException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    log.info("Swap of {} met a concurrent batch, trying again: {}", readModels, e.getMessage());
                }
            }
        } finally {
            live.forEach(StreamingEventProcessor::start);
        }
    }

    private void lockTokens(Collection<String> readModels, String shadowProcessor) {
        List<Object> names = new ArrayList<>(readModels);
        names.add(shadowProcessor);
        StringJoiner marks = new StringJoiner(", ");
        names.forEach(name -> marks.add("?"));
        jdbc.queryForList("SELECT processor_name FROM " + tokenTable + " WHERE processor_name IN (" + marks + ") "
                + "ORDER BY processor_name, segment FOR UPDATE", String.class, names.toArray());
    }

    private void moveToken(String from, String to) {
        String now = DateTimeUtils.formatInstant(Instant.now());
        int moved = jdbc.update("UPDATE " + tokenTable + " SET "
                        + "token = (SELECT s.token FROM " + tokenTable + " s WHERE s.processor_name = ? AND s.segment = 0), "
                        + "token_type = (SELECT s.token_type FROM " + tokenTable + " s WHERE s.processor_name = ? AND s.segment = 0), "
                        + "owner = NULL, time_stamp = ? WHERE processor_name = ?", from, from, now, to);
        if (moved == 0) {
            jdbc.update("INSERT INTO " + tokenTable + " (processor_name, segment, token, token_type, time_stamp, owner) "
                    + "SELECT ?, 0, token, token_type, ?, NULL FROM " + tokenTable + " WHERE processor_name = ? "
                    + "AND segment = 0", to, now, from);
        }
    }

    private static void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + processor.getName(), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + processor.getName(), e);
        }
    }
}
