package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.ipdesk.ui.App;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window ({@link App} with {@code --db FILE}, FXML, theme, background executor) on a seeded database,
 * headless through Monocle (see the surefire settings in pom.xml).
 */
class MainWindowTest {

    @TempDir
    static Path dir;

    private static Path sample;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;

    @BeforeAll
    static void seed() {
        sample = dir.resolve("sample.db");
        SampleDatabase.seed(sample);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheNetworksAndTheirSubnets() throws Exception {
        open(sample);
        TreeView<TreeRow> tree = tree();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 2);

        List<TreeItem<TreeRow>> networks = tree.getRoot().getChildren();
        assertThat(networks).extracting(item -> item.getValue().label()).containsExactly("branch-office", "dc1");
        TreeItem<TreeRow> dc1 = networks.get(1);
        assertThat(dc1.isExpanded()).isTrue();
        assertThat(dc1.getChildren()).extracting(item -> item.getValue().label())
                .containsExactly("10.10.0.0/16", "2001:db8:10::/48");
        assertThat(dc1.getChildren().get(0).getChildren()).extracting(item -> item.getValue().name())
                .containsExactly("Web tier", "Databases");
        // every row is expanded: 2 networks + 7 subnets
        assertThat(tree.getExpandedItemCount()).isEqualTo(9);

        // the cells themselves show the values (once the next layout pass has filled them)
        List<String> expected = List.of("dc1", "Main data centre", "10.10.1.0/24", "Web tier \u00b7 VLAN 101", "5.12 %",
                "2001:db8:10:1::/64", "v4+v6");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cellTexts().containsAll(expected));
        assertThat(cellTexts()).containsAll(expected);

        assertThat(label("#databaseLabel").getText()).isEqualTo("Database: " + sample.toAbsolutePath().normalize());
        assertThat(label("#summaryLabel").getText()).isEqualTo("2 networks \u00b7 7 subnets \u00b7 45 addresses");
        assertThat(label("#summaryLabel").getPseudoClassStates()).isEmpty();
        assertThat(stage.getTitle()).isEqualTo("IPDesk \u2014 sample.db");
    }

    @Test
    void aFileThatIsNotAnIpdeskDatabaseShowsAnErrorInsteadOfCrashing() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "hello\n");
        open(notes);
        Label summary = label("#summaryLabel");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !summary.getText().isEmpty());

        assertThat(summary.getText()).isEqualTo("Cannot open the database");
        assertThat(summary.getPseudoClassStates()).extracting(Object::toString).contains("error");
        assertThat(summary.getTooltip().getText()).contains("is not an IPDesk database");
        assertThat(label("#placeholderLabel").getText()).contains("is not an IPDesk database");
        assertThat(label("#databaseLabel").getText()).isEqualTo("Database: " + notes.toAbsolutePath().normalize());
        assertThat(tree().getRoot().getChildren()).isEmpty();
        assertThat(stage.isShowing()).isTrue();
    }

    private void open(Path file) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class, "--db", file.toString());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> cellTexts() {
        return robot.lookup(".network-tree-cell .label").queryAll().stream()
                .map(label -> ((Label) label).getText())
                .toList();
    }

    private TreeView<TreeRow> tree() {
        return robot.lookup("#networkTree").query();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
