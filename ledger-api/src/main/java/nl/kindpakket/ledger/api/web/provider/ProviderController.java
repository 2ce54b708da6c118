package nl.kindpakket.ledger.api.web.provider;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.SuspendProvider;
import nl.kindpakket.ledger.core.api.refusals.UnknownProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registering providers (aanbieders) and suspending them. */
@RestController
public class ProviderController {

    private final LedgerCommands commands;
    private final BusinessClock clock;

    public ProviderController(LedgerCommands commands, BusinessClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/municipalities/{municipality}/providers")
    public ResponseEntity<RegistrationAnswer> register(
            @PathVariable String municipality, @RequestBody RegistrationRequest request) {
        RegisterProvider command = new RegisterProvider(
                new Municipality(municipality),
                new ProviderId(request.providerId()),
                request.name(),
                Fields.lines("spendingLines", request.spendingLines()),
                clock.today(),
                request.acceptsFrom());
        ClientRequest identity = ClientRequest.of(ClientRequest.REGISTRATION, command.municipality().slug(),
                command.providerId().value(), command.name(),
                command.spendingLines().stream().map(SpendingLineCode::value).sorted().toList());
        return Answers.of(commands.send(identity, command), RegistrationAnswer.of(command));
    }

    @PostMapping("/api/v1/municipalities/{municipality}/providers/{providerId}/suspension")
    public ResponseEntity<SuspensionAnswer> suspend(
            @PathVariable String municipality, @PathVariable String providerId, @RequestBody SuspensionRequest request) {
        SuspendProvider command = new SuspendProvider(
                new Municipality(municipality),
                new ProviderId(providerId),
                request.reason(),
                clock.today());
        ClientRequest identity = ClientRequest.of(ClientRequest.SUSPENSION, command.municipality().slug(),
                command.providerId().value(), command.reason());
        return Answers.of(commands.send(identity, command, () -> new UnknownProvider(providerId)),
                SuspensionAnswer.of(command));
    }
}
