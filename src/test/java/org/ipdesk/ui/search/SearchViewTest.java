package org.ipdesk.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Insets;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The search field for real: FXML, theme and the background {@link FxTaskExecutor} on the sample database, typed
 * into by the robot, headless through Monocle. Writes target/screenshots/search-results.png (window and popup).
 */
class SearchViewTest {

    @TempDir
    static Path dir;

    private static Allocator allocator;

    private final FxRobot robot = new FxRobot();
    private final List<SearchResult> chosen = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private SearchViewModel vm;
    private SearchView view;
    private Stage stage;

    @BeforeAll
    static void seed() {
        allocator = SearchFixtures.open(Engine.SQLITE, dir);
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    @BeforeEach
    void open() throws TimeoutException {
        executor = new FxTaskExecutor();
        vm = new SearchViewModel(() -> allocator, executor);
        vm.setOnChoose(chosen::add);
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> view = SearchView.load(vm));
        VBox page = new VBox(view.root());
        page.setPadding(new Insets(10));
        stage = PaneStage.show(page, 560, 486);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
    }

    private TextField field() {
        return robot.lookup(".search-field").queryAs(TextField.class);
    }

    private Optional<Popup> popup() {
        return Window.getWindows().stream().filter(w -> w instanceof Popup && w.isShowing()).map(Popup.class::cast)
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private ListView<SearchResult> list() {
        return (ListView<SearchResult>) popup().orElseThrow().getContent().get(0).lookup(".search-list");
    }

    private void type(String text) throws TimeoutException {
        // the click puts the caret where it lands; Ctrl+A makes the typing replace the whole text
        robot.clickOn(field()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text, 0);
        try {
            PaneStage.waitUntil(() -> text.equals(vm.queryProperty().get()) && !vm.searchingProperty().get()
                    && !vm.messageProperty().get().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("typed '" + text + "', the query is '" + vm.queryProperty().get() + "', "
                    + vm.messageProperty().get(), e);
        }
    }

    @Test
    void typingListsResultsAndDownEnterChoosesOne() throws Exception {
        type("web-0");
        assertThat(vm.results()).hasSize(9);
        assertThat(view.isListShowing()).isTrue();
        assertThat(list().getItems()).hasSize(9);

        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        PaneStage.waitUntil(() -> list().getSelectionModel().getSelectedIndex() == 1);
        assertThat(field().isFocused()).as("the keyboard stays in the field").isTrue();
        robot.type(KeyCode.ENTER);
        PaneStage.waitUntil(() -> !chosen.isEmpty());

        assertThat(chosen).singleElement().satisfies(r -> {
            assertThat(r.ip()).hasValue(Ip.parse("10.10.1.3"));
            assertThat(r.hostname()).isEqualTo("web-02");
            assertThat(r.subnet().cidr()).isEqualTo(Cidr.parse("10.10.1.0/24"));
            assertThat(r.networkName()).isEqualTo("dc1");
        });
        assertThat(view.isListShowing()).as("choosing closes the list").isFalse();
    }

    @Test
    void enterWithoutASelectionChoosesTheFirstAndAClickChoosesThatResult() throws Exception {
        type("10.10.1.200");
        robot.type(KeyCode.ENTER);
        PaneStage.waitUntil(() -> chosen.size() == 1);
        assertThat(chosen.get(0).kind()).isEqualTo(SearchResult.Kind.SUBNET);
        assertThat(chosen.get(0).ip()).hasValue(Ip.parse("10.10.1.200"));

        type("Web tier");
        assertThat(view.isListShowing()).isTrue();
        robot.clickOn("2001:db8:10:1::/64");
        PaneStage.waitUntil(() -> chosen.size() == 2);
        assertThat(chosen.get(1).subnet().name()).isEqualTo("Web tier v6");
        assertThat(view.isListShowing()).isFalse();
    }

    @Test
    void escapeClosesTheListAndASecondEscapeClearsTheField() throws Exception {
        type("db-0");
        assertThat(view.isListShowing()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.isListShowing()).isFalse();
        assertThat(field().getText()).isEqualTo("db-0");

        // Down opens it again
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.isListShowing()).isTrue();

        robot.type(KeyCode.ESCAPE, KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field().getText()).isEmpty();
        assertThat(vm.results()).isEmpty();
        assertThat(view.isListShowing()).isFalse();
        assertThat(chosen).isEmpty();
    }

    @Test
    void aResultReleasedMeanwhileIsNotGoneToAndTheListSaysSo() throws Exception {
        type("backup-01");
        Subnet databases = allocator.findSubnet(Cidr.parse("10.10.2.0/24"), Optional.empty());
        Address backup = allocator.address(databases.id(), Ip.parse("10.10.2.50")).orElseThrow();
        try (Allocator other = Allocator.open(allocator.location())) {
            other.release(databases.id(), Ip.parse("10.10.2.50"));
        }
        try {
            robot.type(KeyCode.ENTER);
            PaneStage.waitUntil(() -> view.isListShowing() && vm.messageProperty().get().startsWith("10.10.2.50"));
            assertThat(vm.messageProperty().get()).isEqualTo("10.10.2.50 is no longer held in 10.10.2.0/24 in dc1"
                    + "\nNo address or subnet matches \u201cbackup-01\u201d");
            assertThat(chosen).isEmpty();
            assertThat(shoot("search-gone.png")).exists();
        } finally {
            try (Allocator other = Allocator.open(allocator.location())) {
                other.reserve(databases.id(), backup.ip(), backup.details());
            }
        }
    }

    @Test
    void noMatchShowsTheMessageInTheList() throws Exception {
        type("zzz-nothing");
        assertThat(view.isListShowing()).isTrue();
        assertThat(list().isVisible()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("No address or subnet matches");
    }

    @Test
    void screenshotOfTheResults() throws Exception {
        type("web");
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN);
        PaneStage.waitUntil(() -> list().getSelectionModel().getSelectedIndex() == 2);
        Path file = shoot("search-results.png");
        assertThat(file).exists();
        // the panel lines up under the field
        robot.interact(() -> {
            double field = field().localToScreen(field().getLayoutBounds()).getMinX();
            double panel = list().getParent().localToScreen(list().getParent().getLayoutBounds()).getMinX();
            assertThat(panel).isCloseTo(field, org.assertj.core.api.Assertions.within(1.0));
        });

        // a MAC in dashes: the address with its owner and description
        type("00-1A-2B-3C-4D-5E");
        assertThat(shoot("search-mac.png")).exists();
        // backup-01 was seen by a scan: its row says when, in local time as the address table does
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(SearchFixtures.SEEN);
        robot.interact(() -> assertThat(list().lookupAll(".result-seen")).filteredOn(javafx.scene.Node::isVisible)
                .extracting(n -> ((javafx.scene.control.Label) n).getText()).containsExactly("seen " + local));
        type("192.168.20.150");
        assertThat(vm.results()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("DHCP pool"));
        assertThat(shoot("search-free-ip.png")).exists();
    }

    @Test
    void aFieldAtTheWindowsRightEdgeOpensItsListUnderItAndInsideTheWindow() throws Exception {
        // as in the main window's toolbar: the field at the right, narrower than its list
        robot.interact(() -> {
            javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
            javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
            ((javafx.scene.layout.Region) view.root()).setPrefWidth(265);
            javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(spacer, view.root());
            bar.setPadding(new Insets(10));
            stage.getScene().setRoot(new VBox(bar));
        });
        type("web");
        PaneStage.waitUntil(() -> list().getItems().size() > 1);

        robot.interact(() -> {
            javafx.geometry.Bounds field = field().localToScreen(field().getLayoutBounds());
            javafx.geometry.Bounds panel = list().getParent().localToScreen(list().getParent().getLayoutBounds());
            double windowLeft = stage.getX() + stage.getScene().getX();
            assertThat(panel.getWidth()).as("the list is wider than the field").isGreaterThan(field.getWidth() + 100);
            assertThat(panel.getMaxX()).as("its right edge under the field's")
                    .isCloseTo(field.getMaxX(), org.assertj.core.api.Assertions.within(1.0));
            assertThat(panel.getMinX()).as("inside the window").isGreaterThanOrEqualTo(windowLeft);
            assertThat(panel.getMinY()).isCloseTo(field.getMaxY() + 2, org.assertj.core.api.Assertions.within(1.0));
        });
        assertThat(shoot("search-at-the-right.png")).exists();
        // this toolkit's windows can be see-through: the list keeps the theme's shadow
        assertThat(list().getParent().getStylesheets()).doesNotContain(org.ipdesk.ui.OpaquePopups.stylesheet());
    }

    @Test
    void whereWindowsCannotBeSeeThroughTheListTakesTheSquareLook() throws Exception {
        // as on X11 without a compositing manager (OpaquePopupsTest has what the look is)
        System.setProperty("ipdesk.opaquePopups", "true");
        try {
            robot.interact(() -> view = SearchView.load(vm));
            robot.interact(() -> stage.getScene().setRoot(new VBox(view.root())));
            type("web");
            assertThat(list().getParent().getStylesheets()).endsWith(org.ipdesk.ui.OpaquePopups.stylesheet());
        } finally {
            System.clearProperty("ipdesk.opaquePopups");
        }
    }

    @Test
    void theListStartsUnderTheFieldWhenItFitsAndEndsUnderItWhenItDoesNot() {
        assertThat(SearchView.panelX(100, 600, 460, 0, 1000)).isEqualTo(100);
        assertThat(SearchView.panelX(700, 965, 460, 0, 1000)).isEqualTo(505);
        // a window narrower than the list: its left edge
        assertThat(SearchView.panelX(150, 390, 460, 10, 400)).isEqualTo(10);
    }

    /** The window with the popup drawn over it where it shows on screen (a scene snapshot leaves popups out). */
    private Path shoot(String name) throws IOException {
        Popup popup = popup().orElseThrow();
        BufferedImage window = image(PaneStage.snapshot(robot, stage));
        WritableImage[] over = new WritableImage[1];
        robot.interact(() -> over[0] = popup.getScene().snapshot(null));
        int x = (int) Math.round(popup.getX() + popup.getScene().getX() - stage.getX() - stage.getScene().getX());
        int y = (int) Math.round(popup.getY() + popup.getScene().getY() - stage.getY() - stage.getScene().getY());
        Graphics2D g = window.createGraphics();
        g.drawImage(image(over[0]), x, y, null);
        g.dispose();
        Files.createDirectories(PaneStage.SCREENSHOTS);
        Path file = PaneStage.SCREENSHOTS.resolve(name);
        ImageIO.write(window, "png", file.toFile());
        return file;
    }

    private static BufferedImage image(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        int[] argb = new int[w * h];
        fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        return png;
    }
}
