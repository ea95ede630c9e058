package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class DevCommandTest {
    @TempDir
    Path dir;

    /** Stands in for the real top-level command: only its global --db matters here. */
    @Command(name = "ipdesk", subcommands = DevCommand.class)
    static final class Root {
        @Option(names = "--db")
        Path db;
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new Root()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void generatesIntoTheGlobalDatabase() {
        Path db = dir.resolve("dev.db");
        int code = run("--db", db.toString(), "dev", "generate", "--subnets", "50", "--addresses", "2000",
                "--v6-subnets", "5");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("50 subnets").contains("2,000 addresses");
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            assertThat(allocator.subnets()).hasSize(50);
        }
    }

    @Test
    void refusesToRunWithoutAnExplicitDatabase() {
        int code = run("dev", "generate", "--subnets", "5", "--addresses", "10");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("needs an explicit --db");
    }

    @Test
    void reportsAPlanThatDoesNotFit() {
        int code = run("--db", dir.resolve("x.db").toString(), "dev", "generate", "--subnets", "2", "--addresses",
                "100000", "--v6-subnets", "0");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("do not fit");
    }

    @Test
    void sampleFillsAnEmptyDatabaseOnlyOnce() {
        Path db = dir.resolve("sample.db");
        Cli.Result first = Cli.raw("--db", db.toString(), "dev", "sample");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Wrote the sample data to " + db + ": 3 networks, ");

        Cli.Result again = Cli.raw("--db", db.toString(), "dev", "sample");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("only into an empty database");
        assertThat(Cli.raw("dev", "sample").code()).isEqualTo(2);
    }
}
