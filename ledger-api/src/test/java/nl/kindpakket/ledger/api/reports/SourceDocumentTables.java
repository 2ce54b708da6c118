package nl.kindpakket.ledger.api.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Two tables of the source documents recorded as commands: the spending lines of 2020 from the Enschede board
 * proposal of December 2021 (every euro spent by the executing organisations, the underspend repaid in 2021), and the
 * preventive tasks from 2019 in the Westland council letter on preventive social tasks of 2018.
 */
final class SourceDocumentTables {

    static final int ENSCHEDE_YEAR = 2020;
    static final int WESTLAND_YEAR = 2019;
    static final String LEERGELD = "Stichting Leergeld Enschede";

    private final CommandGateway commands;
    private final Municipality municipality;
    private final String run;
    private int counter;

    SourceDocumentTables(CommandGateway commands, Municipality municipality, String run) {
        this.commands = commands;
        this.municipality = municipality;
        this.run = run;
    }

    static long euros(long euros) {
        return euros * 100;
    }

    void enschedeSpendingLines2020() {
        LocalDate start = LocalDate.of(ENSCHEDE_YEAR, 1, 6);
        allocate("1", "Gezondheid en kleding", 213_000, start);
        allocate("2", "Participatie en ontwikkeling", 36_000, start);
        allocate("3", "Leermiddelen", 1_000_000, start);
        allocate("3", "Leermiddelen", 256_000, LocalDate.of(ENSCHEDE_YEAR, 7, 1));
        allocate("4", "Innovatie en actualiteiten", 89_000, start);
        expenditure(LEERGELD, "1", 130_000, LocalDate.of(ENSCHEDE_YEAR, 6, 1));
        expenditure("Gemeente Enschede", "1", 83_000, LocalDate.of(ENSCHEDE_YEAR, 11, 1));
        expenditure("Jeugdfonds Sport en Cultuur", "2", 36_000, LocalDate.of(ENSCHEDE_YEAR, 10, 1));
        expenditure(LEERGELD, "3", 1_197_000, LocalDate.of(ENSCHEDE_YEAR, 12, 15));
        expenditure("Gemeente Enschede", "4", 89_000, LocalDate.of(ENSCHEDE_YEAR, 12, 1));
        commands.sendAndWait(new RefundUnderspend(municipality, ENSCHEDE_YEAR, "refund-" + run, LEERGELD,
                new SpendingLineCode("3"), Money.ofCents(euros(59_000)), LocalDate.of(2021, 4, 15), "Inkomensondersteuning"));
    }

    /** With 1,732,500 euros that reached children directly, so that the overhead is exactly a quarter of the whole. */
    void westlandPreventiveTasks2019() {
        LocalDate march = LocalDate.of(WESTLAND_YEAR, 3, 1);
        commands.sendAndWait(new AllocateBudget(municipality, WESTLAND_YEAR, new SpendingLineCode("1"), "Sport en cultuur",
                Money.ofCents(euros(1_800_000)), "allocation-" + run + "-" + ++counter, "Begroting " + WESTLAND_YEAR, march));
        commands.sendAndWait(new RecordExpenditure(municipality, WESTLAND_YEAR, "expenditure-" + run + "-" + ++counter,
                "Stichting WestlandPas", new SpendingLineCode("1"), Money.ofCents(euros(1_732_500)), LocalDate.of(WESTLAND_YEAR, 12, 1),
                "passen"));
        overhead("Vitis Welzijn", "Trainingen en cursussen", 223_500, "2.50", march);
        overhead("SKT", "Waakvlam", 145_000, "1.62", march);
        overhead("SKT", "Onafhankelijke cliëntondersteuning", 82_000, "0.92", march);
        overhead("SKT", "Digitale ondersteuning", 82_000, "0.92", march);
        overhead("Vitis Welzijn", "Westlandse maatjes", 45_000, "0.50", march);
    }

    private void allocate(String line, String name, long euros, LocalDate on) {
        commands.sendAndWait(new AllocateBudget(municipality, ENSCHEDE_YEAR, new SpendingLineCode(line), name,
                Money.ofCents(euros(euros)), "allocation-" + run + "-" + ++counter, "Begroting " + ENSCHEDE_YEAR, on));
    }

    private void expenditure(String organisation, String line, long euros, LocalDate on) {
        commands.sendAndWait(new RecordExpenditure(municipality, ENSCHEDE_YEAR, "expenditure-" + run + "-" + ++counter, organisation,
                new SpendingLineCode(line), Money.ofCents(euros(euros)), on, "uitgave " + organisation));
    }

    private void overhead(String organisation, String task, long euros, String fte, LocalDate on) {
        commands.sendAndWait(new RecordOverheadCost(municipality, WESTLAND_YEAR, "cost-" + run + "-" + ++counter, organisation, task,
                Money.ofCents(euros(euros)), new BigDecimal(fte), on));
    }
}
