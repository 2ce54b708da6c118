package nl.kindpakket.ledger.api.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.refusals.BsnLikeValue;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** Turns request fields into the core's value objects, naming the request's field when one is refused. */
public final class Fields {

    private Fields() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        return value;
    }

    public static Money money(String field, Long cents) {
        return Money.of(field, required(field, cents), Money.MAX_CENTS);
    }

    public static SpendingLineCode line(String field, String code) {
        return renamed(field, () -> new SpendingLineCode(code));
    }

    public static Set<SpendingLineCode> lines(String field, Collection<String> codes) {
        Set<SpendingLineCode> lines = new LinkedHashSet<>();
        if (codes != null) {
            codes.forEach(code -> lines.add(line(field, code)));
        }
        return lines;
    }

    public static Map<SpendingLineCode, Money> credits(Map<String, Long> credits) {
        if (credits == null) {
            return null;
        }
        Map<SpendingLineCode, Money> values = new LinkedHashMap<>();
        credits.forEach((code, cents) -> values.put(line("credits", code), money("credits." + code, cents)));
        return values;
    }

    /** Value objects name their own field; a request may call the same value differently (a line's "code"). */
    public static <T> T renamed(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (BsnLikeValue refused) {
            throw new BsnLikeValue(field);
        } catch (InvalidInput refused) {
            String problem = refused.getMessage().substring(refused.field().length()).strip();
            throw new InvalidInput(field, problem);
        }
    }
}
