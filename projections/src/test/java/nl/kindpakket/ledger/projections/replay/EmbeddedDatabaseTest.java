package nl.kindpakket.ledger.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.projections.support.AllReadModels;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The embedded default store is H2 in PostgreSQL mode: the migrations and every query must run there too. */
class EmbeddedDatabaseTest {

    private static final String H2 = "jdbc:h2:file:./target/h2/projections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void the_embedded_h2_database_gives_the_same_reports_as_postgresql() {
        List<LedgerEvent> history = AllReadModels.history();
        AllReadModels postgres = new AllReadModels(ProjectionDatabase.postgres());
        AllReadModels embedded = new AllReadModels(ProjectionDatabase.migrated(new DriverManagerDataSource(H2, "sa", "")));

        postgres.feed(history);
        embedded.feed(history);

        assertThat(embedded.reports()).isEqualTo(postgres.reports());
        embedded.resetAll();
        assertThat(embedded.reports().westlandChildren()).isEmpty();
    }
}
