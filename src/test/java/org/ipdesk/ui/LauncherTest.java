package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which arguments open the window and which go to the command line. */
class LauncherTest {

    @Test
    void noArgumentsOrOnlyDbOpenTheWindow() {
        assertThat(Launcher.isGuiLaunch(List.of())).isTrue();
        assertThat(Launcher.isGuiLaunch(List.of("--db", "/tmp/x.db"))).isTrue();
        assertThat(Launcher.isGuiLaunch(List.of("--db=/tmp/x.db"))).isTrue();
        assertThat(Launcher.databaseOption(List.of("--db", "/tmp/x.db"))).contains(Path.of("/tmp/x.db"));
        assertThat(Launcher.databaseOption(List.of("--db=/tmp/x.db"))).contains(Path.of("/tmp/x.db"));
        assertThat(Launcher.databaseOption(List.of())).isEmpty();
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
}
