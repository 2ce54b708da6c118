package nl.kindpakket.ledger.api.rebuild;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every rebuild works with: the service's store, processors and tables, and the shadow schema. */
@Component
class RebuildTools {

    final ReadModelCatalog catalog;
    final ShadowSchema shadow;
    final EventCount events;
    final Swap swap;
    final RebuildProperties properties;
    private final DataSource dataSource;
    private final Configuration axon;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final String tokenTable;

    RebuildTools(ReadModelCatalog catalog, RebuildProperties properties, DataSource dataSource, JdbcTemplate jdbc,
                 TransactionTemplate transaction, @Lazy Configuration axon, TokenStore tokens,
                 TransactionManager transactions, @Lazy EventStore eventStore, EventSchema eventSchema,
                 TokenSchema tokenSchema) {
        this.catalog = catalog;
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.axon = axon;
        this.tokens = tokens;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.tokenTable = tokenSchema.tokenTable();
        this.shadow = new ShadowSchema(jdbc, properties.schema());
        this.events = new EventCount(jdbc, eventSchema);
        this.swap = new Swap(jdbc, transaction, axon, tokenTable);
    }

    /** A processor replaying from the first event into the shadow tables of the given read models. */
    ShadowProcessor shadowProcessor(String name, Collection<String> readModels) {
        JdbcTemplate shadowJdbc = new JdbcTemplate(
                new ShadowDataSource(dataSource, shadow.name(), catalog.tables(readModels)));
        List<Object> handlers = catalog.handlersOn(readModels, shadowJdbc);
        return new ShadowProcessor(name, handlers, properties.batchSize(), axon, tokens, transactions, eventStore);
    }

    /** Forgets a shadow processor's token, after a rebuild that did not swap. */
    void forget(String shadowProcessor) {
        jdbc.update("DELETE FROM " + tokenTable + " WHERE processor_name = ?", shadowProcessor);
    }
}
