package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Copy to team database… in the real window: the dialog says what the open database holds, refuses the open
 * database itself as the target with its message, copies into a new file with the same records, and opens the copy.
 */
class CopyToTeamWindowTest {
    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void copiesTheOpenDatabaseIntoANewFileAndOpensIt() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);

        MenuBar bar = window.robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "Cop_y to team database\u2026".equals(i.getText())).findFirst().orElseThrow();
        assertThat(item.getGraphic()).as("the catalogue's icon").isNotNull();
        window.robot.interact(item::fire);
        WindowDriver.waitUntil(() -> window.robot.lookup(".copy-database").tryQuery().isPresent());
        Label contents = window.robot.lookup("#contentsLabel").queryAs(Label.class);
        WindowDriver.waitUntil(() -> contents.getText().startsWith("2 networks"));
        assertThat(contents.getText()).startsWith("2 networks, 7 subnets, 1 range, 45 addresses and ");
        assertThat(window.robot.lookup("#sourceLabel").queryAs(Label.class).getText()).isEqualTo(file.toString());
        Stage dialog = (Stage) contents.getScene().getWindow();
        assertThat(dialog.getTitle()).isEqualTo("Copy to team database");

        Button copy = window.robot.lookup("#copyButton").queryAs(Button.class);
        assertThat(copy.isDisabled()).as("no target yet").isTrue();
        window.robot.clickOn("#targetField").write(file.toString(), 0);
        window.robot.clickOn(copy);
        Label problem = window.robot.lookup("#problemLabel").queryAs(Label.class);
        WindowDriver.waitUntil(() -> !problem.getText().isEmpty());
        assertThat(problem.getText()).isEqualTo("Nothing was copied: cannot copy " + file + " to " + file
                + ": they are the same file; give another target");
        assertThat(problem.isVisible()).isTrue();

        Path target = dir.resolve("team.db");
        TextField field = window.robot.lookup("#targetField").queryAs(TextField.class);
        window.robot.interact(field::clear);
        window.robot.clickOn(field).write(target.toString(), 0);
        assertThat(problem.isVisible()).as("a new target clears the message").isFalse();
        window.robot.clickOn(copy);
        Label summary = window.robot.lookup("#copySummaryLabel").queryAs(Label.class);
        WindowDriver.waitUntil(() -> summary.getText().startsWith("Copied "));
        assertThat(summary.getText()).startsWith("Copied 2 networks, 7 subnets, 1 range, 45 addresses and ")
                .endsWith(" changes to " + target);
        assertThat(ContentSnapshot.records(target)).isEqualTo(ContentSnapshot.records(file));
        Button open = window.robot.lookup("#openButton").queryAs(Button.class);
        assertThat(open.isVisible()).isTrue();
        assertThat(copy.isDisabled()).isTrue();
        assertThat(org.ipdesk.ui.PaneStage.screenshot(window.robot, dialog, "copy-to-team-done.png")).exists();

        window.robot.clickOn(open);
        WindowDriver.waitUntil(() -> !dialog.isShowing());
        WindowDriver.waitUntil(() -> window.stage.getTitle().equals("IPDesk \u2014 team.db"));
        WindowDriver.waitUntil(() -> window.label("#summaryLabel").getText().contains("45"));
    }
}
