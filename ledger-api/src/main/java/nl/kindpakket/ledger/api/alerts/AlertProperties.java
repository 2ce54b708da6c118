package nl.kindpakket.ledger.api.alerts;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What staff are alerted to ({@code ledger.alerts.*}).
 *
 * @param lowCreditShare  a line of an active entitlement runs low when its credit, without what is held, falls under
 *                        this share of what the line was granted (0 to 1)
 * @param expiringWithin  an open hold is about to expire when its expiry falls within this time from now
 * @param refresh         how often the alert gauges count again for every municipality
 */
@ConfigurationProperties("ledger.alerts")
public record AlertProperties(BigDecimal lowCreditShare, Duration expiringWithin, Duration refresh) {

    public AlertProperties {
        lowCreditShare = lowCreditShare == null ? new BigDecimal("0.25") : lowCreditShare;
        expiringWithin = expiringWithin == null ? Duration.ofDays(7) : expiringWithin;
        refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
        if (lowCreditShare.signum() < 0 || lowCreditShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ledger.alerts.low-credit-share is a fraction from 0 to 1, not "
                    + lowCreditShare);
        }
        if (expiringWithin.isNegative() || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("ledger.alerts.expiring-within and refresh are positive durations");
        }
    }
}
