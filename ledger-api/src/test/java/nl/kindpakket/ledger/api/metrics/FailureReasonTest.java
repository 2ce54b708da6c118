package nl.kindpakket.ledger.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class FailureReasonTest {

    @Test
    void a_refusal_is_tagged_with_its_type_wherever_it_is_in_the_cause_chain() {
        var wrapped = new CommandExecutionException("failed", new InsufficientCredit("1", 100, 200));

        assertThat(FailureReason.of(wrapped)).isEqualTo(new FailureReason("refused", "insufficient-credit"));
    }

    @Test
    void no_connection_for_the_transaction_is_the_store_unavailable() {
        var failure = new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out", "08001"));

        assertThat(FailureReason.of(failure)).isEqualTo(new FailureReason("failed", "store-unavailable"));
    }

    @Test
    void a_rollback_on_a_lost_connection_is_the_store_unavailable() {
        var failure = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(FailureReason.of(failure)).isEqualTo(new FailureReason("failed", "store-unavailable"));
    }

    @Test
    void a_statement_on_a_connection_the_pool_evicted_is_the_store_unavailable() {
        var failure = new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed"));

        assertThat(FailureReason.of(failure)).isEqualTo(new FailureReason("failed", "store-unavailable"));
    }

    @Test
    void postgresql_ending_the_session_for_a_shutdown_is_the_store_unavailable_not_a_bug() {
        var failure = new JdbcException("Failed to append", new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(FailureReason.of(failure)).isEqualTo(new FailureReason("failed", "store-unavailable"));
    }

    @Test
    void a_connection_lost_while_committing_has_an_unknown_outcome() {
        var failure = new CommitOutcomeUnknown(new TransactionSystemException("JDBC commit failed", new SQLException("I/O", "08006")));

        assertThat(FailureReason.of(failure)).isEqualTo(new FailureReason("failed", "outcome-unknown"));
    }

    @Test
    void an_attempt_that_lost_a_race_for_one_aggregate_or_key_is_counted_as_conflicted() {
        assertThat(FailureReason.of(new ConcurrencyException("sequence taken")))
                .isEqualTo(new FailureReason("conflicted", "concurrent-modification"));
        assertThat(FailureReason.of(new DuplicateKeyException("key taken")))
                .isEqualTo(new FailureReason("conflicted", "concurrent-modification"));
    }

    @Test
    void anything_else_is_an_error_without_its_message_in_the_tag() {
        assertThat(FailureReason.of(new IllegalStateException("a bug with an id 12345"))).isEqualTo(new FailureReason("failed", "error"));
        assertThat(FailureReason.of(new SQLException("syntax", "42601")).tag()).isEqualTo("error");
    }
}
