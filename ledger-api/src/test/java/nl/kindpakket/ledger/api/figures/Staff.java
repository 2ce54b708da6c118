package nl.kindpakket.ledger.api.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** What municipality staff and the executing organisations record, one command at a time. */
final class Staff {

    private final CommandGateway commands;
    private final Municipality municipality;
    private int counter;

    Staff(CommandGateway commands, Municipality municipality) {
        this.commands = commands;
        this.municipality = municipality;
    }

    static long euros(long euros) {
        return euros * 100;
    }

    void allocate(int year, String line, String name, long cents, LocalDate on) {
        commands.sendAndWait(new AllocateBudget(municipality, year, new SpendingLineCode(line), name,
                Money.ofCents(cents), "allocation-" + ++counter, "Raadsbesluit " + (year - 1), on));
    }

    void provider(String providerId, String name, String... lines) {
        commands.sendAndWait(new RegisterProvider(municipality, new ProviderId(providerId), name,
                Arrays.stream(lines).map(SpendingLineCode::new).collect(Collectors.toSet()), LocalDate.of(2018, 1, 2)));
    }

    void expenditure(int year, String organisation, String line, long cents, LocalDate on) {
        commands.sendAndWait(new RecordExpenditure(municipality, year, "expenditure-" + ++counter, organisation,
                new SpendingLineCode(line), Money.ofCents(cents), on, "uitgave " + organisation));
    }

    void overhead(int year, String organisation, String task, long cents, String fte, LocalDate on) {
        commands.sendAndWait(new RecordOverheadCost(municipality, year, "cost-" + ++counter, organisation, task,
                Money.ofCents(cents), new BigDecimal(fte), on));
    }
}
