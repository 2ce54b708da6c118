package nl.kindpakket.ledger.projections.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.ReservationCaptured;
import nl.kindpakket.ledger.core.api.events.ReservationExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;

/** Writes the events the aggregates would append for a small, hand-told history of one municipality. */
public final class LedgerStory {

    private final String municipality;
    private final List<LedgerEvent> events = new ArrayList<>();
    private final Map<String, Long> available = new HashMap<>();
    private final Map<String, Long> expended = new HashMap<>();
    private final Map<String, Long> refunded = new HashMap<>();
    private final Map<Integer, Long> overhead = new HashMap<>();
    private int counter;
    private int taken;

    public LedgerStory(String municipality) {
        this.municipality = municipality;
    }

    public List<LedgerEvent> events() {
        return List.copyOf(events);
    }

    /** The events recorded since the last call, to feed a history in steps. */
    public List<LedgerEvent> newEvents() {
        List<LedgerEvent> fresh = List.copyOf(events.subList(taken, events.size()));
        taken = events.size();
        return fresh;
    }

    public <E extends LedgerEvent> E record(E event) {
        events.add(event);
        return event;
    }

    public Child grant(int year, String childRef, String pass, LocalDate grantedOn, Map<String, Long> credits) {
        Child child = new Child(year, childRef, pass, credits);
        long total = credits.values().stream().mapToLong(Long::longValue).sum();
        child.granted = record(new EntitlementGranted(child.id(), municipality, year, childRef, pass,
                Map.copyOf(credits), total, grantedOn, null));
        return child;
    }

    public void provider(String providerId, String name, List<String> lines) {
        record(new ProviderRegistered(municipality, providerId, name, lines, LocalDate.of(2018, 1, 2)));
    }

    public void allocate(int year, String line, String name, long cents, LocalDate on) {
        String key = year + "/" + line;
        if (!available.containsKey(key)) {
            record(new SpendingLineOpened(municipality, year, line, name, on));
        }
        long after = available.merge(key, cents, Long::sum);
        record(new BudgetAllocated(municipality, year, "alloc-" + ++counter, line, cents, after, "raad", on));
    }

    public void expenditure(int year, String organisation, String line, long cents, LocalDate on) {
        long after = expended.merge(year + "/" + line, cents, Long::sum);
        record(new ExpenditureRecorded(municipality, year, "exp-" + ++counter, organisation, line, cents, after, on,
                "uitgave " + organisation));
    }

    public void refund(int year, String organisation, String line, long cents, LocalDate on, String returnedTo) {
        long after = refunded.merge(year + "/" + line, cents, Long::sum);
        record(new UnderspendRefunded(municipality, year, "refund-" + ++counter, organisation, line, cents, after, on,
                returnedTo));
    }

    public void overhead(int year, String organisation, String task, long cents, String fte, LocalDate on) {
        long after = overhead.merge(year, cents, Long::sum);
        record(new OverheadCostRecorded(municipality, year, "cost-" + ++counter, organisation, task, cents,
                new BigDecimal(fte), on, after));
    }

    /** One child's entitlement; keeps its balances so that every event carries the balance after it. */
    public final class Child {
        private final int year;
        private final String childRef;
        private final Map<String, Long> balance;
        private final Map<String, CreditReserved> holds = new TreeMap<>();
        private String pass;
        private EntitlementGranted granted;

        private Child(int year, String childRef, String pass, Map<String, Long> credits) {
            this.year = year;
            this.childRef = childRef;
            this.pass = pass;
            this.balance = new TreeMap<>(credits);
        }

        public String id() {
            return EntitlementId.of(municipality, year, childRef).toString();
        }

        public EntitlementGranted granted() {
            return granted;
        }

        public RedeemedAtProvider redeem(String redemptionId, String provider, String line, long cents, Instant at) {
            long after = balance.get(line) - cents;
            if (after < 0) {
                throw new IllegalArgumentException("the story spends more than " + childRef + " has on " + line);
            }
            balance.put(line, after);
            return record(new RedeemedAtProvider(id(), municipality, year, childRef, redemptionId, pass, provider,
                    line, cents, after, at, Years.dateOf(at)));
        }

        public RedemptionReversed reverse(RedeemedAtProvider redemption, String reason, Instant at) {
            long after = balance.merge(redemption.spendingLine(), redemption.amountCents(), Long::sum);
            return record(new RedemptionReversed(id(), municipality, year, childRef, redemption.redemptionId(),
                    redemption.providerId(), redemption.spendingLine(), redemption.amountCents(), after, reason, at,
                    Years.dateOf(at), redemption.occurredOn()));
        }

        public CreditReserved reserve(String reservationId, String provider, String line, long cents, Instant at,
                                      Instant expiresAt) {
            long after = balance.get(line) - cents;
            if (after < 0) {
                throw new IllegalArgumentException("the story holds more than " + childRef + " has on " + line);
            }
            balance.put(line, after);
            CreditReserved hold = new CreditReserved(id(), municipality, year, childRef, reservationId, pass, provider,
                    line, cents, after, held(line) + cents, at, Years.dateOf(at), expiresAt);
            holds.put(reservationId, hold);
            return record(hold);
        }

        /** Captures part or all of a hold: the capture, then the redemption it makes. */
        public RedeemedAtProvider capture(String reservationId, String redemptionId, long cents, Instant at) {
            CreditReserved hold = holds.remove(reservationId);
            String line = hold.spendingLine();
            long after = balance.merge(line, hold.amountCents() - cents, Long::sum);
            record(new ReservationCaptured(id(), municipality, year, childRef, reservationId, hold.providerId(), line,
                    hold.amountCents(), cents, hold.amountCents() - cents, redemptionId, after, held(line), at,
                    Years.dateOf(at)));
            return record(new RedeemedAtProvider(id(), municipality, year, childRef, redemptionId, pass,
                    hold.providerId(), line, cents, after, at, Years.dateOf(at)));
        }

        public ReservationReleased release(String reservationId, String by, String reason, String annualResetId,
                                           Instant at) {
            CreditReserved hold = holds.remove(reservationId);
            String line = hold.spendingLine();
            long after = balance.merge(line, hold.amountCents(), Long::sum);
            return record(new ReservationReleased(id(), municipality, year, childRef, reservationId,
                    hold.providerId(), line, hold.amountCents(), after, held(line), by, reason, annualResetId, at,
                    Years.dateOf(at)));
        }

        public ReservationExpired expireHold(String reservationId) {
            CreditReserved hold = holds.remove(reservationId);
            String line = hold.spendingLine();
            long after = balance.merge(line, hold.amountCents(), Long::sum);
            return record(new ReservationExpired(id(), municipality, year, childRef, reservationId, hold.providerId(),
                    line, hold.amountCents(), after, held(line), hold.expiresAt(), Years.dateOf(hold.expiresAt())));
        }

        private long held(String line) {
            return holds.values().stream().filter(hold -> hold.spendingLine().equals(line))
                    .mapToLong(CreditReserved::amountCents).sum();
        }

        public void replacePass(String newPass, LocalDate on) {
            record(new PassReplaced(id(), municipality, year, childRef, pass, newPass, on));
            pass = newPass;
        }

        public void revoke(String reason, LocalDate effectiveOn) {
            List.copyOf(holds.keySet()).forEach(hold -> release(hold, "REVOCATION", reason, null,
                    effectiveOn.atStartOfDay(Years.ZONE).toInstant()));
            Map<String, Long> released = release();
            record(new EntitlementRevoked(id(), municipality, year, childRef, pass, reason, effectiveOn, released,
                    total(released)));
        }

        public void expire(LocalDate on, String annualResetId) {
            List.copyOf(holds.keySet()).forEach(hold -> release(hold, "ANNUAL_RESET", null, annualResetId,
                    on.atStartOfDay(Years.ZONE).toInstant()));
            Map<String, Long> released = release();
            record(new EntitlementExpired(id(), municipality, year, childRef, pass, on, released, total(released),
                    annualResetId));
        }

        private Map<String, Long> release() {
            Map<String, Long> released = Map.copyOf(balance);
            balance.replaceAll((line, cents) -> 0L);
            return released;
        }

        private static long total(Map<String, Long> amounts) {
            return amounts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
