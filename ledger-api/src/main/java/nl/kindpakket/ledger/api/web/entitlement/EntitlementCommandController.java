package nl.kindpakket.ledger.api.web.entitlement;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.ReplacePass;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import nl.kindpakket.ledger.core.api.refusals.UnknownEntitlement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Granting a child's entitlement, replacing its pass and revoking it. */
@RestController
public class EntitlementCommandController {

    private static final String ENTITLEMENTS = "/api/v1/municipalities/{municipality}/years/{year}/entitlements";

    private final LedgerCommands commands;
    private final BusinessClock clock;

    public EntitlementCommandController(LedgerCommands commands, BusinessClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(ENTITLEMENTS)
    public ResponseEntity<GrantAnswer> grant(
            @PathVariable String municipality, @PathVariable int year, @RequestBody GrantRequest request) {
        EntitlementId entitlement = EntitlementId.of(municipality, year, request.childRef());
        GrantEntitlement command = new GrantEntitlement(
                entitlement,
                new PassNumber(request.passNumber()),
                Fields.credits(request.credits()),
                request.grantedOn(),
                clock.today(),
                null);
        return Answers.of(commands.send(command), GrantAnswer.of(command), entitlement);
    }

    @PostMapping(ENTITLEMENTS + "/{childRef}/pass-replacement")
    public ResponseEntity<PassReplacementAnswer> replacePass(
            @PathVariable String municipality, @PathVariable int year, @PathVariable String childRef,
            @RequestBody PassReplacementRequest request) {
        EntitlementId entitlement = EntitlementId.of(municipality, year, childRef);
        ReplacePass command = new ReplacePass(
                entitlement,
                Fields.renamed("newPassNumber", () -> new PassNumber(request.newPassNumber())),
                request.replacedOn(),
                clock.today());
        return Answers.of(commands.send(command, () -> new UnknownEntitlement(entitlement.toString())),
                PassReplacementAnswer.of(command), entitlement);
    }

    @PostMapping(ENTITLEMENTS + "/{childRef}/revocation")
    public ResponseEntity<RevocationAnswer> revoke(
            @PathVariable String municipality, @PathVariable int year, @PathVariable String childRef,
            @RequestBody RevocationRequest request) {
        EntitlementId entitlement = EntitlementId.of(municipality, year, childRef);
        RevokeEntitlement command = new RevokeEntitlement(
                entitlement,
                request.reason(),
                request.effectiveOn(),
                clock.today());
        ClientRequest identity = ClientRequest.of(ClientRequest.REVOCATION, entitlement.municipality().slug(),
                entitlement.toString(), command.reason(), command.effectiveOn());
        return Answers.of(commands.send(identity, command, () -> new UnknownEntitlement(entitlement.toString())),
                RevocationAnswer.of(command), entitlement);
    }
}
