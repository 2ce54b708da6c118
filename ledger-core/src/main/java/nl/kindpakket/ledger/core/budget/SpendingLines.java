package nl.kindpakket.ledger.core.budget;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import nl.kindpakket.ledger.core.api.refusals.SpendingLineNameMismatch;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;

/** The spending lines of one budget year by code; changed only while sourcing events. */
final class SpendingLines {

    private final Map<String, SpendingLine> byCode = new HashMap<>();

    Optional<SpendingLine> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    SpendingLine require(String code) {
        return find(code).orElseThrow(() -> new UnknownSpendingLine(code));
    }

    /** A line keeps the name it was opened with, so that reports never show two names for one code. */
    void requireNamed(String code, String name) {
        find(code).filter(line -> !line.name().equals(name)).ifPresent(line -> {
            throw new SpendingLineNameMismatch(code, line.name());
        });
    }

    void open(String code, String name) {
        byCode.put(code, SpendingLine.opened(code, name));
    }

    void update(String code, UnaryOperator<SpendingLine> change) {
        byCode.computeIfPresent(code, (key, line) -> change.apply(line));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpendingLines that && byCode.equals(that.byCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byCode);
    }
}
