package nl.kindpakket.ledger.api.rebuild;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The test run keeps several application contexts alive in one JVM on one database. Axon names a token's owner after
 * the JVM, so each context would take every other context's claims for its own and the read models would count each
 * event once per context. Here each context owns its claims under a name of its own, as separate services do.
 */
@Configuration(proxyBeanMethods = false)
class OneClaimOwnerPerContext {

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }
}
