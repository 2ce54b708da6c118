package nl.kindpakket.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Kindpakket ledger service. */
@SpringBootApplication(scanBasePackages = {"nl.kindpakket.ledger.api", "nl.kindpakket.ledger.projections"})
@ConfigurationPropertiesScan("nl.kindpakket.ledger.api")
public class LedgerApplication {

    static {
        // Axon's update checker calls an outside host; it must be off before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
