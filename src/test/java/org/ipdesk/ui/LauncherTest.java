package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.Test;

/** Which arguments open the window and which go to the command line. */
class LauncherTest {

    @Test
    void noArgumentsOrOnlyDbOpenTheWindow() {
        assertThat(Launcher.isGuiLaunch(List.of())).isTrue();
        assertThat(Launcher.isGuiLaunch(List.of("--db", "/tmp/x.db"))).isTrue();
        assertThat(Launcher.isGuiLaunch(List.of("--db=/tmp/x.db"))).isTrue();
        assertThat(Launcher.databaseOption(List.of("--db", "/tmp/x.db"))).contains(Location.of(Path.of("/tmp/x.db")));
        assertThat(Launcher.databaseOption(List.of("--db=/tmp/x.db"))).contains(Location.of(Path.of("/tmp/x.db")));
        assertThat(Launcher.databaseOption(List.of())).isEmpty();
    }

    @Test
    void aTeamDatabaseOpensTheWindowOnTheServer() {
        assertThat(Launcher.isGuiLaunch(List.of("--db", "postgresql://alice@db.example/ipam"))).isTrue();
        assertThat(Launcher.databaseOption(List.of("--db=postgresql://alice@db.example:6432/ipam?sslmode=verify-full")))
                .contains(ServerLocation.parse("postgresql://alice@db.example:6432/ipam?sslmode=verify-full"));
        assertThat(Launcher.isGuiLaunch(List.of("--db", "postgresql://db.example/ipam", "network", "list"))).isFalse();
    }

    @Test
    void aMalformedServerUrlIsRefusedNamingTheProblem() {
        assertThat(Launcher.isGuiLaunch(List.of("--db", "postgresql://alice:pw@db.example/ipam"))).isTrue();
        assertThatThrownBy(() -> Launcher.databaseOption(List.of("--db", "postgresql://alice:pw@db.example/ipam")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leave the password out");
    }

    @Test
    void everythingElseGoesToTheCommandLine() {
        assertThat(Launcher.isGuiLaunch(List.of("calc", "10.0.0.0/24"))).isFalse();
        assertThat(Launcher.isGuiLaunch(List.of("--db", "/tmp/x.db", "network", "list"))).isFalse();
        assertThat(Launcher.isGuiLaunch(List.of("--db=/tmp/x.db", "usage"))).isFalse();
        assertThat(Launcher.isGuiLaunch(List.of("--db"))).isFalse();
        assertThat(Launcher.isGuiLaunch(List.of("--db="))).isFalse();
        assertThat(Launcher.isGuiLaunch(List.of("--help"))).isFalse();
        assertThat(Launcher.isGuiLaunch(List.of("--version"))).isFalse();
    }

    @Test
    void aMissingGtkNamesThePackageToInstallInOneLine() {
        // as JavaFX 21's glass says it on Linux without libgtk-3 (seen with LD_LIBRARY_PATH hiding it)
        String line = Launcher.toolkitProblem(new UnsupportedOperationException("Unable to load glass GTK library."))
                .orElseThrow();
        assertThat(line).startsWith("ipdesk: cannot open the window: the GTK 3 library is missing")
                .contains("Debian/Ubuntu: libgtk-3-0").contains("Fedora: gtk3").contains("ipdesk --help")
                .doesNotContain("\n");
        // the same failure wrapped by the launcher thread is found through its causes
        assertThat(Launcher.toolkitProblem(new RuntimeException("Exception in Application start method",
                new UnsupportedOperationException("Unable to load glass GTK library.")))).contains(line);
    }

    @Test
    void aMissingDisplayIsSaidAsSuchAndOtherFailuresAreNotTakenForTheToolkit() {
        assertThat(Launcher.toolkitProblem(new UnsupportedOperationException("Unable to open DISPLAY")))
                .hasValueSatisfying(line -> assertThat(line).contains("no display").contains("Unable to open DISPLAY")
                        .doesNotContain("GTK"));
        assertThat(Launcher.toolkitProblem(new IllegalStateException("database is locked"))).isEmpty();
        assertThat(Launcher.toolkitProblem(new RuntimeException("boom", new IllegalArgumentException("x")))).isEmpty();
    }

    @Test
    void aRefusedDatabaseIsReportedWithItsControlCharactersMadeVisible() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Launcher.databaseOption(List.of("--db", "postgresql://db.example:99999/ip\u0007am\u001b[31m")));
        String line = Launcher.refusedDatabase(refused);
        assertThat(line).startsWith("ipdesk: ").contains("ip\\u0007am\\u001b[31m").doesNotContain("\u0007", "\u001b");
    }
}
