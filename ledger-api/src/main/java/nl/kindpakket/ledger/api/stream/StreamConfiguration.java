package nl.kindpakket.ledger.api.stream;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the event stream's horizon for the database the ledger runs on. */
@Configuration(proxyBeanMethods = false)
public class StreamConfiguration {

    @Bean
    public Horizon eventStreamHorizon(DataSource dataSource, StreamProperties properties) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Horizon.forDatabase(connection, properties.horizon());
        }
    }
}
