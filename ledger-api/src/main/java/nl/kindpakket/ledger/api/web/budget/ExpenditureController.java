package nl.kindpakket.ledger.api.web.budget;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Money an executing organisation spent directly on a spending line. */
@RestController
public class ExpenditureController {

    private final LedgerCommands commands;
    private final BusinessClock clock;

    public ExpenditureController(LedgerCommands commands, BusinessClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/municipalities/{municipality}/years/{year}/expenditures")
    public ResponseEntity<ExpenditureAnswer> record(
            @PathVariable String municipality, @PathVariable int year, @RequestBody ExpenditureRequest request) {
        BudgetYearId budgetYear = new BudgetYearId(new Municipality(municipality), year);
        RecordExpenditure command = new RecordExpenditure(
                budgetYear.municipality(),
                year,
                request.expenditureId(),
                request.organisation(),
                Fields.line("spendingLine", request.spendingLine()),
                Fields.money("amountCents", request.amountCents()),
                request.spentOn(),
                request.description(),
                clock.today());
        ClientRequest identity = ClientRequest.of(ClientRequest.EXPENDITURE, command.municipality().slug(),
                ClientRequest.inYear(year, command.expenditureId()), command.organisation(),
                command.spendingLine().value(), command.amount().cents(), command.spentOn(), command.description());
        return Answers.of(commands.send(identity, command, () -> new UnknownBudgetYear(budgetYear.toString())),
                ExpenditureAnswer.of(command));
    }
}
