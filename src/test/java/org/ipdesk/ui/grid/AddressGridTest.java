package org.ipdesk.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.ui.grid.GridFixtures.cidr;
import static org.ipdesk.ui.grid.GridFixtures.ip;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.settings.CellSize;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.grid.AddressGridViewModel.Mode;
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
 * The grid control in a window on a seeded database, headless through Monocle (see the surefire settings in
 * pom.xml), loading through the application's background executor ({@link FxTaskExecutor}, real
 * {@code javafx.concurrent.Task}s). Cell states are checked in the control's model and in the rendered pixels.
 */
class AddressGridTest {

    @TempDir
    static Path dir;

    private static Allocator allocator;
    private static Subnet lan;
    private static Subnet big;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private AddressGridViewModel vm;
    private AddressGrid grid;
    private GridBreadcrumb breadcrumb;
    private GridLegend legend;

    @BeforeAll
    static void seed() throws TimeoutException {
        allocator = Allocator.open(Location.of(dir.resolve("grid.db")));
        lan = GridFixtures.mixed24(allocator);
        big = GridFixtures.slash8(allocator);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    @BeforeEach
    void open() throws TimeoutException {
        executor = new FxTaskExecutor();
        FxToolkit.setupStage(stage -> {
            vm = new AddressGridViewModel(() -> allocator, executor);
            grid = new AddressGrid(vm);
            breadcrumb = new GridBreadcrumb(vm);
            legend = new GridLegend(grid);
            BorderPane root = new BorderPane(grid, breadcrumb, null, legend, null);
            stage.setScene(new Scene(root, 900, 600));
            stage.sizeToScene(); // the primary stage is shared: a main window shown before may have sized it
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
    }

    @Test
    void everyStateIsDrawnInItsColourAndNamedInTheModel() throws Exception {
        show(lan, Mode.ADDRESSES);

        // 900 px wide: 32 cells of at least 14 px fit beside the labels, 64 do not
        assertThat(grid.getColumns()).isEqualTo(32);
        assertThat(vm.columnsProperty().get()).isEqualTo(32);
        Map<Integer, CellState> sample = Map.of(0, CellState.UNUSABLE, 1, CellState.GATEWAY, 10,
                CellState.ALLOCATED, 31, CellState.RESERVED, 34, CellState.DEPRECATED, 60, CellState.FREE, 120,
                CellState.DHCP_RANGE, 106, CellState.DHCP, 200, CellState.CHILD_SUBNET, 245, CellState.RESERVED_RANGE);
        PixelReader pixels = snapshot();
        GridContent.Addresses cells = (GridContent.Addresses) vm.getContent();
        for (Map.Entry<Integer, CellState> entry : sample.entrySet()) {
            int index = entry.getKey();
            CellState state = entry.getValue();
            assertThat(cells.state(index)).as("model state of cell %d", index).isEqualTo(state);
            Bounds cell = canvasBounds(index);
            // an unusable cell has a cross through its centre: read it near the top edge instead
            double y = state == CellState.UNUSABLE ? cell.getMinY() + 1 : cell.getCenterY();
            assertThat(pixel(pixels, cell.getCenterX(), y)).as("pixel of cell %d (%s)", index, state)
                    .satisfies(color -> assertClose(color, grid.colorOf(state)));
        }
        // the unusable cross and the free cell's border are drawn too
        Bounds network = canvasBounds(0);
        assertClose(pixel(pixels, network.getCenterX(), network.getCenterY()), grid.getPalette().unusableMark());
        Bounds free = canvasBounds(60);
        assertClose(pixel(pixels, free.getMinX(), free.getCenterY()), grid.getPalette().freeBorder());

        // the palette keeps the states apart
        assertThat(grid.getPalette().cellColors().values()).doesNotHaveDuplicates();

        // the legend counts the states of the view
        assertThat(legend.summary()).contains("allocated 20", "DHCP lease 3", "DHCP pool 47", "not usable 2",
                "child subnet 32", "gateway 1", "reserved range 10", "deprecated 2", "reserved 4");
        assertThat(breadcrumb.text()).isEqualTo("192.168.1.0/24");
    }

    @Test
    void theGridIsAControlWhoseSkinDrawsItAndASecondSkinTakesOver() throws Exception {
        show(lan, Mode.ADDRESSES);
        assertThat(grid.getSkin()).isInstanceOf(AddressGridSkin.class);
        javafx.scene.canvas.Canvas first = grid.getCanvas();

        // a new skin replaces the old one whole: its canvas draws, the old one is gone and deaf
        robot.interact(() -> grid.setSkin(new AddressGridSkin(grid)));
        settle();
        assertThat(grid.getCanvas()).isNotSameAs(first);
        assertThat(first.getScene()).isNull();
        robot.interact(() -> grid.darkProperty().set(true));
        PixelReader pixels = snapshot();
        Bounds allocated = canvasBounds(10);
        assertClose(pixel(pixels, allocated.getCenterX(), allocated.getCenterY()),
                GridPalette.DARK.colorOf(CellState.ALLOCATED));
        // keys reach the view model once, not once per skin
        robot.clickOn(screenPoint(40));
        robot.type(KeyCode.RIGHT);
        assertThat(vm.caretProperty().get()).isEqualTo(41);
    }

    @Test
    void theFocusedGridHasARingAndAHeavierCaretAndLosesThemWithTheFocus() throws Exception {
        show(lan, Mode.ADDRESSES);
        javafx.scene.control.Button elsewhere = new javafx.scene.control.Button("elsewhere");
        robot.interact(() -> {
            ((BorderPane) grid.getParent()).setRight(elsewhere);
            vm.select(40);
            elsewhere.requestFocus();
        });
        settle();
        assertThat(grid.isFocused()).isFalse();
        AddressGridSkin skin = (AddressGridSkin) grid.getSkin();
        assertThat(skin.focusRing().isVisible()).isFalse();
        WritableImage unfocused = call(() -> grid.snapshot(null, null));
        Bounds caret = call(() -> grid.cellBounds(40));

        // Tab from the button reaches the grid: the ring and the caret's heavier outline show where keys go
        robot.interact(grid::requestFocus);
        settle();
        assertThat(grid.isFocused()).isTrue();
        assertThat(skin.focusRing().isVisible()).isTrue();
        assertThat(skin.focusRing().getStyleClass()).contains("focus-ring");
        assertThat(grid.getPseudoClassStates().toString()).contains("focused");
        WritableImage focused = call(() -> grid.snapshot(null, null));
        Color ringColour = grid.getPalette().focusRing();
        double middle = Math.floor(call(() -> grid.getHeight()) / 2);
        assertClose(pixel(focused.getPixelReader(), 0, middle), ringColour);
        assertClose(pixel(focused.getPixelReader(), call(() -> grid.getWidth()) - 1, middle), ringColour);
        assertClose(pixel(unfocused.getPixelReader(), 0, middle), grid.getPalette().background());
        // the caret's outer ring is 3 px wide with the focus, 2 px without: its third pixel out tells them apart
        double x = caret.getMinX() - 2.5;
        assertClose(pixel(focused.getPixelReader(), x, caret.getCenterY()), grid.getPalette().selection());
        Color without = pixel(unfocused.getPixelReader(), x, caret.getCenterY());
        Color selection = grid.getPalette().selection();
        assertThat(Math.abs(without.getRed() - selection.getRed()) + Math.abs(without.getGreen() - selection.getGreen())
                + Math.abs(without.getBlue() - selection.getBlue())).as("%s is not the caret's ring", without)
                .isGreaterThan(0.5);
        // and its inner ring is 2 px wide: the second pixel in is light
        double in = caret.getMinX() + 1.5;
        assertClose(pixel(focused.getPixelReader(), in, caret.getCenterY()), grid.getPalette().selectionInner());

        robot.interact(elsewhere::requestFocus);
        settle();
        assertThat(skin.focusRing().isVisible()).isFalse();
        assertClose(pixel(call(() -> grid.snapshot(null, null)).getPixelReader(), 0, middle),
                grid.getPalette().background());
    }

    @Test
    void theDarkPaletteRedrawsTheCells() throws Exception {
        show(lan, Mode.ADDRESSES);
        robot.interact(() -> grid.darkProperty().set(true));
        PixelReader pixels = snapshot();
        Bounds allocated = canvasBounds(10);
        assertClose(pixel(pixels, allocated.getCenterX(), allocated.getCenterY()),
                GridPalette.DARK.colorOf(CellState.ALLOCATED));
        assertClose(pixel(pixels, 2, 2), GridPalette.DARK.background());
    }

    @Test
    void theCellSizeSetsHowBigTheCellsAreDrawnAndHowManyFitARow() throws Exception {
        show(lan, Mode.ADDRESSES);
        robot.interact(() -> grid.getViewModel().select(200));
        assertThat(pitch()).isEqualTo(CellSize.MEDIUM.pitch());
        double medium = call(() -> grid.cellBounds(0).getWidth());
        assertThat(grid.getColumns()).isEqualTo(32);

        robot.interact(() -> grid.cellSizeProperty().set(CellSize.LARGE));
        settle();
        assertThat(pitch()).isEqualTo(CellSize.LARGE.pitch());
        double large = call(() -> grid.cellBounds(0).getWidth());
        assertThat(large).isGreaterThan(medium * 1.5);
        assertThat(grid.getColumns()).isEqualTo(16);
        // the selected cell stays in view, and the larger cells are drawn in their colour
        Bounds caret = call(() -> grid.cellBounds(200));
        assertThat(caret.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(caret.getMaxY()).isLessThanOrEqualTo(call(() -> grid.getHeight()));
        PixelReader pixels = snapshot();
        CellState state = ((GridContent.Addresses) vm.getContent()).state(201);
        Bounds next = canvasBounds(201);
        assertClose(pixel(pixels, next.getCenterX(), next.getCenterY()), GridPalette.LIGHT.colorOf(state));

        robot.interact(() -> grid.cellSizeProperty().set(CellSize.SMALL));
        settle();
        assertThat(pitch()).isEqualTo(CellSize.SMALL.pitch());
        assertThat(call(() -> grid.cellBounds(0).getWidth())).isLessThan(medium);
        assertThat(grid.getColumns()).isEqualTo(64);
    }

    @Test
    void aWiderGridShowsMoreCellsARowNeverSmallerOnes() throws Exception {
        show(big, Mode.BLOCKS);
        robot.interact(() -> vm.zoomInto(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.modeProperty().get() == Mode.ADDRESSES);
        // the grid alone at the widths of a small, a middle and a large screen
        robot.interact(() -> {
            Group free = new Group();
            free.setAutoSizeChildren(false);
            grid.getScene().setRoot(free);
            free.getChildren().add(grid);
        });
        for (CellSize size : CellSize.values()) {
            robot.interact(() -> grid.cellSizeProperty().set(size));
            int columnsBefore = 0;
            for (double width : new double[] {1024, 1600, 2560}) {
                robot.interact(() -> grid.resize(width, 600));
                settle();
                assertThat(pitch()).as("cell pitch of %s at %.0f px", size, width).isEqualTo(size.pitch());
                assertThat(call(() -> grid.cellBounds(0).getWidth())).as("cell of %s at %.0f px", size, width)
                        .isBetween(size.pitch() - 2, size.pitch() - 1);
                // as many as fit at that size: one more step of columns would not
                int columns = grid.getColumns();
                assertThat(columns).isGreaterThanOrEqualTo(columnsBefore);
                double rowRight = call(() -> grid.cellBounds(columns - 1).getMaxX());
                assertThat(rowRight).isLessThanOrEqualTo(width);
                if (columns < 256) {
                    int next = columns == 64 ? 256 : columns * 2;
                    double cellsLeft = call(() -> grid.cellBounds(0).getMinX());
                    assertThat(cellsLeft + next * size.pitch() + GridGeometry.PAD)
                            .as("%d a row of %s would fit at %.0f px", next, size, width)
                            .isGreaterThan(grid.getCanvas().getWidth());
                }
                columnsBefore = columns;
            }
        }
        // a medium grid: 32 a row on a small screen, 64 on the larger ones, the cells the same size throughout
        robot.interact(() -> grid.cellSizeProperty().set(CellSize.MEDIUM));
        robot.interact(() -> grid.resize(1024, 600));
        settle();
        assertThat(grid.getColumns()).isEqualTo(32);
        robot.interact(() -> grid.resize(1600, 600));
        settle();
        assertThat(grid.getColumns()).isEqualTo(64);

        // only a grid too narrow for 16 at the chosen size draws them smaller, to keep whole rows in view
        robot.interact(() -> grid.resize(300, 600));
        settle();
        assertThat(grid.getColumns()).isEqualTo(16);
        assertThat(pitch()).isLessThan(CellSize.MEDIUM.pitch());
        assertThat(call(() -> grid.cellBounds(15).getMaxX())).isLessThanOrEqualTo(300);
    }

    /** How far apart two cells of a row are drawn: a cell and its gap, in px. */
    private double pitch() throws Exception {
        return call(() -> grid.cellBounds(1).getMinX() - grid.cellBounds(0).getMinX());
    }

    @Test
    void clicksArrowKeysAndShiftSelectAndTheSelectionIsOutlined() throws Exception {
        show(lan, Mode.ADDRESSES);
        int cols = grid.getColumns();

        robot.clickOn(screenPoint(40));
        assertThat(vm.caretProperty().get()).isEqualTo(40);
        assertThat(grid.isFocused()).isTrue();

        robot.type(KeyCode.RIGHT);
        assertThat(vm.caretProperty().get()).isEqualTo(41);
        robot.type(KeyCode.DOWN);
        assertThat(vm.caretProperty().get()).isEqualTo(41 + cols);
        robot.type(KeyCode.UP);
        robot.type(KeyCode.LEFT);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.40")));

        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(vm.anchorProperty().get()).isEqualTo(40);
        assertThat(vm.caretProperty().get()).isEqualTo(42 + cols);
        assertThat(vm.selectionProperty().get())
                .isEqualTo(new IpRange(ip("192.168.1.40"), ip("192.168.1." + (42 + cols))));

        // the selection's outline runs along the top of its first cell; an unselected cell has none
        PixelReader pixels = snapshot();
        Bounds first = canvasBounds(40);
        assertClose(pixel(pixels, first.getCenterX(), first.getMinY() - 1), grid.getPalette().selection());
        Bounds outside = canvasBounds(20);
        assertClose(pixel(pixels, outside.getCenterX(), outside.getMinY() - 1), grid.getPalette().background());
        // the cells inside keep their colours
        Bounds inside = canvasBounds(41);
        assertClose(pixel(pixels, inside.getCenterX(), inside.getCenterY()), grid.colorOf(CellState.FREE));

        // shift+click extends from the same anchor; a plain click starts again
        robot.press(KeyCode.SHIFT).clickOn(screenPoint(12)).release(KeyCode.SHIFT);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.12"), ip("192.168.1.40")));
        robot.clickOn(screenPoint(3));
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.3")));

        // Home/End on the row, Escape clears
        robot.type(KeyCode.END);
        assertThat(vm.caretProperty().get()).isEqualTo(cols - 1);
        robot.type(KeyCode.HOME);
        assertThat(vm.caretProperty().get()).isZero();
        robot.type(KeyCode.ESCAPE);
        assertThat(vm.selectionProperty().get()).isNull();
    }

    @Test
    void doubleClickZoomsIntoABlockOfASlash8AndTheBreadcrumbZoomsBackOut() throws Exception {
        show(big, Mode.BLOCKS);
        assertThat(grid.getColumns()).isEqualTo(16);
        assertThat(legend.summary()).contains("empty 253", "under 25% 2", "50\u201375% 1");
        GridContent.Blocks blocks = (GridContent.Blocks) vm.getContent();
        PixelReader pixels = snapshot();
        for (int index : List.of(0, 3, 9, 20)) {
            // read a block's colour away from its centred text
            Bounds cell = canvasBounds(index);
            assertClose(pixel(pixels, cell.getMinX() + 3, cell.getMinY() + 3), grid.colorOf(blocks.level(index)));
        }
        assertThat(grid.colorOf(BlockLevel.EMPTY)).isNotEqualTo(grid.colorOf(BlockLevel.UNDER_25));

        robot.doubleClickOn(screenPoint(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.modeProperty().get() == Mode.ADDRESSES);
        settle();
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"), cidr("10.3.0.0/16"));
        assertThat(breadcrumb.text()).isEqualTo("10.0.0.0/8 \u203A 10.3.0.0/16");
        assertThat(vm.size()).isEqualTo(65_536);
        pixels = snapshot();
        Bounds held = canvasBounds(5);
        assertClose(pixel(pixels, held.getCenterX(), held.getCenterY()), grid.colorOf(CellState.ALLOCATED));
        // the canvas is the viewport, not the 65,536 cells
        assertThat(grid.getCanvas().getHeight()).isLessThanOrEqualTo(grid.getHeight());
        assertThat(grid.getScrollBar().isVisible()).isTrue();

        Hyperlink top = robot.lookup(".breadcrumb-link").queryAs(Hyperlink.class);
        assertThat(top.getText()).isEqualTo("10.0.0.0/8");
        robot.clickOn(top);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.modeProperty().get() == Mode.BLOCKS);
        settle();
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"));
        assertThat(vm.caretProperty().get()).isEqualTo(3);
        assertThat(breadcrumb.text()).isEqualTo("10.0.0.0/8");

        // Enter opens the selected block, Backspace goes back
        robot.clickOn(screenPoint(20)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.path().size() == 2);
        settle();
        assertThat(vm.path().get(1)).isEqualTo(cidr("10.20.0.0/16"));
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.path().size() == 1);
        settle();
        assertThat(vm.caretProperty().get()).isEqualTo(20);
    }

    @Test
    void aSlash16ScrollsToItsLastCellAndDrawsIt() throws Exception {
        show(big, Mode.BLOCKS);
        robot.interact(() -> vm.zoomInto(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.modeProperty().get() == Mode.ADDRESSES);
        settle();
        assertThat(grid.getScrollBar().getValue()).isZero();

        robot.clickOn(screenPoint(0));
        robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
        settle();
        assertThat(vm.caretProperty().get()).isEqualTo(65_535);
        assertThat(grid.getScrollBar().getValue()).isEqualTo(grid.getScrollBar().getMax());
        Bounds last = canvasBounds(65_535);
        assertThat(last.getMaxY()).isLessThanOrEqualTo(grid.getCanvas().getHeight());
        PixelReader pixels = snapshot();
        assertClose(pixel(pixels, last.getCenterX(), last.getCenterY()), grid.colorOf(CellState.FREE));
        assertThat(grid.cellAt(grid.cellBounds(65_535).getCenterX(), grid.cellBounds(65_535).getCenterY()))
                .isEqualTo(65_535);

        // Page Up moves a screenful of rows and keeps the caret in view
        robot.type(KeyCode.PAGE_UP);
        settle();
        assertThat(vm.caretProperty().get()).isLessThan(65_535 - grid.getColumns());
        Bounds caret = canvasBounds(vm.caretProperty().get());
        assertThat(caret.getMinY()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void hoveringShowsATooltipWithTheStateAndTheHostName() throws Exception {
        show(lan, Mode.ADDRESSES);
        robot.moveTo(screenPoint(12));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> grid.getCellTooltip().isShowing() && grid.getCellTooltip().getText().contains("web-12"));
        assertThat(grid.getCellTooltip().getText()).isEqualTo("192.168.1.12 \u2014 allocated\nweb-12");

        robot.moveTo(screenPoint(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> grid.getCellTooltip().isShowing() && grid.getCellTooltip().getText().startsWith("192.168.1.1 "));
        assertThat(grid.getCellTooltip().getText()).isEqualTo("192.168.1.1 \u2014 gateway");
    }

    @Test
    void refreshKeepsTheSelectionAndRedrawsTheNewState() throws Exception {
        show(lan, Mode.ADDRESSES);
        robot.clickOn(screenPoint(50));
        robot.press(KeyCode.SHIFT).clickOn(screenPoint(53)).release(KeyCode.SHIFT);
        IpRange selected = vm.selectionProperty().get();

        allocator.reserve(lan.id(), ip("192.168.1.52"), org.ipdesk.model.AddressDetails.allocated("new"));
        try {
            robot.interact(vm::refresh);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
            settle();
            assertThat(vm.selectionProperty().get()).isEqualTo(selected);
            PixelReader pixels = snapshot();
            Bounds cell = canvasBounds(52);
            assertClose(pixel(pixels, cell.getCenterX(), cell.getCenterY()), grid.colorOf(CellState.ALLOCATED));
        } finally {
            allocator.release(lan.id(), ip("192.168.1.52"));
        }
    }

    // ================================================================= helpers

    private void show(Subnet subnet, Mode mode) throws TimeoutException {
        robot.interact(() -> vm.show(subnet));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.modeProperty().get() == mode && !vm.loadingProperty().get());
        settle();
    }

    /** Lets the grid lay out and draw what changed. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> grid.layout());
    }

    private PixelReader snapshot() throws Exception {
        settle();
        WritableImage image = call(() -> grid.getCanvas().snapshot(null, null));
        return image.getPixelReader();
    }

    private static <T> T call(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private Bounds canvasBounds(int index) throws Exception {
        return call(() -> {
            Bounds b = grid.cellBounds(index);
            double dx = grid.getCanvas().getLayoutX();
            double dy = grid.getCanvas().getLayoutY();
            return new javafx.geometry.BoundingBox(b.getMinX() - dx, b.getMinY() - dy, b.getWidth(), b.getHeight());
        });
    }

    private Point2D screenPoint(int index) {
        try {
            return call(() -> {
                Bounds b = grid.cellBounds(index);
                return grid.localToScreen(b.getCenterX(), b.getCenterY());
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Color pixel(PixelReader pixels, double x, double y) {
        return pixels.getColor((int) Math.floor(x), (int) Math.floor(y));
    }

    private static void assertClose(Color actual, Color expected) {
        double tolerance = 0.02;
        assertThat(Math.abs(actual.getRed() - expected.getRed())
                + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue()))
                .as("%s should be %s", actual, expected)
                .isLessThanOrEqualTo(3 * tolerance);
    }
}
