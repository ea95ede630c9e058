package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --db postgresql://…} names a team database on a server everywhere {@code --db FILE} works: it is never taken
 * for a file path, a bad URL is a usage error naming the problem, and a server that cannot be reached is a refusal.
 */
class TeamDatabaseOptionTest {
    /** Nothing listens on port 1, so whatever engine opens this, it is refused at once. */
    private static final String UNREACHABLE = "postgresql://alice@127.0.0.1:1/ipam";

    @TempDir
    Path dir;

    @AfterEach
    void noFileNamedAfterTheUrl() {
        // had the URL been read as a path, a folder "postgresql:" would now exist in the working folder
        assertThat(Path.of("postgresql:")).doesNotExist();
        assertThat(Path.of("postgresql:").toAbsolutePath()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"network list", "network add dc1", "subnet list", "find web", "usage",
            "ip list 10.0.0.0/24", "export database -o -", "dev sample"})
    void everyCommandTakesTheServerAndReportsItsRefusalInOneLine(String command) {
        String[] words = command.split(" ");
        String[] args = new String[words.length + 2];
        args[0] = "--db";
        args[1] = UNREACHABLE;
        System.arraycopy(words, 0, args, 2, words.length);
        Cli.Result result = Cli.raw(args);
        assertThat(result.code()).as(result.toString()).isEqualTo(IpDeskCli.REFUSED);
        assertThat(result.err()).startsWith("ipdesk: ").doesNotContain("internal error")
                .doesNotContain("there is no database at").doesNotContain("Invalid value");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theOptionMayComeAfterTheCommandToo() {
        Cli.Result result = Cli.raw("network", "list", "--db", UNREACHABLE);
        assertThat(result.code()).as(result.toString()).isEqualTo(IpDeskCli.REFUSED);
        assertThat(result.err()).doesNotContain("there is no database at");
    }

    @Test
    void aPasswordInTheUrlIsAUsageErrorThatSaysWhereItGoes() {
        Cli.Result result = Cli.raw("--db", "postgresql://alice:secret@db.example/ipam", "network", "list");
        assertThat(result.code()).isEqualTo(IpDeskCli.USAGE);
        assertThat(result.err()).contains("Invalid value for option '--db'")
                .contains("leave the password out of the location").contains("~/.pgpass")
                .doesNotContain("secret");
    }

    @Test
    void anUnknownParameterOrTlsModeIsNamed() {
        Cli.Result parameter = Cli.raw("--db", "postgresql://db.example/ipam?timeout=3", "network", "list");
        assertThat(parameter.code()).isEqualTo(IpDeskCli.USAGE);
        assertThat(parameter.err()).contains("unknown parameter 'timeout'").contains("sslmode");

        Cli.Result mode = Cli.raw("--db", "postgresql://db.example/ipam?sslmode=strict", "network", "list");
        assertThat(mode.code()).isEqualTo(IpDeskCli.USAGE);
        assertThat(mode.err()).contains("sslmode 'strict' is not one of").contains("verify-full");
    }

    @Test
    void aUrlWithoutDatabaseOrHostIsNamed() {
        assertThat(Cli.raw("--db", "postgresql://db.example", "network", "list").err())
                .contains("needs a database name");
        assertThat(Cli.raw("--db", "postgresql:///ipam", "network", "list").err()).contains("names no server host");
    }

    @Test
    void backupOfATeamDatabaseThatCannotBeReachedWritesNothing() {
        Path target = dir.resolve("copy.db");
        Cli.Result result = Cli.raw("--db", UNREACHABLE, "backup", target.toString());
        assertThat(result.code()).isEqualTo(IpDeskCli.REFUSED);
        assertThat(result.err()).contains("cannot reach the PostgreSQL server 127.0.0.1:1");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFileKeepsItsBehaviourAndMessages() throws Exception {
        Path missing = dir.resolve("none.db");
        Cli.Result result = new Cli(missing).run("network", "list");
        assertThat(result.code()).isEqualTo(IpDeskCli.REFUSED);
        assertThat(result.err()).contains("there is no database at " + missing);
        assertThat(missing).doesNotExist();

        Path made = dir.resolve("made.db");
        new Cli(made).ok("network", "add", "dc1");
        assertThat(Files.isRegularFile(made)).isTrue();
        assertThat(new Cli(made).ok("network", "list").out()).contains("dc1");
    }
}
