package org.ipdesk.ui.grid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.CellState;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;

/**
 * State of the address grid: which subnet, which part of it (the zoom path of the breadcrumb), what its cells
 * are, the selected cells and the text of the hovered cell's tooltip. Commands are plain methods, called on
 * the JavaFX thread; every database read goes through the {@link TaskExecutor} and its result is applied on
 * the JavaFX thread, all at once (content, zoom path and selection together). A result that arrives after a
 * newer request is dropped.
 *
 * <p>Zoom rule: a view of at most {@value CellStates#MAX_CELLS} addresses shows one cell per address; a larger
 * one shows its 256 child blocks of prefix {@code view.prefix + 8}, each coloured by how full it is.
 */
public final class AddressGridViewModel {

    /** What the grid shows. */
    public enum Mode { EMPTY, ADDRESSES, BLOCKS }

    /** Where {@link #moveToEdge} goes. */
    public enum Edge { ROW_START, ROW_END, FIRST, LAST }

    /** A block map zooms this many prefix bits at a time: 256 blocks. */
    public static final int BLOCK_BITS = 8;
    /** How many address details the tooltips keep. */
    private static final int DETAIL_CACHE = 512;

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    /** What "now" is for the seen mark and "last seen … ago" in tooltips. */
    private Clock clock = Clock.systemUTC();

    private final ReadOnlyObjectWrapper<Subnet> subnet = new ReadOnlyObjectWrapper<>(this, "subnet");
    private final ReadOnlyObjectWrapper<GridContent> content = new ReadOnlyObjectWrapper<>(this, "content");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ObservableList<Cidr> path = FXCollections.observableArrayList();
    private final ObservableList<Cidr> readOnlyPath = FXCollections.unmodifiableObservableList(path);
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NOTHING_SHOWN);
    /** Anchor, caret, the selected addresses and the caret moves. */
    private final GridSelection selected = new GridSelection(this, content::get);

    static final String NOTHING_SHOWN = "Choose a subnet to see its addresses.";

    /** Called with the address of an activated address cell; nothing until the window sets it. */
    private Consumer<Ip> onActivate = ip -> {
    };
    /** Bumped by every request; a result carrying an older number is dropped. */
    private long generation;
    /** The latest request, to repeat it when {@link #refresh()} comes while it is still loading. */
    private GridLoading.Request pending;
    /** Details of held addresses for tooltips, most recently used last. Touched on the JavaFX thread only. */
    private final Map<Ip, Optional<Address>> details = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Ip, Optional<Address>> eldest) {
            return size() > DETAIL_CACHE;
        }
    };

    /**
     * @param allocator gives the allocator; called only inside jobs on the executor
     * @param tasks     runs the jobs off the JavaFX thread and reports back on it (the application's
     *                  {@code FxTaskExecutor}, which runs each job as a {@code javafx.concurrent.Task})
     */
    public AddressGridViewModel(Supplier<Allocator> allocator, TaskExecutor tasks) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * The same over two plain executors: {@code background} runs the database work, {@code publish} applies
     * the results ({@code Platform::runLater} in the application; {@code Runnable::run} for both in tests).
     */
    public AddressGridViewModel(Supplier<Allocator> allocator, Executor background, Executor publish) {
        this(allocator, GridLoading.over(background, publish));
    }

    /** Sets what "now" is for the seen mark and the tooltips' "last seen … ago" (tests); the next read uses it. */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ================================================================= state

    /** The subnet shown, or null. */
    public ReadOnlyObjectProperty<Subnet> subnetProperty() {
        return subnet.getReadOnlyProperty();
    }

    /** The cells shown, or null (nothing chosen, or the last load failed). */
    public ReadOnlyObjectProperty<GridContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public GridContent getContent() {
        return content.get();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /**
     * The zoom path for the breadcrumb: the subnet's CIDR first, then each block zoomed into; the last one is
     * the view shown. Empty when nothing is shown.
     */
    public ObservableList<Cidr> path() {
        return readOnlyPath;
    }

    /** Cells per row, set by the control from its width; Up and Down move by this many cells. */
    public IntegerProperty columnsProperty() {
        return selected.columns;
    }

    /** Where a range selection started (Shift+click and Shift+arrows keep it), or -1. */
    public ReadOnlyIntegerProperty anchorProperty() {
        return selected.anchor.getReadOnlyProperty();
    }

    /** The cell the keyboard is on (the last one selected), or -1. */
    public ReadOnlyIntegerProperty caretProperty() {
        return selected.caret.getReadOnlyProperty();
    }

    /** The addresses of the selected cells, lowest to highest, or null. */
    public ReadOnlyObjectProperty<IpRange> selectionProperty() {
        return selected.selection.getReadOnlyProperty();
    }

    /** "10.0.0.5", "10.0.0.5-10.0.0.9 (5 addresses)", "10.3.0.0/16"; empty without a selection. */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selected.selectionText.getReadOnlyProperty();
    }

    /** The cell whose tooltip is wanted, or -1. */
    public ReadOnlyIntegerProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The hovered cell's tooltip: address or block, state, and the host name once it has been read. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, in the engine's words; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What to say instead of cells: nothing chosen, loading, or the error; empty while cells are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How many cells are shown. */
    public int size() {
        GridContent shown = content.get();
        return shown == null ? 0 : shown.size();
    }

    /** Whether cell {@code index} is selected. */
    public boolean isSelected(int index) {
        return selected.isSelected(index);
    }

    // ================================================================= commands: what is shown

    /**
     * Shows a subnet from its top level, without a selection. Showing the subnet already shown reloads it and
     * keeps the zoom path and selection (as {@link #refresh()}); null clears the grid.
     */
    public void show(Subnet target) {
        if (target == null) {
            clear();
            return;
        }
        Subnet current = subnet.get();
        if (current != null && current.id() == target.id() && current.cidr().equals(target.cidr()) && !path.isEmpty()) {
            subnet.set(target);
            refresh();
            return;
        }
        issue(new GridLoading.Request(target, List.of(target.cidr()), false, null, null));
    }

    /** Shows nothing. */
    public void clear() {
        clear(NOTHING_SHOWN);
    }

    /** Shows nothing, and {@code why} in its place (what to choose, or what to create first). */
    public void clear(String why) {
        generation++;
        pending = null;
        details.clear();
        subnet.set(null);
        path.clear();
        content.set(null);
        mode.set(Mode.EMPTY);
        selected.set(-1, -1);
        hovered.set(-1);
        hoverText.set("");
        loading.set(false);
        error.set("");
        message.set(why);
    }

    /**
     * Reads the current view again (after the database changed), keeping the zoom path and the selection.
     * Tooltips forget the host names they knew.
     */
    public void refresh() {
        details.clear();
        if (loading.get() && pending != null) {
            issue(pending);
            return;
        }
        if (subnet.get() == null || path.isEmpty()) {
            return;
        }
        issue(new GridLoading.Request(subnet.get(), List.copyOf(path), true, null, null));
    }

    /** Opens block {@code index} of a block map: its own block map, or its addresses. */
    public void zoomInto(int index) {
        if (!(content.get() instanceof GridContent.Blocks blocks) || index < 0 || index >= blocks.size()) {
            return;
        }
        List<Cidr> deeper = new ArrayList<>(path);
        deeper.add(blocks.block(index).block());
        issue(new GridLoading.Request(blocks.subnet(), List.copyOf(deeper), false, null, null));
    }

    /**
     * Goes back to breadcrumb level {@code level} (0 is the whole subnet) and selects the block that was
     * zoomed into from there.
     */
    public void zoomTo(int level) {
        if (level < 0 || level >= path.size() - 1 || subnet.get() == null) {
            return;
        }
        Ip from = path.get(level + 1).first();
        issue(new GridLoading.Request(subnet.get(), List.copyOf(path.subList(0, level + 1)), false, from, from));
    }

    /** One level up the breadcrumb, if there is one. */
    public void zoomOut() {
        zoomTo(path.size() - 2);
    }

    // ================================================================= commands: selection

    /** Selects cell {@code index} alone (a click). */
    public void select(int index) {
        selected.select(index);
    }

    /** Selects from the anchor to cell {@code index} (a Shift+click). */
    public void extendSelection(int index) {
        selected.extendSelection(index);
    }

    /**
     * Moves the caret {@code dx} cells along (wrapping at row ends, as the addresses run) and {@code dy} rows
     * down, staying inside the grid: a move past an edge stops at it. {@code extend} (Shift) keeps the anchor
     * and selects the range. Without a selection the first cell is selected.
     */
    public void moveSelection(int dx, int dy, boolean extend) {
        selected.moveSelection(dx, dy, extend);
    }

    /** Moves the caret to cell {@code index}; {@code extend} keeps the anchor. */
    public void moveSelectionTo(int index, boolean extend) {
        selected.moveSelectionTo(index, extend);
    }

    /** Home and End (the caret's row), Ctrl+Home and Ctrl+End (the whole grid). */
    public void moveToEdge(Edge edge, boolean extend) {
        selected.moveToEdge(edge, extend);
    }

    public void selectAll() {
        selected.selectAll();
    }

    public void clearSelection() {
        selected.clearSelection();
    }

    // ================================================================= commands: activate

    /**
     * What happens when an address cell is activated (double-clicked, or Enter on the caret): the window opens
     * the address dialog for it (edit when held, reserve when free). Block maps do not call it; they zoom.
     */
    public void setOnActivate(Consumer<Ip> handler) {
        onActivate = Objects.requireNonNull(handler, "handler");
    }

    /** Activates cell {@code index}: a block of a block map is zoomed into; an address is handed to {@link #setOnActivate}. */
    public void activate(int index) {
        GridContent shown = content.get();
        if (shown instanceof GridContent.Blocks) {
            zoomInto(index);
        } else if (shown instanceof GridContent.Addresses addresses && index >= 0 && index < addresses.size()) {
            onActivate.accept(addresses.ip(index));
        }
    }

    // ================================================================= commands: tooltip

    /**
     * Describes cell {@code index} in {@link #hoverTextProperty()} (-1: none). A held address gets its host
     * name, owner and description, read in the background the first time and kept for later.
     */
    public void hover(int index) {
        GridContent shown = content.get();
        if (shown == null || index < 0 || index >= shown.size()) {
            hovered.set(-1);
            hoverText.set("");
            return;
        }
        hovered.set(index);
        if (shown instanceof GridContent.Blocks blocks) {
            hoverText.set(GridText.describe(blocks.block(index), blocks.level(index)));
            return;
        }
        GridContent.Addresses cells = (GridContent.Addresses) shown;
        Ip ip = cells.ip(index);
        CellState state = cells.state(index);
        if (!GridText.isHeld(state)) {
            hoverText.set(GridText.describe(cells, index, state, Optional.empty(), clock.instant()));
            return;
        }
        Optional<Address> known = details.get(ip);
        hoverText.set(GridText.describe(cells, index, state, known == null ? Optional.empty() : known,
                clock.instant()));
        if (known != null) {
            return;
        }
        long ticket = generation;
        long subnetId = cells.subnet().id();
        tasks.submit(() -> allocator.get().address(subnetId, ip), found -> {
            if (ticket != generation) {
                return;
            }
            details.put(ip, found);
            if (hovered.get() == index && content.get() == shown) {
                hoverText.set(GridText.describe(cells, index, state, found, clock.instant()));
            }
        }, ignored -> { });
    }

    // ================================================================= loading

    private void issue(GridLoading.Request request) {
        long ticket = ++generation;
        pending = request;
        loading.set(true);
        if (content.get() == null) {
            message.set("Loading " + request.view() + " \u2026");
        }
        Clock now = clock;
        tasks.submit(() -> GridLoading.read(allocator.get(), request, now.instant()), read -> {
            if (ticket == generation) {
                apply(request, read);
            }
        }, problem -> {
            if (ticket == generation) {
                fail(request, problem);
            }
        });
    }

    /** Whether a view shows one cell per address (at most 65,536 of them) rather than blocks. */
    public static boolean showsAddresses(Cidr view) {
        return GridLoading.showsAddresses(view);
    }

    /** The prefix of the blocks a block map of {@code view} shows. */
    public static int childPrefix(Cidr view) {
        return GridLoading.childPrefix(view);
    }

    private void apply(GridLoading.Request request, GridContent read) {
        Ip keepAnchor = request.anchor();
        Ip keepCaret = request.caret();
        GridContent before = content.get();
        if (request.keepSelection() && before != null && selected.caret.get() >= 0) {
            keepAnchor = before.range(selected.anchor.get()).start();
            keepCaret = before.range(selected.caret.get()).start();
        }
        pending = null;
        subnet.set(read.subnet());
        if (!path.equals(request.path())) {
            path.setAll(request.path());
        }
        boolean sameView = before != null && before.view().equals(read.view());
        // a new content object is set even for the same view: its cells changed
        selected.anchor.set(-1);
        selected.caret.set(-1);
        content.set(read);
        mode.set(read instanceof GridContent.Addresses ? Mode.ADDRESSES : Mode.BLOCKS);
        int c = keepCaret == null ? -1 : read.indexOf(keepCaret);
        int a = keepAnchor == null ? -1 : read.indexOf(keepAnchor);
        selected.set(c < 0 ? -1 : (a < 0 ? c : a), c);
        if (!sameView || hovered.get() >= read.size()) {
            hovered.set(-1);
            hoverText.set("");
        } else if (hovered.get() >= 0) {
            hover(hovered.get());
        }
        error.set("");
        message.set("");
        loading.set(false);
    }

    private void fail(GridLoading.Request request, Throwable problem) {
        pending = null;
        subnet.set(request.subnet());
        path.clear();
        content.set(null);
        mode.set(Mode.EMPTY);
        selected.set(-1, -1);
        hovered.set(-1);
        hoverText.set("");
        String text = problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
        error.set(text);
        message.set("Cannot show " + request.view() + ": " + text);
        loading.set(false);
    }

    // ================================================================= helpers

    /** For tests: the details the tooltips know. */
    Map<Ip, Optional<Address>> knownDetails() {
        return Collections.unmodifiableMap(details);
    }

    // ================================================================= commands: navigation (search results)

    /**
     * Shows {@code target} and selects the cell of {@code ip} alone, with the caret on it so the grid scrolls
     * it into view. A subnet shown as a block map is opened down the blocks that hold {@code ip} until its
     * addresses show, in one request (no block map is loaded on the way). An {@code ip} outside the subnet
     * (or null) shows the subnet from its top level without a selection; a null subnet clears the grid.
     */
    public void showAddress(Subnet target, Ip ip) {
        if (target == null) {
            clear();
            return;
        }
        if (ip == null || ip.version() != target.cidr().version() || !target.cidr().contains(ip)) {
            issue(new GridLoading.Request(target, List.of(target.cidr()), false, null, null));
            return;
        }
        issue(new GridLoading.Request(target, pathTo(target.cidr(), ip), false, ip, ip));
    }

    /** The zoom path from {@code top} down the blocks holding {@code ip} to the first view showing addresses. */
    static List<Cidr> pathTo(Cidr top, Ip ip) {
        return GridLoading.pathTo(top, ip);
    }
}
