package nl.kindpakket.ledger.api.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Years;
import org.springframework.stereotype.Component;

/** The moment a request is recorded, and today's business date in Europe/Amsterdam. */
@Component
public class BusinessClock {

    private final Clock clock;

    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return Years.dateOf(clock.instant());
    }
}
