package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

class CommitWatchTest {

    @Test
    void a_commit_that_loses_its_connection_has_an_unknown_outcome() {
        RuntimeException lost = new DataAccessResourceFailureException("JDBC commit",
                new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertThatThrownBy(() -> watched(lost).startTransaction().commit())
                .isInstanceOf(CommitOutcomeUnknown.class).hasCause(lost);
    }

    @Test
    void a_commit_refused_by_the_database_is_not_unknown_it_was_not_recorded() {
        RuntimeException refused = new DuplicateKeyException("token_entry_pkey");

        assertThatThrownBy(() -> watched(refused).startTransaction().commit()).isSameAs(refused);
    }

    @Test
    void a_failure_before_the_commit_is_left_as_it_is() {
        TransactionManager failing = () -> {
            throw new DataAccessResourceFailureException("no connection");
        };

        assertThatThrownBy(() -> ((TransactionManager) new CommitWatch().postProcessAfterInitialization(failing, "tx"))
                .startTransaction()).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(new CommitWatch().postProcessAfterInitialization("not a transaction manager", "x"))
                .isEqualTo("not a transaction manager");
    }

    private static TransactionManager watched(RuntimeException onCommit) {
        TransactionManager transactions = () -> new Transaction() {
            @Override
            public void commit() {
                throw onCommit;
            }

            @Override
            public void rollback() {
            }
        };
        return (TransactionManager) new CommitWatch().postProcessAfterInitialization(transactions, "transactionManager");
    }
}
