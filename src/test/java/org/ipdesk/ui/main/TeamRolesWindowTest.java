package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Team;
import org.ipdesk.store.postgres.TestPostgres;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real window on a team database as members of different roles: what a role may not change is greyed out in the
 * toolbar and the menus, and the toolbar says why on hover; what it may change stays available. Writes
 * {@code team-window-viewer.png} to target/screenshots.
 */
class TeamRolesWindowTest {
    private final WindowDriver window = new WindowDriver();
    private Path settingsFile;
    private byte[] settingsBefore;

    @BeforeEach
    void keepTheSettings() throws Exception {
        settingsFile = SettingsStore.forUser().file();
        settingsBefore = Files.exists(settingsFile) ? Files.readAllBytes(settingsFile) : null;
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        if (settingsBefore == null) {
            Files.deleteIfExists(settingsFile);
        } else {
            Files.write(settingsFile, settingsBefore);
        }
    }

    /** A team database with the sample records and a member of {@code role}, as whom the location logs in. */
    private static ServerLocation member(Team.Role role) throws Exception {
        ServerLocation team = TestPostgres.freshIpdeskDatabase();
        SampleDatabase.seed(team);
        String user = role.word() + "_" + team.database();
        try (Connection admin = TestPostgres.connect(TestPostgres.server());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + user + " LOGIN"); // a generated name of letters, digits, underscores
        }
        try (Allocator owner = Allocator.open(team, OpenMode.EXISTING)) {
            owner.team().orElseThrow().init();
            owner.team().orElseThrow().grant(user, role);
        }
        return team.withUser(user);
    }

    private Button toolButton(String text) {
        return WindowDriver.call(() -> window.robot.lookup(".tool-bar .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow(() -> new AssertionError(text)));
    }

    private String why(Button button) {
        return WindowDriver.call(() -> {
            Node holder = button.getParent();
            Object tip = holder.getProperties().get("javafx.scene.control.Tooltip");
            return tip instanceof Tooltip tooltip ? tooltip.getText() : "";
        });
    }

    @Test
    void aViewerSeesEveryChangeGreyedOutAndWhy() throws Exception {
        ServerLocation viewer = member(Team.Role.VIEWER);
        window.open(viewer.toString());
        WindowDriver.waitUntil(() -> window.stage.getTitle().endsWith("(viewer)"));
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");

        String user = viewer.user().orElseThrow();
        for (String text : new String[] {"Network", "Subnet", "Reserve", "Next free"}) {
            assertThat(WindowDriver.call(() -> toolButton(text).isDisabled())).as(text).isTrue();
        }
        assertThat(why(toolButton("Network")))
                .isEqualTo(user + " is a viewer of this team database: viewers may not change networks");
        assertThat(why(toolButton("Reserve")))
                .isEqualTo(user + " is a viewer of this team database: viewers may not change addresses");
        assertThat(PaneStage.screenshot(window.robot, window.stage, "team-window-viewer.png")).exists();
    }

    @Test
    void anEditorMayChangeAddressesButNotSubnets() throws Exception {
        ServerLocation editor = member(Team.Role.EDITOR);
        window.open(editor.toString());
        WindowDriver.waitUntil(() -> window.stage.getTitle().endsWith("(editor)"));
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");

        assertThat(WindowDriver.call(() -> toolButton("Reserve").isDisabled())).isFalse();
        assertThat(WindowDriver.call(() -> toolButton("Next free").isDisabled())).isFalse();
        assertThat(why(toolButton("Reserve"))).isEmpty();
        assertThat(WindowDriver.call(() -> toolButton("Subnet").isDisabled())).isTrue();
        assertThat(why(toolButton("Subnet"))).isEqualTo(editor.user().orElseThrow()
                + " is an editor of this team database: editors may change addresses and ranges, not subnets");
    }
}
