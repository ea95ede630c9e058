package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The File menu of the real window holds Export database… next to the other exports; the View menu's Dark theme is
 * a check item that follows the toolbar's theme button. The open menus are written to
 * {@code target/screenshots/file-menu.png} and {@code view-menu.png} to be looked at.
 */
class FileMenuScreenshotTest {
    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void theFileMenuOffersExportDatabase() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);

        MenuBar bar = window.robot.lookup("#menuBar").queryAs(MenuBar.class);
        List<String> items = bar.getMenus().get(0).getItems().stream()
                .map(i -> i instanceof SeparatorMenuItem ? "-" : i.getText()).toList();
        assertThat(items).containsSubsequence("_Import\u2026", "_Export addresses\u2026", "Export da_tabase\u2026",
                "_Back up\u2026");
        MenuItem export = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "Export da_tabase\u2026".equals(i.getText())).findFirst().orElseThrow();
        assertThat(export.getOnAction()).isNotNull();
        assertThat(export.isDisable()).isFalse();

        window.robot.clickOn("File");
        WindowDriver.waitUntil(() -> WindowDriver.openContextMenu() != null);
        ContextMenu menu = WindowDriver.openContextMenu();
        WritableImage[] image = new WritableImage[1];
        window.robot.interact(() -> image[0] = menu.getScene().snapshot(null));
        Path png = PaneStage.write(image[0], "file-menu.png");
        assertThat(png).exists();
        window.robot.interact(menu::hide);
    }

    @Test
    void theViewMenuShowsTheDarkThemeAsACheckItemThatFollowsTheToolbarButton() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);

        MenuBar bar = window.robot.lookup("#menuBar").queryAs(MenuBar.class);
        List<MenuItem> view = bar.getMenus().get(3).getItems();
        assertThat(view).extracting(MenuItem::getText)
                .containsExactly("_Usage dashboard\u2026", "_History\u2026", "_Dark theme", "_Refresh", null,
                        "Ne_xt pane", "Pre_vious pane");
        CheckMenuItem dark = (CheckMenuItem) view.get(2);
        ToggleButton button = window.robot.lookup("#themeButton").queryAs(ToggleButton.class);
        assertThat(button.getTooltip().getText()).isEqualTo("Dark theme");
        assertThat(dark.isSelected()).isFalse();

        window.robot.clickOn("#themeButton");
        WindowDriver.waitUntil(dark::isSelected);

        window.robot.clickOn("View");
        WindowDriver.waitUntil(() -> WindowDriver.openContextMenu() != null);
        ContextMenu menu = WindowDriver.openContextMenu();
        WritableImage[] image = new WritableImage[1];
        window.robot.interact(() -> image[0] = menu.getScene().snapshot(null));
        assertThat(PaneStage.write(image[0], "view-menu.png")).exists();
        window.robot.interact(menu::hide);
        window.robot.interact(() -> dark.setSelected(false));
        assertThat(button.isSelected()).isFalse();
    }

}
