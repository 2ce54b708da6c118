package nl.kindpakket.ledger.api.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.api.web.budget.ExpenditureController;
import nl.kindpakket.ledger.api.web.budget.ExpenditureRequest;
import nl.kindpakket.ledger.api.web.budget.RefundController;
import nl.kindpakket.ledger.api.web.budget.RefundRequest;
import nl.kindpakket.ledger.api.web.entitlement.EntitlementCommandController;
import nl.kindpakket.ledger.api.web.entitlement.GrantRequest;
import nl.kindpakket.ledger.api.web.entitlement.PassReplacementRequest;
import nl.kindpakket.ledger.api.web.entitlement.RevocationRequest;
import nl.kindpakket.ledger.api.web.provider.ProviderController;
import nl.kindpakket.ledger.api.web.provider.SuspensionRequest;
import nl.kindpakket.ledger.api.web.redemption.RedemptionController;
import nl.kindpakket.ledger.api.web.redemption.RedemptionRequest;
import nl.kindpakket.ledger.api.web.redemption.ReversalRequest;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The running ledger, driven as its HTTP endpoints drive it (the same controllers, lookups, aggregates, store and
 * read models, without the JSON), in a municipality of its own. Each request answers accepted, repeated or the
 * rule that refused it.
 */
final class Ledger {

    static final long SPORT_BUDGET = 30_000;
    static final long SCHOOL_BUDGET = 10_000;
    static final long RENEWAL_CREDIT = 10_000;

    final String municipality;
    private final ApplicationContext context;

    Ledger(ApplicationContext context, String municipality) {
        this.context = context;
        this.municipality = municipality;
        Municipality m = new Municipality(municipality);
        CommandGateway commands = context.getBean(CommandGateway.class);
        LocalDate opened = LocalDate.of(Step.YEAR, 1, 1);
        commands.sendAndWait(new AllocateBudget(m, Step.YEAR, new SpendingLineCode("1"), "Sport", Money.ofCents(SPORT_BUDGET), "a1", null, opened));
        commands.sendAndWait(new AllocateBudget(m, Step.YEAR, new SpendingLineCode("3"), "School", Money.ofCents(SCHOOL_BUDGET), "a3", null, opened));
        commands.sendAndWait(new AllocateBudget(m, Step.NEXT, new SpendingLineCode("1"), "Sport", Money.ofCents(1_000_000), "n1", null,
                LocalDate.of(Step.NEXT, 1, 1)));
        commands.sendAndWait(new RegisterProvider(m, new ProviderId("pool"), "Zwembad", Set.of(new SpendingLineCode("1"),
                new SpendingLineCode("3")), opened));
        commands.sendAndWait(new RegisterProvider(m, new ProviderId("shop"), "Boekhandel", Set.of(new SpendingLineCode("3")), opened));
    }

    static String entitlementId(int year, String child) {
        return year + ":" + child;
    }

    static String redemptionId(int n) {
        return "r" + n;
    }

    String apply(Step step, LedgerModel model) {
        // the answers point at the resource they changed, built from the current request
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            ResponseEntity<?> answer = send(step, model);
            return answer.getStatusCode().value() == 200 ? "repeated" : "accepted";
        } catch (RuntimeException failure) {
            return refusal(failure);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private ResponseEntity<?> send(Step step, LedgerModel model) {
        if (step instanceof Step.Grant s) {
            return entitlements().grant(municipality, Step.YEAR, new GrantRequest(Step.child(s.child()),
                    Step.pass(s.pass()), LedgerModel.credits(s), s.grantedOn()));
        } else if (step instanceof Step.Redeem s) {
            return redemptions().redeem(municipality, new RedemptionRequest(redemptionId(s.redemption()),
                    Step.pass(s.pass()), s.provider(), s.line(), s.cents(), at(s.occurredOn())));
        } else if (step instanceof Step.Reverse s) {
            return redemptions().reverse(municipality, redemptionId(s.redemption()),
                    new ReversalRequest(s.reason(), at(s.reversedOn())));
        } else if (step instanceof Step.Revoke s) {
            return entitlements().revoke(municipality, Step.YEAR, Step.child(s.child()),
                    new RevocationRequest(s.reason(), s.effectiveOn()));
        } else if (step instanceof Step.ReplacePass s) {
            return entitlements().replacePass(municipality, Step.YEAR, Step.child(s.child()),
                    new PassReplacementRequest(Step.pass(s.pass()), s.replacedOn()));
        } else if (step instanceof Step.Expenditure s) {
            return context.getBean(ExpenditureController.class).record(municipality, Step.YEAR,
                    new ExpenditureRequest("e" + s.id(), "Leergeld", s.line(), s.cents(), s.spentOn(), null));
        } else if (step instanceof Step.Refund s) {
            return context.getBean(RefundController.class).refund(municipality, Step.YEAR,
                    new RefundRequest("f" + s.id(), "Leergeld", s.line(), s.cents(), s.refundedOn(), "algemene middelen"));
        } else if (step instanceof Step.AnnualReset s) {
            return annualReset(model, s);
        }
        return context.getBean(ProviderController.class).suspend(municipality, "shop", new SuspensionRequest("fraude"));
    }

    private ResponseEntity<?> annualReset(LedgerModel model, Step.AnnualReset s) {
        List<AnnualResetRequest.Renewal> renewals = s.renewedChildren().stream().map(child -> {
            LedgerModel.Entitlement held = model.entitlements.get(entitlementId(Step.YEAR, Step.child(child)));
            return new AnnualResetRequest.Renewal(Step.child(child), held != null ? held.pass : "PN-000" + child,
                    Map.of("1", RENEWAL_CREDIT));
        }).toList();
        AnnualResets resets = context.getBean(AnnualResets.class);
        AnnualResets.Submission submission = resets.submit(new Municipality(municipality),
                new AnnualResetRequest(Step.YEAR, Step.NEXT, renewals, LocalDate.of(Step.NEXT, 1, 1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!resets.status(new Municipality(municipality), submission.job().id()).orElseThrow().finished()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("annual reset " + submission.job().id() + " did not finish");
            }
            pause();
        }
        return ResponseEntity.status(submission.started() ? 202 : 200).build();
    }

    private static String refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LedgerRefusal refusal) {
                return refusal.type();
            }
        }
        throw new AssertionError("a request failed instead of being answered", failure);
    }

    private EntitlementCommandController entitlements() {
        return context.getBean(EntitlementCommandController.class);
    }

    private RedemptionController redemptions() {
        return context.getBean(RedemptionController.class);
    }

    static Instant at(LocalDate date) {
        return date.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    static Map<String, Long> sorted(Map<String, Long> credits) {
        return new TreeMap<>(credits);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
