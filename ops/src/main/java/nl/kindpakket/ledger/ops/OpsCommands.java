package nl.kindpakket.ledger.ops;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** Runs one operator command with picocli: --help, usage errors with exit code 2, its own exit code otherwise. */
public final class OpsCommands {

    private OpsCommands() {
    }

    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        return configured(new CommandLine(command), out, err).execute(args);
    }

    static CommandLine configured(CommandLine line, PrintStream out, PrintStream err) {
        return line.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .setUsageHelpWidth(110);
    }
}
