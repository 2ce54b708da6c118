package nl.kindpakket.ledger.api.health;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import nl.kindpakket.ledger.api.metrics.ProcessorFailures;
import nl.kindpakket.ledger.api.metrics.ProcessorPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The readiness checks that read the database, {@code db} and {@code processors}, run side by side and answer
 * within {@code ledger.health.timeout} (1.5 s): a probe times out at 3 s, the pool waits seconds for a connection.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    BoundedChecks ledgerDatabaseChecks(DataSource dataSource, EventProcessingConfiguration processing,
            ProcessorPositions positions, ProcessorFailures failures, ProcessorHealthProperties properties,
            @Value("${ledger.health.timeout:1500ms}") Duration timeout) {
        return new BoundedChecks(Map.of(
                "db", new DataSourceHealthIndicator(dataSource),
                "processors", new ProcessorsHealthIndicator(processing, positions, failures, properties)), timeout);
    }

    /** Named so that Spring Boot's own database indicator steps aside. */
    @Bean
    HealthIndicator dbHealthIndicator(BoundedChecks ledgerDatabaseChecks) {
        return ledgerDatabaseChecks.indicator("db");
    }

    @Bean
    HealthIndicator processorsHealthIndicator(BoundedChecks ledgerDatabaseChecks) {
        return ledgerDatabaseChecks.indicator("processors");
    }
}
