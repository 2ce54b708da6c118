package nl.kindpakket.ledger.ops;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count as people write it on a command line: 100000, 100_000 or 100,000. */
public final class Counts implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
