package nl.kindpakket.ledger.projections;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Registers every read model (its event handlers) and its query class. Needs a {@code JdbcTemplate} bean on the
 * DataSource that also holds the token store, and Flyway over {@code classpath:db/migration/common}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ProjectionsConfiguration.class)
public class ProjectionsConfiguration {
}
