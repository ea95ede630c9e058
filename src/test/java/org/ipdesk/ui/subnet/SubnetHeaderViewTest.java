package org.ipdesk.ui.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneFixtures;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.grid.GridPalette;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The subnet header in a window, headless through Monocle, reading through the application's executor
 * ({@link FxTaskExecutor}) from a seeded database: the rendered texts, the usage bar's colours, and snapshots
 * in {@code target/screenshots/}.
 */
class SubnetHeaderViewTest {

    @TempDir
    static Path dir;

    private static Allocator allocator;
    private static PaneFixtures data;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private SubnetHeaderViewModel vm;
    private SubnetHeaderView view;
    private Stage stage;

    @BeforeAll
    static void seed() {
        allocator = PaneFixtures.open(dir.resolve("header-view.db"));
        data = PaneFixtures.seed(allocator);
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    @BeforeEach
    void open() throws TimeoutException {
        executor = new FxTaskExecutor();
        vm = new SubnetHeaderViewModel(() -> allocator, executor);
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> view = SubnetHeaderView.load(vm));
        stage = PaneStage.show(view.root(), 900, -1);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        PaneStage.theme(robot, false);
        FxToolkit.cleanupStages();
        executor.close();
    }

    private void show(Subnet subnet) throws TimeoutException {
        robot.interact(() -> vm.show(subnet));
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && !vm.segments().isEmpty());
        // the window was opened around the placeholder alone: the facts join when the first subnet is shown
        robot.interact(stage::sizeToScene);
        PaneStage.waitUntil(() -> true);
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private org.kordamp.ikonli.Ikon badgeIcon(String id) {
        return ((org.kordamp.ikonli.javafx.FontIcon) robot.lookup("#" + id).queryAs(Label.class).getGraphic()).getIconCode();
    }

    private boolean visible(String id) {
        return robot.lookup("#" + id).query().isVisible();
    }

    @Test
    void showsThePlaceholderThenTheSubnetsFactsAndUsage() throws TimeoutException {
        assertThat(visible("placeholderLabel")).isTrue();
        assertThat(text("placeholderLabel")).isEqualTo("Choose a subnet.");
        // the facts join the scene graph only when a subnet is first shown (not styled at start-up)
        assertThat(robot.lookup("#content").tryQuery()).isEmpty();

        show(data.lan);

        assertThat(visible("placeholderLabel")).isFalse();
        assertThat(text("titleLabel")).isEqualTo("10.0.0.0/24");
        assertThat(text("nameLabel")).isEqualTo("Office LAN");
        assertThat(text("vlanBadge")).isEqualTo("VLAN 20");
        assertThat(text("gatewayBadge")).isEqualTo("10.0.0.1");
        assertThat(text("networkBadge")).isEqualTo("lab");
        assertThat(text("descriptionLabel")).isEqualTo("Second floor, wired desks");
        assertThat(text("networkLabel")).isEqualTo("10.0.0.0");
        assertThat(text("broadcastLabel")).isEqualTo("10.0.0.255");
        assertThat(text("netmaskLabel")).isEqualTo("255.255.255.0");
        assertThat(text("firstUsableLabel")).isEqualTo("10.0.0.1");
        assertThat(text("lastUsableLabel")).isEqualTo("10.0.0.254");
        assertThat(text("usableLabel")).isEqualTo("254");
        assertThat(text("usageLabel")).isEqualTo("41.34 % used \u2014 4 allocated \u00b7 0 reserved \u00b7 0 DHCP lease"
                + " \u00b7 0 deprecated \u00b7 1 gateway \u00b7 100 DHCP pool \u00b7 149 free of 254 usable");
        assertThat(view.usageBar().getAccessibleText()).startsWith("4 allocated (1.57 %), 0 reserved (0 %)")
                .contains("1 gateway (0.39 %)", "100 DHCP pool (39.37 %)");

        // the chips carry the icons the toolbar and dialogs use for the same things
        assertThat(badgeIcon("networkBadge")).isEqualTo(org.ipdesk.ui.action.ConceptIcons.NETWORK);
        assertThat(badgeIcon("gatewayBadge")).isEqualTo(org.ipdesk.ui.action.ConceptIcons.GATEWAY);
        assertThat(badgeIcon("vlanBadge")).isEqualTo(org.ipdesk.ui.action.ConceptIcons.VLAN);
        assertThat(org.ipdesk.ui.action.StandardAction.NEW_NETWORK.icon()).contains(badgeIcon("networkBadge"));

        // a subnet without VLAN, gateway or description hides those badges
        show(data.p2p);
        assertThat(visible("vlanBadge")).isFalse();
        assertThat(visible("gatewayBadge")).isFalse();
        assertThat(visible("descriptionLabel")).isFalse();
        assertThat(text("usableLabel")).isEqualTo("2");

        show(data.v6);
        assertThat(text("netmaskLabel")).isEqualTo("/64");
        assertThat(text("broadcastLabel")).isEqualTo("none (IPv6)");
        assertThat(text("usableLabel")).isEqualTo("18,446,744,073,709,551,615 (2^64 \u2212 1)");
    }

    /** Where each fact's caption and value are drawn, in the header's coordinates. */
    private java.util.List<javafx.geometry.Bounds> factBounds() {
        FactsGrid facts = robot.lookup(".facts").queryAs(FactsGrid.class);
        return facts.getChildren().stream().map(node -> node.localToScene(node.getLayoutBounds())).toList();
    }

    private void resize(double width) throws TimeoutException {
        robot.interact(() -> stage.setWidth(width));
        PaneStage.waitUntil(() -> Math.abs(stage.getWidth() - width) < 1);
        robot.interact(() -> view.root().layout());
    }

    @Test
    void theFactsTakeTwoRowsInANarrowPaneAndOneColumnOnlyWhenNothingElseFits() throws TimeoutException {
        show(data.lan);
        resize(400);
        java.util.List<javafx.geometry.Bounds> narrow = factBounds();

        // six facts in three columns, each caption above its value: two rows, not six
        assertThat(narrow.stream().map(javafx.geometry.Bounds::getMinX).distinct()).as("the columns' left edges")
                .hasSize(3);
        assertThat(narrow.get(0).getMinX()).as("a value under its caption").isEqualTo(narrow.get(1).getMinX());
        assertThat(narrow.get(1).getMinY()).isGreaterThanOrEqualTo(narrow.get(0).getMaxY() - 1);
        assertThat(narrow.stream().mapToDouble(javafx.geometry.Bounds::getMaxX).max().orElseThrow())
                .as("nothing drawn past the header").isLessThanOrEqualTo(400);

        resize(900);
        java.util.List<javafx.geometry.Bounds> wide = factBounds();
        assertThat(wide.get(1).getMinX()).as("the value beside its caption").isGreaterThan(wide.get(0).getMaxX());
        assertThat(wide.get(0).getMinY()).isEqualTo(wide.get(4).getMinY());
        assertThat(wide.get(0).getMinX()).as("captions of one column line up").isEqualTo(wide.get(6).getMinX());
        assertThat(wide.get(1).getMinX()).as("values of one column line up").isEqualTo(wide.get(7).getMinX());

        show(data.v6);
        resize(400);
        java.util.List<javafx.geometry.Bounds> v6 = factBounds();
        assertThat(v6.stream().filter((b) -> v6.indexOf(b) % 2 == 0).map(javafx.geometry.Bounds::getMinX)
                .distinct()).as("IPv6 values are too long for two columns: one").hasSize(1);
        assertThat(text("lastUsableLabel")).isEqualTo("2001:db8::ffff:ffff:ffff:ffff");
    }

    @Test
    void theUsageBarIsDrawnInTheGridsColoursLightAndDark() throws TimeoutException {
        show(data.lan);
        UsageBar bar = view.usageBar();
        assertThat(bar.parts()).hasSize(9);
        Region allocated = bar.parts().get(0);
        Region gateway = bar.parts().get(4);
        Region deprecated = bar.parts().get(3);
        // 1 of 254 addresses is still 2 px; an empty segment has no width
        assertThat(gateway.getWidth()).isGreaterThanOrEqualTo(UsageBar.MIN_SEGMENT);
        assertThat(deprecated.getWidth()).isZero();
        assertThat(allocated.getWidth()).isGreaterThan(gateway.getWidth());

        assertClose(centrePixel(allocated), GridPalette.LIGHT.colorOf(CellState.ALLOCATED));
        assertClose(centrePixel(bar.parts().get(5)), GridPalette.LIGHT.colorOf(CellState.DHCP_RANGE));
        assertClose(centrePixel(bar.parts().get(8)), GridPalette.LIGHT.colorOf(CellState.FREE));
        PaneStage.screenshot(robot, stage, true, "subnet-header-light.png");

        PaneStage.theme(robot, true);
        robot.interact(() -> view.darkProperty().set(true));
        assertClose(centrePixel(allocated), GridPalette.DARK.colorOf(CellState.ALLOCATED));
        PaneStage.screenshot(robot, stage, true, "subnet-header-dark.png");

        show(data.v6);
        PaneStage.screenshot(robot, stage, true, "subnet-header-v6-dark.png");
        PaneStage.theme(robot, false);
        robot.interact(() -> view.darkProperty().set(false));
        PaneStage.screenshot(robot, stage, true, "subnet-header-v6-light.png");
    }

    private Color centrePixel(Region part) {
        return PaneStage.centrePixel(robot, stage, part);
    }

    private static void assertClose(Color actual, Color expected) {
        PaneStage.assertColor(actual, expected);
    }
}
