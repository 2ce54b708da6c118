package nl.kindpakket.ledger.ops;

import nl.kindpakket.ledger.ops.bench.BenchCommands;
import nl.kindpakket.ledger.ops.export.ExportBenchmark;
import nl.kindpakket.ledger.ops.export.ExportCommand;
import nl.kindpakket.ledger.ops.rebuild.RebuildCommand;
import nl.kindpakket.ledger.ops.reconcile.ReconcileCommand;
import nl.kindpakket.ledger.ops.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Operator tooling: {@code java -jar ops.jar <command> [options]}. Every command answers {@code --help}; a usage error
 * exits 2. A new command is one class added to {@link #commandLine()}.
 */
@Command(name = "ops", mixinStandardHelpOptions = true, versionProvider = OpsMain.Version.class,
        description = "Operator commands of the Kindpakket ledger.",
        commandListHeading = "%nCommands:%n")
public final class OpsMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        // the ledger booted by a benchmark leaves non-daemon threads behind: leave with the command's exit code
        System.exit(OpsCommands.configured(commandLine(), System.out, System.err).execute(args));
    }

    /** Every operator command. */
    public static CommandLine commandLine() {
        return new CommandLine(new OpsMain())
                .addSubcommand(new RebuildCommand())
                .addSubcommand(new ReconcileCommand())
                .addSubcommand(new ExportCommand())
                .addSubcommand(new VerifyCommand())
                .addSubcommand(new BenchCommands.Bench())
                .addSubcommand(new BenchCommands.AnnualReset())
                .addSubcommand(new BenchCommands.Replay())
                .addSubcommand(new BenchCommands.Profile())
                .addSubcommand(new ExportBenchmark());
    }

    /** The version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = OpsMain.class.getPackage().getImplementationVersion();
            return new String[] {"Kindpakket ledger ops " + (version == null ? "(not built as a jar)" : version)};
        }
    }

    /** Without a command there is nothing to do: say which there are, as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command");
    }
}
