package nl.kindpakket.ledger.api.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test of the service over HTTP in a town of its own: before each test a new Testville (budgeted, with its providers,
 * unless the test's {@link #town} says otherwise), a client on the service's port, and the stored events to count.
 */
abstract class TestvilleOverHttp {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;
    Testville testville;
    StoredEvents events;

    @BeforeEach
    void startTheTown() {
        http = new LedgerHttp(port);
        testville = town(new Testville(http));
        events = new StoredEvents(jdbc);
    }

    /** The town as each test starts in it: budgeted, with its providers. */
    Testville town(Testville fresh) {
        return fresh.withBudgetAndProviders();
    }
}
