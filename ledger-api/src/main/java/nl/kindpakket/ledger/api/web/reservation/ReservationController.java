package nl.kindpakket.ledger.api.web.reservation;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.lookup.HolderAndRecord;
import nl.kindpakket.ledger.api.lookup.RedemptionRegistry;
import nl.kindpakket.ledger.api.lookup.ReservationRegistry;
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
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownPass;
import nl.kindpakket.ledger.core.api.refusals.UnknownReservation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Holding credit at a booking, and settling the hold later by a capture or a release. A provider acts only as itself
 * and learns nothing of another provider's holds: they answer 404 to it, as unknown ones do.
 */
@RestController
public class ReservationController {

    private static final String RESERVATIONS = "/api/v1/municipalities/{municipality}/reservations";

    private final LedgerCommands commands;
    private final ReservationRegistry reservations;
    private final RedemptionRegistry redemptions;
    private final ReservationStates states;
    private final BusinessClock clock;

    public ReservationController(LedgerCommands commands, ReservationRegistry reservations,
            RedemptionRegistry redemptions, ReservationStates states, BusinessClock clock) {
        this.commands = commands;
        this.reservations = reservations;
        this.redemptions = redemptions;
        this.states = states;
        this.clock = clock;
    }

    @PostMapping(RESERVATIONS)
    public ResponseEntity<ReservationAnswer> reserve(@PathVariable String municipality,
            @RequestBody ReservationRequest request) {
        Prepared<ReserveCredit> prepared = commands.prepare(ReserveCredit.class, () -> reservation(municipality, request));
        ReserveCredit command = prepared.command();
        Receipt receipt = commands.send(identity(command), prepared.answers(), command,
                () -> new UnknownPass(command.passNumber().value()));
        return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(addressOf(command.reservationId()))
                .body(ReservationAnswer.of(command, receipt));
    }

    private Prepared<ReserveCredit> reservation(String municipality, ReservationRequest request) {
        Municipality place = new Municipality(municipality);
        String reservationId = Text.requireIdentifier("reservationId", request.reservationId());
        PassNumber pass = new PassNumber(request.passNumber());
        ProviderId provider = new ProviderId(request.providerId());
        SpendingLineCode line = Fields.line("spendingLine", request.spendingLine());
        Money amount = Fields.money("amountCents", request.amountCents());
        Instant expiresAt = Years.requireInstant("expiresAt", request.expiresAt());
        ProviderScope.requireOwn(provider);
        HolderAndRecord found = reservations.holderAndReservation(place.slug(), pass.value(), reservationId,
                provider.value(), line.value());
        EntitlementId entitlement = found.entitlement(pass.value());
        return new Prepared<>(new ReserveCredit(entitlement, reservationId, pass, provider, line,
                amount, expiresAt, clock.now()), found.answers());
    }

    private static ClientRequest identity(ReserveCredit command) {
        return ClientRequest.of(ClientRequest.RESERVATION, command.entitlement().municipality().slug(),
                command.reservationId(), command.passNumber().value(), command.providerId().value(),
                command.spendingLine().value(), command.amount().cents(), command.expiresAt())
                .to(command.entitlement().toString());
    }


    @PostMapping(RESERVATIONS + "/{reservationId}/capture")
    public ResponseEntity<CaptureAnswer> capture(@PathVariable String municipality, @PathVariable String reservationId,
            @RequestBody CaptureRequest request) {
        CaptureReservation command = commands.prepare(CaptureReservation.class, () -> {
            Municipality place = new Municipality(municipality);
            EntitlementId entitlement = holding(place, reservationId);
            String redemptionId = Text.requireIdentifier("redemptionId", request.redemptionId());
            Money amount = Fields.money("amountCents", request.amountCents());
            Instant occurredAt = Years.requireInstant("occurredAt", request.occurredAt());
            redemptions.entitlementOf(place.slug(), redemptionId)
                    .filter(recordedOn -> !recordedOn.equals(entitlement.toString()))
                    .ifPresent(elsewhere -> {
                        throw new IdempotencyConflict(redemptionId);
                    });
            return new CaptureReservation(entitlement, reservationId, redemptionId, amount, occurredAt, clock.now(),
                    ProviderScope.actingProvider().orElse(null));
        });
        ClientRequest identity = ClientRequest.of(ClientRequest.CAPTURE, command.entitlement().municipality().slug(),
                reservationId, command.redemptionId(), command.amount().cents(), command.occurredAt());
        Receipt receipt = commands.send(identity, command, () -> new UnknownReservation(reservationId));
        return Answers.of(receipt, CaptureAnswer.of(command, receipt), command.entitlement());
    }

    @PostMapping(RESERVATIONS + "/{reservationId}/release")
    public ResponseEntity<ReleaseAnswer> release(@PathVariable String municipality, @PathVariable String reservationId,
            @RequestBody ReleaseRequest request) {
        ReleaseReservation command = commands.prepare(ReleaseReservation.class, () -> new ReleaseReservation(
                holding(new Municipality(municipality), reservationId), reservationId, request.reason(), clock.now(),
                ProviderScope.actingProvider().orElse(null)));
        ClientRequest identity = ClientRequest.of(ClientRequest.RELEASE, command.entitlement().municipality().slug(),
                reservationId, command.reason(), command.actingProvider() == null ? "STAFF" : "PROVIDER");
        Receipt receipt = commands.send(identity, command, () -> new UnknownReservation(reservationId));
        return Answers.of(receipt, ReleaseAnswer.of(command, receipt), command.entitlement());
    }

    /** The hold as its entitlement's events tell it, at once: a capture or release is seen as soon as it answered. */
    @GetMapping(RESERVATIONS + "/{reservationId}")
    public ReservationState read(@PathVariable String municipality, @PathVariable String reservationId) {
        return states.of(holding(new Municipality(municipality), reservationId), reservationId)
                .orElseThrow(() -> new UnknownReservation(reservationId));
    }

    /** The entitlement that holds the reservation; a provider finds only its own. */
    private EntitlementId holding(Municipality place, String reservationId) {
        Text.requireIdentifier("reservationId", reservationId);
        Optional<ProviderId> acting = ProviderScope.actingProvider();
        return reservations.reservation(place.slug(), reservationId)
                .filter(made -> acting.map(own -> own.value().equals(made.providerId())).orElse(true))
                .map(made -> EntitlementId.parse(made.entitlementId()))
                .orElseThrow(() -> new UnknownReservation(reservationId));
    }

    private static URI addressOf(String reservationId) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{reservationId}")
                .buildAndExpand(reservationId).encode().toUri();
    }
}
