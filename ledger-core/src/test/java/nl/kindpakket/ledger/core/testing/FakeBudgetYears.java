package nl.kindpakket.ledger.core.testing;

import java.util.HashSet;
import java.util.Set;

import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;

/** Budget years as the entitlement side sees them, set up by each test. */
public final class FakeBudgetYears implements BudgetYearLookup {

    private final Set<String> lines = new HashSet<>();
    private final Set<String> closed = new HashSet<>();

    public FakeBudgetYears withLines(String municipality, int year, String... codes) {
        for (String code : codes) {
            lines.add(municipality + ":" + year + ":" + code);
        }
        return this;
    }

    public FakeBudgetYears close(String municipality, int year) {
        closed.add(municipality + ":" + year);
        return this;
    }

    @Override
    public boolean lineExists(String municipality, int year, String spendingLine) {
        return lines.contains(municipality + ":" + year + ":" + spendingLine);
    }

    @Override
    public boolean lineCodeExists(String municipality, String spendingLine) {
        return lines.stream().anyMatch(line -> line.startsWith(municipality + ":") && line.endsWith(":" + spendingLine));
    }

    @Override
    public boolean isClosed(String municipality, int year) {
        return closed.contains(municipality + ":" + year);
    }
}
