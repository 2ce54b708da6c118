package nl.kindpakket.ledger.core.entitlement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.ExpiryReceipt;
import nl.kindpakket.ledger.core.api.HoldExpiry;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;
import nl.kindpakket.ledger.core.api.commands.ExpireEntitlement;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.commands.ReplacePass;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.ReservationCaptured;
import nl.kindpakket.ledger.core.api.events.ReservationExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import nl.kindpakket.ledger.core.api.refusals.DuplicateGrant;
import nl.kindpakket.ledger.core.api.refusals.PassInUse;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import nl.kindpakket.ledger.core.lookup.PassRegistry;
import nl.kindpakket.ledger.core.lookup.ProviderDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/** One child's right for one year: credit per spending line, one current pass, redemptions and reversals. */
@AggregateRoot
public class Entitlement {

    @AggregateIdentifier
    private String entitlementId;
    private boolean granted;
    private String municipality;
    private int year;
    private String childRef;
    private GrantTerms grant;
    private String currentPass;
    private LocalDate passReplacedOn;
    private LineCredit credit;
    private Redemptions redemptions;
    private Holds holds;
    private Lifecycle lifecycle;

    protected Entitlement() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(GrantEntitlement command, BudgetYearLookup budgetYears, PassRegistry passes) {
        GrantTerms terms = GrantTerms.of(command);
        if (granted) {
            if (terms.equals(grant)) {
                return Receipt.repeat();
            }
            throw new DuplicateGrant(entitlementId);
        }
        GrantPolicy.check(command, budgetYears, passes);
        EntitlementId id = command.entitlement();
        apply(new EntitlementGranted(id.toString(), id.municipality().slug(), id.year(), id.childRef().value(),
                terms.passNumber(), new TreeMap<>(terms.creditCents()), terms.totalCents(), terms.grantedOn(),
                command.annualResetId()));
        return Receipt.recorded();
    }

    @CommandHandler
    public Receipt handle(ReplacePass command, PassRegistry passes) {
        String newPass = command.newPassNumber().value();
        if (newPass.equals(currentPass) && command.replacedOn().equals(passReplacedOn)) {
            return Receipt.repeat();
        }
        lifecycle.requireActive(entitlementId);
        if (newPass.equals(currentPass)) {
            throw new PassInUse(newPass);
        }
        BusinessDates.requireInYear("replacedOn", command.replacedOn(), year);
        BusinessDates.requireNotBeforeGrant("replacedOn", command.replacedOn(), grant.grantedOn());
        BusinessDates.requireNotAfter("replacedOn", command.replacedOn(), command.today());
        PassPolicy.claim(passes, municipality, newPass, entitlementId);
        apply(new PassReplaced(entitlementId, municipality, year, childRef, currentPass, newPass, command.replacedOn()));
        return Receipt.recorded();
    }

    @CommandHandler
    public Receipt handle(RedeemAtProvider command, BudgetYearLookup budgetYears, ProviderDirectory providers) {
        redemptions.requireNew(command.redemptionId());
        lifecycle.requireActive(entitlementId);
        RedemptionPolicy.check(command, currentPass, grant.grantedOn(), budgetYears, providers);
        String line = command.spendingLine().value();
        long balanceAfter = credit.balanceAfterDebit(line, command.amount().cents());
        apply(new RedeemedAtProvider(entitlementId, municipality, year, childRef, command.redemptionId(),
                currentPass, command.providerId().value(), line, command.amount().cents(), balanceAfter,
                command.occurredAt(), Years.dateOf(command.occurredAt())));
        return Receipt.recorded(balanceAfter);
    }

    @CommandHandler
    public Receipt handle(ReverseRedemption command) {
        Redemption redemption = redemptions.visibleTo(command.redemptionId(), command.actingProvider());
        redemption.requireNotReversed();
        RedemptionPolicy.checkReversal(command, redemption);
        long balanceAfter = credit.balanceOf(redemption.spendingLine()) + redemption.amountCents();
        apply(new RedemptionReversed(entitlementId, municipality, year, childRef, redemption.redemptionId(),
                redemption.providerId(), redemption.spendingLine(), redemption.amountCents(), balanceAfter,
                command.reason(), command.reversedAt(), Years.dateOf(command.reversedAt()),
                Years.dateOf(redemption.occurredAt())));
        return Receipt.recorded(balanceAfter);
    }

    @CommandHandler
    public Receipt handle(RevokeEntitlement command) {
        lifecycle.requireNotRevoked(entitlementId);
        lifecycle.requireNotExpired(entitlementId);
        BusinessDates.requireInYear("effectiveOn", command.effectiveOn(), year);
        BusinessDates.requireNotBeforeGrant("effectiveOn", command.effectiveOn(), grant.grantedOn());
        BusinessDates.requireNotAfter("effectiveOn", command.effectiveOn(), command.today());
        releaseOpenHolds("REVOCATION", command.reason(), null, command.effectiveOn());
        apply(new EntitlementRevoked(entitlementId, municipality, year, childRef, currentPass, command.reason(),
                command.effectiveOn(), new TreeMap<>(credit.balances()), credit.total()));
        return Receipt.recorded();
    }

    /** An entitlement revoked before the reset has nothing left to expire: that is a repeat, not a refusal. */
    @CommandHandler
    public ExpiryReceipt handle(ExpireEntitlement command) {
        if (lifecycle.isOver()) {
            return ExpiryReceipt.repeat();
        }
        List<Hold> open = holds.open();
        releaseOpenHolds("ANNUAL_RESET", null, command.annualResetId(), command.expiredOn());
        apply(new EntitlementExpired(entitlementId, municipality, year, childRef, currentPass, command.expiredOn(),
                new TreeMap<>(credit.balances()), credit.total(), command.annualResetId()));
        return new ExpiryReceipt(false, open.size(), open.stream().mapToLong(Hold::amountCents).sum());
    }

    @EventSourcingHandler
    void on(EntitlementGranted event) {
        entitlementId = event.entitlementId();
        granted = true;
        municipality = event.municipality();
        year = event.year();
        childRef = event.childRef();
        grant = GrantTerms.of(event);
        currentPass = event.passNumber();
        credit = LineCredit.granted(event.creditCents());
        redemptions = new Redemptions();
        holds = new Holds();
        lifecycle = Lifecycle.ACTIVE;
    }

    @EventSourcingHandler
    void on(PassReplaced event) {
        currentPass = event.newPassNumber();
        passReplacedOn = event.replacedOn();
    }

    @EventSourcingHandler
    void on(RedeemedAtProvider event) {
        credit = credit.with(event.spendingLine(), event.lineBalanceAfterCents());
        redemptions.add(Redemption.of(event));
    }

    @EventSourcingHandler
    void on(RedemptionReversed event) {
        credit = credit.with(event.spendingLine(), event.lineBalanceAfterCents());
        redemptions.reverse(event.redemptionId());
    }

    @EventSourcingHandler
    void on(EntitlementRevoked event) {
        lifecycle = lifecycle.revoke(event.reason(), event.effectiveOn());
    }

    @EventSourcingHandler
    void on(EntitlementExpired event) {
        lifecycle = lifecycle.expire();
    }

    @CommandHandler
    public Receipt handle(ReserveCredit command, BudgetYearLookup budgetYears, ProviderDirectory providers,
                          DeadlineManager deadlines) {
        holds.requireNew(command.reservationId());
        lifecycle.requireActive(entitlementId);
        ReservationPolicy.check(command, currentPass, grantedOn(), budgetYears, providers);
        String line = command.spendingLine().value();
        long amount = command.amount().cents();
        long balanceAfter = credit.balanceAfterDebit(line, amount);
        apply(new CreditReserved(entitlementId, municipality, year, childRef, command.reservationId(), currentPass,
                command.providerId().value(), line, amount, balanceAfter, holds.heldOn(line) + amount,
                command.recordedAt(), Years.dateOf(command.recordedAt()), command.expiresAt()));
        deadlines.schedule(command.expiresAt(), HoldExpiry.DEADLINE, new HoldExpiry(command.reservationId()));
        return Receipt.recorded(balanceAfter);
    }

    /** The capture, then the redemption it makes: readers that know only redemptions still see the money spent. */
    @CommandHandler
    public Receipt handle(CaptureReservation command, ProviderDirectory providers) {
        Hold hold = holds.visibleTo(command.reservationId(), command.actingProvider());
        hold.requireOpen();
        redemptions.requireNew(command.redemptionId());
        lifecycle.requireActive(entitlementId);
        ReservationPolicy.checkCapture(command, hold, year, providers);
        String line = hold.spendingLine();
        long captured = command.amount().cents();
        long returned = hold.amountCents() - captured;
        long balanceAfter = credit.balanceOf(line) + returned;
        LocalDate occurredOn = Years.dateOf(command.occurredAt());
        apply(new ReservationCaptured(entitlementId, municipality, year, childRef, hold.reservationId(),
                hold.providerId(), line, hold.amountCents(), captured, returned, command.redemptionId(), balanceAfter,
                holds.heldOn(line) - hold.amountCents(), command.occurredAt(), occurredOn));
        apply(new RedeemedAtProvider(entitlementId, municipality, year, childRef, command.redemptionId(), currentPass,
                hold.providerId(), line, captured, balanceAfter, command.occurredAt(), occurredOn));
        return Receipt.recorded(balanceAfter);
    }

    @CommandHandler
    public Receipt handle(ReleaseReservation command) {
        Hold hold = holds.visibleTo(command.reservationId(), command.actingProvider());
        String by = command.actingProvider() == null ? "STAFF" : "PROVIDER";
        hold.requireOpen();
        return Receipt.recorded(release(hold, by, command.reason(), null, command.recordedAt()));
    }

    /** A hold nobody settled expires; one settled before its expiry is left as it is. */
    @DeadlineHandler(deadlineName = HoldExpiry.DEADLINE)
    void on(HoldExpiry expiry) {
        holds.find(expiry.reservationId()).filter(Hold::isOpen).ifPresent(hold -> {
            String line = hold.spendingLine();
            apply(new ReservationExpired(entitlementId, municipality, year, childRef, hold.reservationId(),
                    hold.providerId(), line, hold.amountCents(), credit.balanceOf(line) + hold.amountCents(),
                    holds.heldOn(line) - hold.amountCents(), hold.expiresAt(), Years.dateOf(hold.expiresAt())));
        });
    }

    private LocalDate grantedOn() {
        return grant.grantedOn();
    }

    /** Before an entitlement ends, its open holds go back to the credit, so that the end releases them with it. */
    private void releaseOpenHolds(String by, String reason, String annualResetId, LocalDate on) {
        Instant at = on.atStartOfDay(Years.ZONE).toInstant();
        holds.open().forEach(hold -> release(hold, by, reason, annualResetId, at));
    }

    private long release(Hold hold, String by, String reason, String annualResetId, Instant at) {
        String line = hold.spendingLine();
        long balanceAfter = credit.balanceOf(line) + hold.amountCents();
        apply(new ReservationReleased(entitlementId, municipality, year, childRef, hold.reservationId(),
                hold.providerId(), line, hold.amountCents(), balanceAfter, holds.heldOn(line) - hold.amountCents(), by,
                reason, annualResetId, at, Years.dateOf(at)));
        return balanceAfter;
    }

    @EventSourcingHandler
    void on(CreditReserved event) {
        credit = credit.with(event.spendingLine(), event.lineBalanceAfterCents());
        holds.add(Hold.of(event));
    }

    @EventSourcingHandler
    void on(ReservationCaptured event) {
        credit = credit.with(event.spendingLine(), event.lineBalanceAfterCents());
        holds.settle(event.reservationId(), new Hold.Settlement(Holds.CAPTURED));
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        credit = credit.with(event.spendingLine(), event.lineBalanceAfterCents());
        holds.settle(event.reservationId(), new Hold.Settlement(Holds.RELEASED));
    }

    @EventSourcingHandler
    void on(ReservationExpired event) {
        credit = credit.with(event.spendingLine(), event.lineBalanceAfterCents());
        holds.settle(event.reservationId(), new Hold.Settlement(Holds.EXPIRED));
    }
}
