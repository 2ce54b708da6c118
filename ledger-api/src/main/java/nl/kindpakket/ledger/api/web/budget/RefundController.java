package nl.kindpakket.ledger.api.web.budget;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.web.Answers;
import nl.kindpakket.ledger.api.web.BusinessClock;
import nl.kindpakket.ledger.api.web.Fields;
import nl.kindpakket.ledger.api.web.LedgerCommands;
import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Unspent budget repaid (terugbetaling onderbesteding) and returned to another budget. */
@RestController
public class RefundController {

    private final LedgerCommands commands;
    private final BusinessClock clock;

    public RefundController(LedgerCommands commands, BusinessClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/municipalities/{municipality}/years/{year}/refunds")
    public ResponseEntity<RefundAnswer> refund(
            @PathVariable String municipality, @PathVariable int year, @RequestBody RefundRequest request) {
        BudgetYearId budgetYear = new BudgetYearId(new Municipality(municipality), year);
        RefundUnderspend command = new RefundUnderspend(
                budgetYear.municipality(),
                year,
                request.refundId(),
                request.organisation(),
                Fields.line("spendingLine", request.spendingLine()),
                Fields.money("amountCents", request.amountCents()),
                request.refundedOn(),
                request.returnedTo(),
                clock.today());
        ClientRequest identity = ClientRequest.of(ClientRequest.REFUND, command.municipality().slug(),
                ClientRequest.inYear(year, command.refundId()), command.organisation(), command.spendingLine().value(),
                command.amount().cents(), command.refundedOn(), command.returnedTo());
        return Answers.of(commands.send(identity, command, () -> new UnknownBudgetYear(budgetYear.toString())),
                RefundAnswer.of(command));
    }
}
