package nl.kindpakket.ledger.api.processing;

import nl.kindpakket.ledger.projections.store.Dialect;
import nl.kindpakket.ledger.projections.store.TableStore;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The read models' live tables, on the service's database, and which database that is. */
@Component
public class LiveTables {

    private final Dialect dialect;
    private final TableStore store;

    public LiveTables(JdbcTemplate jdbc) {
        this.dialect = Dialect.of(jdbc);
        this.store = new TableStore(jdbc, dialect, TableNames.LIVE);
    }

    public Dialect dialect() {
        return dialect;
    }

    public TableStore store() {
        return store;
    }
}
