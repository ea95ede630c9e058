package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Popups on a desktop whose windows cannot be see-through (X11 without a compositing manager): the theme's shadow
 * and round corners, drawn outside a popup's panel, showed there as a white frame around every menu and list.
 */
class OpaquePopupsTest {

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theStylesheetGoesAfterTheOthersOnlyWhereWindowsAreOpaque() {
        String css = "file:/app.css";
        assertThat(OpaquePopups.with(List.of(css), false)).containsExactly(css);
        assertThat(OpaquePopups.with(List.of(css), true)).containsExactly(css, OpaquePopups.stylesheet());
    }

    @Test
    void withItAMenuAndTheSearchListFillTheirWindowsSquareAndWithoutShadow() throws Exception {
        Button owner = new Button("Open");
        // the search list's panel, styled as its own stylesheet styles it
        Region searchPanel = new Region();
        searchPanel.getStyleClass().add("search-results");
        String search = Objects.requireNonNull(OpaquePopups.class.getResource("search/search.css")).toExternalForm();
        Stage stage = PaneStage.show(new VBox(owner, searchPanel), 400, 300);
        PaneStage.theme(robot, true);
        // the theme's look, as on a desktop that composites its windows
        Region[] panels = shownMenuAndSearchPanel(stage, owner, searchPanel, List.of(search));
        assertThat(panels[0].getEffect()).isNotNull();
        assertThat(panels[1].getEffect()).isNotNull();
        assertThat(panels[0].getBackground().getFills()).anySatisfy(fill ->
                assertThat(fill.getRadii().getTopLeftHorizontalRadius()).isPositive());

        panels = shownMenuAndSearchPanel(stage, owner, searchPanel, OpaquePopups.with(List.of(search), true));
        for (Region panel : panels) {
            assertThat(panel.getEffect()).isNull();
            assertThat(panel.getBackground().getFills())
                    .allSatisfy(fill -> assertThat(fill.getRadii().getTopLeftHorizontalRadius()).isZero());
        }
        PaneStage.theme(robot, false);
    }

    /** A new menu shown from {@code owner} in a scene with {@code stylesheets}, and the search panel: styled. */
    private Region[] shownMenuAndSearchPanel(Stage stage, Button owner, Region searchPanel, List<String> stylesheets)
            throws Exception {
        ContextMenu menu = new ContextMenu(new MenuItem("New database"), new MenuItem("Open"));
        robot.interact(() -> {
            stage.getScene().getStylesheets().setAll(stylesheets);
            menu.show(owner, Side.BOTTOM, 0, 0);
        });
        PaneStage.waitUntil(menu::isShowing);
        // the menu's panel: the skin's root carries the menu's style class
        Region menuPanel = (Region) menu.getSkin().getNode();
        robot.interact(() -> {
            menuPanel.applyCss();
            searchPanel.applyCss();
        });
        robot.interact(menu::hide);
        return new Region[] {menuPanel, searchPanel};
    }
}
