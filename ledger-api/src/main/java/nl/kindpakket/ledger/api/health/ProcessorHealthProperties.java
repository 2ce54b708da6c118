package nl.kindpakket.ledger.api.health;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the read models are healthy enough to serve.
 *
 * @param maxLagEvents events a required processor may be behind the store before the service stops being ready
 * @param requiredProcessors the processors readiness waits for; empty means every streaming processor
 */
@ConfigurationProperties("ledger.health")
public record ProcessorHealthProperties(
        @DefaultValue("10000") long maxLagEvents,
        @DefaultValue List<String> requiredProcessors) {
}
