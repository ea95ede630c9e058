package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's last line of defence: a failure that is no refusal (a bug) prints one escaped line that says
 * so and how to get the details, exits 1, and shows its stack trace only when asked with --debug.
 */
class InternalErrorTest {

    /** A command with a bug: it throws what it is given. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    private static Cli.Result run(Throwable failure, String... args) {
        CommandLine cli = IpDeskCli.commandLine();
        cli.addSubcommand("boom", new Boom(failure));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = IpDeskCli.run(cli, args, o, e);
        }
        return new Cli.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String HINT = " (a bug in IPDesk; please report it. Run again with --debug or "
            + "IPDESK_DEBUG=1 for the details)\n";

    @Test
    void anUnexpectedExceptionIsOneEscapedLineWithoutAStackTrace() {
        Cli.Result r = run(new IllegalStateException("free space changed\u001b[2J while it was counted"), "boom");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("ipdesk: internal error: free space changed\\u001b[2J while it was counted" + HINT);
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsKind() {
        Cli.Result r = run(new NullPointerException(), "boom");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ipdesk: internal error: NullPointerException" + HINT);
    }

    @Test
    void anErrorSuchAsOutOfMemoryIsReportedTheSameWay() {
        Cli.Result r = run(new OutOfMemoryError("Java heap space"), "boom");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ipdesk: internal error: out of memory (Java heap space)" + HINT);
        Cli.Result deep = run(new StackOverflowError(), "boom");
        assertThat(deep.err()).isEqualTo("ipdesk: internal error: StackOverflowError" + HINT);
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli.Result r = run(new IllegalStateException("free space changed"), "--debug", "boom");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("ipdesk: internal error: free space changed" + HINT)
                .contains("java.lang.IllegalStateException: free space changed").contains("\tat ");
    }

    @Test
    void refusalsStayOneLineEvenWithDebug() {
        Cli.Result r = run(new IllegalArgumentException("'x' is not a status"), "--debug", "boom");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ipdesk: 'x' is not a status\n");
    }

    @Test
    void aVeryLongMessageIsCut() {
        Cli.Result r = run(new IllegalArgumentException("there is no network named '" + "n".repeat(100_000) + "'"),
                "boom");
        assertThat(r.err().length()).isLessThan(1_100);
        assertThat(r.err()).startsWith("ipdesk: there is no network named 'nnnn").endsWith("... (100,028 characters)\n");
    }
}
