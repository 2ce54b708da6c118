package nl.kindpakket.ledger.api.web.budget;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Execution costs (uitvoeringskosten) of the organisations running the package. */
@RestController
public class OverheadCostController {

    private final LedgerCommands commands;
    private final BusinessClock clock;

    public OverheadCostController(LedgerCommands commands, BusinessClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/municipalities/{municipality}/years/{year}/overhead-costs")
    public ResponseEntity<OverheadCostAnswer> record(
            @PathVariable String municipality, @PathVariable int year, @RequestBody OverheadCostRequest request) {
        BudgetYearId budgetYear = new BudgetYearId(new Municipality(municipality), year);
        RecordOverheadCost command = new RecordOverheadCost(
                budgetYear.municipality(),
                year,
                request.costId(),
                request.organisation(),
                request.task(),
                Fields.money("amountCents", request.amountCents()),
                request.fte(),
                request.incurredOn(),
                clock.today());
        // 1.5 and 1.50 FTE are the same request
        ClientRequest identity = ClientRequest.of(ClientRequest.OVERHEAD_COST, command.municipality().slug(),
                ClientRequest.inYear(year, command.costId()), command.organisation(), command.task(),
                command.amount().cents(), command.fte().stripTrailingZeros().toPlainString(), command.incurredOn());
        return Answers.of(commands.send(identity, command, () -> new UnknownBudgetYear(budgetYear.toString())),
                OverheadCostAnswer.of(command));
    }
}
