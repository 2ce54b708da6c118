import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recomputes the council's monthly table of issued passes and unique users (verstrekte passen en uniek
 * gebruik) from an export of the Kindpakket ledger's events, with nothing but the JDK:
 *
 * <pre>java MonthlyReplay.java export.ndjson westland 2018 [compareYear]</pre>
 *
 * For month M of year Y: issuedPasses = entitlements of Y granted on or before M's last day and not
 * revoked on or before it; uniqueUsers = distinct entitlements with a redemption dated in M that was
 * not reversed. Total: issuedPasses of the last month with data, the sum of the months' uniqueUsers,
 * and distinctUsersInYear. Months after the last month with data are empty ("–"), not zero.
 * All dates in the events are already Europe/Amsterdam business dates.
 */
public class MonthlyReplay {

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java MonthlyReplay.java <export.ndjson> <municipality> <year> [compareYear]");
            System.exit(2);
        }
        String municipality = args[1];
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(municipality, Integer.parseInt(args[2])));
        if (args.length > 3) {
            tables.add(new Table(municipality, Integer.parseInt(args[3])));
        }
        try (BufferedReader lines = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    Map<String, Object> event = Json.object(line);
                    if (municipality.equals(event.get("municipality"))) {
                        for (Table table : tables) {
                            table.apply((String) event.get("type"), Json.asObject(event.get("payload")));
                        }
                    }
                }
            }
        }
        System.out.println(markdown(tables));
        System.out.println(tables.get(0).json(tables.size() > 1 ? tables.get(1) : null));
    }

    /** The events of one municipality's year that the table needs, and the table computed from them. */
    static final class Table {
        final String municipality;
        final int year;
        final Map<String, LocalDate> granted = new HashMap<>();
        final Map<String, LocalDate> revoked = new HashMap<>();
        final Map<String, String[]> redemptions = new HashMap<>();
        final Set<String> reversed = new HashSet<>();

        Table(String municipality, int year) {
            this.municipality = municipality;
            this.year = year;
        }

        void apply(String type, Map<String, Object> e) {
            if (((Number) e.getOrDefault("year", 0)).intValue() != year) {
                return;
            }
            switch (type) {
                case "EntitlementGranted" -> granted.put((String) e.get("entitlementId"), LocalDate.parse((String) e.get("grantedOn")));
                case "EntitlementRevoked" -> revoked.put((String) e.get("entitlementId"), LocalDate.parse((String) e.get("effectiveOn")));
                case "RedeemedAtProvider" -> redemptions.put((String) e.get("redemptionId"),
                        new String[] {(String) e.get("entitlementId"), (String) e.get("occurredOn")});
                case "RedemptionReversed" -> reversed.add((String) e.get("redemptionId"));
                default -> { }
            }
        }

        /** [month 1..12][issued, users]; null for a month after the last month with data. */
        Integer[][] months() {
            Map<YearMonth, Set<String>> users = new HashMap<>();
            Set<String> usersInYear = new TreeSet<>();
            int last = 0;
            for (Map.Entry<String, String[]> r : redemptions.entrySet()) {
                LocalDate on = LocalDate.parse(r.getValue()[1]);
                if (!reversed.contains(r.getKey()) && on.getYear() == year) {
                    users.computeIfAbsent(YearMonth.from(on), m -> new HashSet<>()).add(r.getValue()[0]);
                    usersInYear.add(r.getValue()[0]);
                    last = Math.max(last, on.getMonthValue());
                }
            }
            for (LocalDate on : granted.values()) {
                last = Math.max(last, on.getYear() < year ? 1 : on.getMonthValue());
            }
            for (LocalDate on : revoked.values()) {
                last = Math.max(last, on.getYear() == year ? on.getMonthValue() : 0);
            }
            Integer[][] table = new Integer[13][];
            for (int month = 1; month <= last; month++) {
                LocalDate end = YearMonth.of(year, month).atEndOfMonth();
                int issued = 0;
                for (Map.Entry<String, LocalDate> g : granted.entrySet()) {
                    LocalDate revokedOn = revoked.get(g.getKey());
                    if (!g.getValue().isAfter(end) && (revokedOn == null || revokedOn.isAfter(end))) {
                        issued++;
                    }
                }
                table[month] = new Integer[] {issued, users.getOrDefault(YearMonth.of(year, month), Set.of()).size()};
            }
            table[0] = new Integer[] {usersInYear.size()};
            return table;
        }

        String json(Table compare) {
            Integer[][] t = months();
            StringBuilder out = new StringBuilder("{\"municipality\":\"" + municipality + "\",\"year\":" + year + ",\"months\":[");
            Integer lastIssued = null;
            int userSum = 0;
            for (int month = 1; month <= 12; month++) {
                Integer[] m = t[month];
                out.append(month > 1 ? "," : "").append("{\"month\":\"").append(YearMonth.of(year, month)).append("\",\"issuedPasses\":")
                        .append(m == null ? null : m[0]).append(",\"uniqueUsers\":").append(m == null ? null : m[1]).append('}');
                if (m != null) {
                    lastIssued = m[0];
                    userSum += m[1];
                }
            }
            out.append("],\"total\":{\"issuedPasses\":").append(lastIssued).append(",\"uniqueUsers\":").append(userSum)
                    .append(",\"distinctUsersInYear\":").append(t[0][0]).append('}');
            return out.append(compare == null ? "" : ",\"compare\":" + compare.json(null)).append('}').toString();
        }
    }

    static String markdown(List<Table> tables) {
        StringBuilder out = new StringBuilder("| maand |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Table t : tables) {
            out.append(" verstrekte passen ").append(t.year).append(" | uniek gebruik ").append(t.year).append(" |");
            rule.append("---:|---:|");
        }
        out.append('\n').append(rule).append('\n');
        List<Integer[][]> computed = tables.stream().map(Table::months).toList();
        String[] names = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"};
        for (int month = 1; month <= 12; month++) {
            out.append("| ").append(names[month - 1]).append(" |");
            for (Integer[][] t : computed) {
                out.append(t[month] == null ? " – | – |" : " " + t[month][0] + " | " + t[month][1] + " |");
            }
            out.append('\n');
        }
        out.append("| **totaal** |");
        for (Integer[][] t : computed) {
            Integer last = null;
            int sum = 0;
            for (int month = 1; month <= 12; month++) {
                if (t[month] != null) {
                    last = t[month][0];
                    sum += t[month][1];
                }
            }
            out.append(' ').append(last == null ? "–" : last).append(" | ").append(sum).append(" |");
        }
        out.append('\n');
        for (int i = 0; i < tables.size(); i++) {
            out.append("\nUnieke gebruikers in ").append(tables.get(i).year).append(": ").append(computed.get(i)[0][0]);
        }
        return out.append('\n').toString();
    }

    /** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Map<String, Object> object(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing characters");
            }
            return asObject(value);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> asObject(Object value) {
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new IllegalArgumentException("not a JSON object: " + value);
        }

        private Object value() {
            space();
            char c = peek();
            if (c == '{') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (!closes('}', map.isEmpty())) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                }
                return map;
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                while (!closes(']', list.isEmpty())) {
                    list.add(value());
                }
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("unexpected character");
            }
            String number = text.substring(start, at);
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        /** True at the closing bracket; otherwise consumes the comma that must separate elements after the first. */
        private boolean closes(char close, boolean first) {
            space();
            if (peek() == close) {
                at++;
                return true;
            }
            if (!first) {
                expect(',');
            }
            return false;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(problem + " at " + at + " in: " + text);
        }
    }
}
