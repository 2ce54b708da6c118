package nl.kindpakket.ledger.api.asof;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The {@code asOf} parameter of the reports: a moment of recording, so that a report shows the figures as they
 * stood then, before corrections recorded later. An ISO date-time with an offset ({@code 2019-07-01T09:00:00Z},
 * {@code 2019-07-01T11:00:00+02:00}) or without one, which is read in Europe/Amsterdam as the council would mean it.
 * Later than a few minutes from now is refused: those figures are not known yet.
 */
@Component
public class AsOf {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss", Locale.forLanguageTag("nl-NL"));

    private final Clock clock;

    public AsOf(Clock clock) {
        this.clock = clock;
    }

    /** The moment asked for, or null when the parameter is absent: the figures as they stand now. */
    public Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        // an unencoded '+' of an offset arrives as a space
        Instant moment = moment(asOf.trim().replace(' ', '+'));
        Years.requireInstant("asOf", moment);
        if (moment.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidInput("asOf", "is in the future: figures are known only as far as they were recorded");
        }
        return moment;
    }

    /** How a page names the moment: in Amsterdam time, in Dutch. */
    public static String label(Instant moment) {
        return LABEL.format(moment.atZone(Years.ZONE));
    }

    private static Instant moment(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(Years.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInput("asOf", "must be an ISO date-time such as 2019-07-01T09:00:00Z");
            }
        }
    }
}
