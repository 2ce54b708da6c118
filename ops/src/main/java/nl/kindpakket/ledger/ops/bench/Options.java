package nl.kindpakket.ledger.ops.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of an ops command; an option followed by another option or nothing is a flag. */
public record Options(Map<String, String> values) {

    public static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || args[i].length() < 3) {
                throw new IllegalArgumentException("expected --name [value], got " + args[i]);
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            values.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return new Options(values);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(get(name, String.valueOf(fallback)).replace("_", "").replace(",", ""));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }
}
