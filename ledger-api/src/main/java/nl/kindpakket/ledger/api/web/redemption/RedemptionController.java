package nl.kindpakket.ledger.api.web.redemption;

import java.time.Instant;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.lookup.HolderAndRecord;
import nl.kindpakket.ledger.api.lookup.PassHolders;
import nl.kindpakket.ledger.api.lookup.RedemptionRegistry;
import nl.kindpakket.ledger.api.lookup.StaleLookups;
import nl.kindpakket.ledger.api.security.ProviderScope;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.api.web.LedgerCommands.Prepared;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.refusals.UnknownPass;
import nl.kindpakket.ledger.core.api.refusals.UnknownRedemption;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Redeeming a pass at a provider, and reversing a redemption. A provider acts only as itself. */
@RestController
public class RedemptionController {

    private static final String REDEMPTIONS = "/api/v1/municipalities/{municipality}/redemptions";

    private final LedgerCommands commands;
    private final PassHolders passes;
    private final RedemptionRegistry redemptions;
    private final BusinessClock clock;

    public RedemptionController(LedgerCommands commands, PassHolders passes, RedemptionRegistry redemptions,
            BusinessClock clock) {
        this.commands = commands;
        this.passes = passes;
        this.redemptions = redemptions;
        this.clock = clock;
    }

    /**
     * Prepared from what earlier redemptions found, where that is all it needs; if the redemption's transaction finds
     * that changed, nothing was written, and it is prepared again from the lookup tables and sent again.
     */
    @PostMapping(REDEMPTIONS)
    public ResponseEntity<RedemptionAnswer> redeem(@PathVariable String municipality, @RequestBody RedemptionRequest request) {
        try {
            return redeem(municipality, request, passes::recalledHolderAndRedemption);
        } catch (RuntimeException failure) {
            if (!StaleLookups.in(failure)) {
                throw failure;
            }
            return redeem(municipality, request, passes::holderAndRedemption);
        }
    }

    private ResponseEntity<RedemptionAnswer> redeem(String municipality, RedemptionRequest request, Lookup lookup) {
        Prepared<RedeemAtProvider> prepared = commands.prepare(RedeemAtProvider.class,
                () -> redemption(municipality, request, lookup));
        RedeemAtProvider command = prepared.command();
        Receipt receipt = commands.send(identity(command), prepared.answers(), command,
                () -> new UnknownPass(command.passNumber().value()));
        return Answers.of(receipt, RedemptionAnswer.of(command, receipt), command.entitlement());
    }

    /** How a redemption's pass, identifier and the rules' questions are looked up. */
    private interface Lookup {
        HolderAndRecord holderAndRedemption(String municipality, String passNumber, String redemptionId,
                String providerId, String spendingLine);
    }

    private Prepared<RedeemAtProvider> redemption(String municipality, RedemptionRequest request, Lookup lookup) {
        Municipality place = new Municipality(municipality);
        String redemptionId = Text.requireIdentifier("redemptionId", request.redemptionId());
        PassNumber pass = new PassNumber(request.passNumber());
        ProviderId provider = new ProviderId(request.providerId());
        SpendingLineCode line = Fields.line("spendingLine", request.spendingLine());
        Money amount = Fields.money("amountCents", request.amountCents());
        Instant occurredAt = Years.requireInstant("occurredAt", request.occurredAt());
        ProviderScope.requireOwn(provider);
        // a retry goes where the redemption was recorded, so that it answers as the first time after a pass replacement
        HolderAndRecord found = lookup.holderAndRedemption(place.slug(), pass.value(), redemptionId, provider.value(),
                line.value());
        EntitlementId entitlement = found.entitlement(pass.value());
        return new Prepared<>(new RedeemAtProvider(
                entitlement,
                redemptionId,
                pass,
                provider,
                line,
                amount,
                occurredAt,
                clock.now()), found.answers());
    }

    private static ClientRequest identity(RedeemAtProvider command) {
        return ClientRequest.of(ClientRequest.REDEMPTION, command.entitlement().municipality().slug(),
                command.redemptionId(), command.passNumber().value(), command.providerId().value(),
                command.spendingLine().value(), command.amount().cents(), command.occurredAt())
                .to(command.entitlement().toString());
    }

    @PostMapping(REDEMPTIONS + "/{redemptionId}/reversal")
    public ResponseEntity<ReversalAnswer> reverse(@PathVariable String municipality, @PathVariable String redemptionId,
            @RequestBody ReversalRequest request) {
        Municipality place = new Municipality(municipality);
        Text.requireIdentifier("redemptionId", redemptionId);
        EntitlementId entitlement = commands.prepare(ReverseRedemption.class,
                () -> redemptions.entitlementOf(place.slug(), redemptionId).map(EntitlementId::parse)
                        .orElseThrow(() -> new UnknownRedemption(redemptionId)));
        ReverseRedemption command = new ReverseRedemption(
                entitlement,
                redemptionId,
                request.reason(),
                request.reversedAt(),
                clock.now(),
                ProviderScope.actingProvider().orElse(null));
        ClientRequest identity = ClientRequest.of(ClientRequest.REVERSAL, place.slug(), redemptionId,
                command.reason(), command.reversedAt());
        Receipt receipt = commands.send(identity, command, () -> new UnknownRedemption(redemptionId));
        return Answers.of(receipt, ReversalAnswer.of(command, receipt), entitlement);
    }
}
