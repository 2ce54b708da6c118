package nl.kindpakket.ledger.api.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.projections.entitlement.CreditAlerts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What staff act on before a child or a provider runs into it: entitlement lines running low on credit, and holds
 * about to expire. Both are also gauges per municipality ({@link AlertMetrics}).
 */
@RestController
class AlertsController {

    private static final String ALERTS = "/api/v1/municipalities/{municipality}/alerts";
    private static final int MAX_LIMIT = 10_000;

    private final CreditAlerts alerts;
    private final AlertProperties properties;
    private final Clock clock;

    AlertsController(CreditAlerts alerts, AlertProperties properties, Clock clock) {
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The lines of active entitlements with less credit left than the share of their grant, by year, child, line. */
    @GetMapping(ALERTS + "/low-credit")
    LowCreditAnswer lowCredit(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String share, @RequestParam(required = false) Integer limit) {
        String slug = new Municipality(municipality).slug();
        Integer onlyYear = year == null ? null : Years.require("year", year);
        BigDecimal fraction = share == null ? properties.lowCreditShare() : share(share);
        int most = limit(limit);
        List<CreditAlerts.LowCredit> lines = alerts.lowCredit(slug, onlyYear, fraction, most + 1);
        return new LowCreditAnswer(slug, onlyYear, fraction, lines.subList(0, Math.min(most, lines.size())),
                lines.size() > most);
    }

    /** The open holds expiring within the days asked (or the configured time), soonest first. */
    @GetMapping(ALERTS + "/expiring-holds")
    ExpiringHoldsAnswer expiringHolds(@PathVariable String municipality,
            @RequestParam(required = false) Integer withinDays, @RequestParam(required = false) Integer limit) {
        String slug = new Municipality(municipality).slug();
        Duration within = withinDays == null ? properties.expiringWithin() : days(withinDays);
        int most = limit(limit);
        Instant before = clock.instant().plus(within);
        List<CreditAlerts.ExpiringHold> holds = alerts.expiringBefore(slug, before, most + 1);
        return new ExpiringHoldsAnswer(slug, before, holds.subList(0, Math.min(most, holds.size())),
                holds.size() > most);
    }

    /**
     * @param share     the share asked for, or the configured one
     * @param truncated whether more lines run low than were listed (raise limit to see them)
     */
    record LowCreditAnswer(String municipality, Integer year, BigDecimal share, List<CreditAlerts.LowCredit> lines,
                           boolean truncated) {
    }

    /**
     * @param before    holds expiring before this moment are listed
     * @param truncated whether more holds expire by then than were listed
     */
    record ExpiringHoldsAnswer(String municipality, Instant before, List<CreditAlerts.ExpiringHold> holds,
                               boolean truncated) {
    }

    private static BigDecimal share(String text) {
        BigDecimal share;
        try {
            share = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInput("share", "must be a decimal number from 0 to 1, such as 0.25");
        }
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0 || share.stripTrailingZeros().scale() > 4) {
            throw new InvalidInput("share", "must be from 0 to 1 with at most four decimals, such as 0.25");
        }
        return share;
    }

    private static Duration days(int days) {
        if (days < 0 || days > 366) {
            throw new InvalidInput("withinDays", "must be from 0 to 366");
        }
        return Duration.ofDays(days);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 1_000;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return limit;
    }
}
