package nl.kindpakket.ledger.api.web.budget;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Allocating budget to a spending line, which opens the line (and the budget year) on first use. */
@RestController
public class SpendingLineController {

    private final LedgerCommands commands;
    private final BusinessClock clock;

    public SpendingLineController(LedgerCommands commands, BusinessClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/municipalities/{municipality}/years/{year}/spending-lines")
    public ResponseEntity<AllocationAnswer> allocate(
            @PathVariable String municipality, @PathVariable int year, @RequestBody AllocationRequest request) {
        AllocateBudget command = new AllocateBudget(
                new Municipality(municipality),
                year,
                Fields.line("code", request.code()),
                request.name(),
                Fields.money("amountCents", request.amountCents()),
                request.allocationId(),
                request.source(),
                request.allocatedOn() == null ? clock.today() : request.allocatedOn(),
                clock.today());
        ClientRequest identity = ClientRequest.of(ClientRequest.ALLOCATION, command.municipality().slug(),
                ClientRequest.inYear(year, command.allocationId()), command.spendingLine().value(), command.name(),
                command.amount().cents(), command.source());
        return Answers.of(commands.send(identity, command), AllocationAnswer.of(command));
    }
}
