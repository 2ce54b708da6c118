package nl.kindpakket.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every operator command answers --help; a usage error exits 2 and says what was wrong, with the usage. */
class OpsMainTest {

    static final List<String> COMMANDS = List.of("rebuild", "export", "verify", "bench", "bench-annual-reset", "bench-profile",
            "bench-export");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void every_command_answers_help_with_its_usage_and_exit_zero() {
        assertThat(OpsMain.commandLine().getSubcommands().keySet()).containsAll(COMMANDS);
        for (String command : COMMANDS) {
            out.reset();
            assertThat(ops(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("Usage: ops " + command).contains("--help");
        }
        out.reset();
        assertThat(ops("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Commands:").contains(COMMANDS.toArray(String[]::new));
    }

    @Test
    void a_usage_error_exits_two_and_says_what_was_wrong() {
        assertThat(ops()).isEqualTo(2);
        assertThat(ops("reconcile-everything")).isEqualTo(2);
        assertThat(ops("export", "--jdbc-url")).isEqualTo(2);
        assertThat(ops("verify", "--user", "ledger")).isEqualTo(2);
        assertThat(ops("bench", "--size", "many")).isEqualTo(2);
        assertThat(ops("bench", "--workers", "8,lots", "--database", "ledger_bench_usage")).isEqualTo(2);
        assertThat(ops("bench-profile")).isEqualTo(2);
        assertThat(ops("rebuild", "--url", "http://localhost:8080", "--user", "op", "--interval", "0")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("name a command", "Unmatched argument at index 0: 'reconcile-everything'",
                        "Missing required parameter for option '--jdbc-url'", "Missing required option: '--jdbc-url=URL'",
                        "'many' is not a whole number", "--workers takes whole numbers", "Missing required parameter: 'FILE.jfr'")
                .contains("Usage: ops export", "Usage: ops verify", "Usage: ops bench");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void counts_are_written_as_people_write_them() {
        assertThat(new Counts().convert("100_000")).isEqualTo(100_000);
        assertThat(new Counts().convert("2,000,000")).isEqualTo(2_000_000);
    }

    private int ops(String... args) {
        CommandLine line = OpsCommands.configured(OpsMain.commandLine(), print(out), print(err));
        return line.execute(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
