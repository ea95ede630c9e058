package org.ipdesk.ui.grid;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.BlockUsage;
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

    private final ReadOnlyObjectWrapper<Subnet> subnet = new ReadOnlyObjectWrapper<>(this, "subnet");
    private final ReadOnlyObjectWrapper<GridContent> content = new ReadOnlyObjectWrapper<>(this, "content");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ObservableList<Cidr> path = FXCollections.observableArrayList();
    private final ObservableList<Cidr> readOnlyPath = FXCollections.unmodifiableObservableList(path);
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 16);
    private final ReadOnlyIntegerWrapper anchor = new ReadOnlyIntegerWrapper(this, "anchor", -1);
    private final ReadOnlyIntegerWrapper caret = new ReadOnlyIntegerWrapper(this, "caret", -1);
    private final ReadOnlyObjectWrapper<IpRange> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "");
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NOTHING_SHOWN);

    static final String NOTHING_SHOWN = "Choose a subnet to see its addresses.";

    /** Called with the address of an activated address cell; nothing until the window sets it. */
    private Consumer<Ip> onActivate = ip -> {
    };
    /** Bumped by every request; a result carrying an older number is dropped. */
    private long generation;
    /** The latest request, to repeat it when {@link #refresh()} comes while it is still loading. */
    private Request pending;
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
        columns.addListener((property, before, now) -> {
            if (now.intValue() < 1) {
                columns.set(1);
            }
        });
    }

    /**
     * The same over two plain executors: {@code background} runs the database work, {@code publish} applies
     * the results ({@code Platform::runLater} in the application; {@code Runnable::run} for both in tests).
     */
    public AddressGridViewModel(Supplier<Allocator> allocator, Executor background, Executor publish) {
        this(allocator, over(background, publish));
    }

    private static TaskExecutor over(Executor background, Executor publish) {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(publish, "publish");
        return new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Throwable> onFailure) {
                background.execute(() -> {
                    T result;
                    try {
                        result = work.call();
                    } catch (Exception | Error e) {
                        publish.execute(() -> onFailure.accept(e));
                        return;
                    }
                    publish.execute(() -> onSuccess.accept(result));
                });
            }
        };
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
        return columns;
    }

    /** Where a range selection started (Shift+click and Shift+arrows keep it), or -1. */
    public ReadOnlyIntegerProperty anchorProperty() {
        return anchor.getReadOnlyProperty();
    }

    /** The cell the keyboard is on (the last one selected), or -1. */
    public ReadOnlyIntegerProperty caretProperty() {
        return caret.getReadOnlyProperty();
    }

    /** The addresses of the selected cells, lowest to highest, or null. */
    public ReadOnlyObjectProperty<IpRange> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** "10.0.0.5", "10.0.0.5-10.0.0.9 (5 addresses)", "10.3.0.0/16"; empty without a selection. */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
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
        int a = anchor.get();
        int c = caret.get();
        return c >= 0 && index >= Math.min(a, c) && index <= Math.max(a, c);
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
        issue(new Request(target, List.of(target.cidr()), false, null, null));
    }

    /** Shows nothing. */
    public void clear() {
        generation++;
        pending = null;
        details.clear();
        subnet.set(null);
        path.clear();
        content.set(null);
        mode.set(Mode.EMPTY);
        setSelection(-1, -1);
        hovered.set(-1);
        hoverText.set("");
        loading.set(false);
        error.set("");
        message.set(NOTHING_SHOWN);
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
        issue(new Request(subnet.get(), List.copyOf(path), true, null, null));
    }

    /** Opens block {@code index} of a block map: its own block map, or its addresses. */
    public void zoomInto(int index) {
        if (!(content.get() instanceof GridContent.Blocks blocks) || index < 0 || index >= blocks.size()) {
            return;
        }
        List<Cidr> deeper = new ArrayList<>(path);
        deeper.add(blocks.block(index).block());
        issue(new Request(blocks.subnet(), List.copyOf(deeper), false, null, null));
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
        issue(new Request(subnet.get(), List.copyOf(path.subList(0, level + 1)), false, from, from));
    }

    /** One level up the breadcrumb, if there is one. */
    public void zoomOut() {
        zoomTo(path.size() - 2);
    }

    // ================================================================= commands: selection

    /** Selects cell {@code index} alone (a click). */
    public void select(int index) {
        if (valid(index)) {
            setSelection(index, index);
        }
    }

    /** Selects from the anchor to cell {@code index} (a Shift+click). */
    public void extendSelection(int index) {
        if (valid(index)) {
            setSelection(anchor.get() < 0 ? index : anchor.get(), index);
        }
    }

    /**
     * Moves the caret {@code dx} cells along (wrapping at row ends, as the addresses run) and {@code dy} rows
     * down, staying inside the grid: a move past an edge stops at it. {@code extend} (Shift) keeps the anchor
     * and selects the range. Without a selection the first cell is selected.
     */
    public void moveSelection(int dx, int dy, boolean extend) {
        int n = size();
        if (n == 0) {
            return;
        }
        int c = caret.get();
        if (c < 0) {
            setSelection(0, 0);
            return;
        }
        int target = clamp((long) c + dx, n - 1);
        if (dy != 0) {
            int cols = columns.get();
            int rows = (n + cols - 1) / cols;
            int row = clamp((long) target / cols + dy, rows - 1);
            target = Math.min(row * cols + target % cols, n - 1);
        }
        moveSelectionTo(target, extend);
    }

    /** Moves the caret to cell {@code index}; {@code extend} keeps the anchor. */
    public void moveSelectionTo(int index, boolean extend) {
        if (!valid(index)) {
            return;
        }
        if (extend && anchor.get() >= 0) {
            setSelection(anchor.get(), index);
        } else {
            setSelection(index, index);
        }
    }

    /** Home and End (the caret's row), Ctrl+Home and Ctrl+End (the whole grid). */
    public void moveToEdge(Edge edge, boolean extend) {
        int n = size();
        if (n == 0) {
            return;
        }
        int cols = columns.get();
        int c = Math.max(caret.get(), 0);
        int target = switch (edge) {
            case ROW_START -> c - c % cols;
            case ROW_END -> Math.min(c - c % cols + cols - 1, n - 1);
            case FIRST -> 0;
            case LAST -> n - 1;
        };
        moveSelectionTo(target, extend);
    }

    public void selectAll() {
        if (size() > 0) {
            setSelection(0, size() - 1);
        }
    }

    public void clearSelection() {
        setSelection(-1, -1);
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
            hoverText.set(describe(blocks.block(index), blocks.level(index)));
            return;
        }
        GridContent.Addresses cells = (GridContent.Addresses) shown;
        Ip ip = cells.ip(index);
        CellState state = cells.state(index);
        if (!isHeld(state)) {
            hoverText.set(describe(cells, ip, state, Optional.empty()));
            return;
        }
        Optional<Address> known = details.get(ip);
        hoverText.set(describe(cells, ip, state, known == null ? Optional.empty() : known));
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
                hoverText.set(describe(cells, ip, state, found));
            }
        }, ignored -> { });
    }

    // ================================================================= loading

    private record Request(Subnet subnet, List<Cidr> path, boolean keepSelection, Ip anchor, Ip caret) {
        Cidr view() {
            return path.get(path.size() - 1);
        }
    }

    private void issue(Request request) {
        long ticket = ++generation;
        pending = request;
        loading.set(true);
        if (content.get() == null) {
            message.set("Loading " + request.view() + " \u2026");
        }
        tasks.submit(() -> read(request), read -> {
            if (ticket == generation) {
                apply(request, read);
            }
        }, problem -> {
            if (ticket == generation) {
                fail(request, problem);
            }
        });
    }

    /** On the executor: the subnet as it is now, and the cells of the view. */
    private GridContent read(Request request) {
        Allocator engine = allocator.get();
        Subnet fresh = engine.subnet(request.subnet().id());
        Cidr view = request.view();
        if (showsAddresses(view)) {
            return GridContent.Addresses.of(fresh, view, engine.cellStates(fresh.id(), view.range()));
        }
        int childPrefix = childPrefix(view);
        return GridContent.Blocks.of(fresh, view, childPrefix, engine.blockMap(fresh.id(), view, childPrefix));
    }

    /** Whether a view shows one cell per address (at most 65,536 of them) rather than blocks. */
    public static boolean showsAddresses(Cidr view) {
        return view.total().compareTo(BigInteger.valueOf(CellStates.MAX_CELLS)) <= 0;
    }

    /** The prefix of the blocks a block map of {@code view} shows. */
    public static int childPrefix(Cidr view) {
        return Math.min(view.prefixLength() + BLOCK_BITS, view.version().bits());
    }

    private void apply(Request request, GridContent read) {
        Ip keepAnchor = request.anchor();
        Ip keepCaret = request.caret();
        GridContent before = content.get();
        if (request.keepSelection() && before != null && caret.get() >= 0) {
            keepAnchor = before.range(anchor.get()).start();
            keepCaret = before.range(caret.get()).start();
        }
        pending = null;
        subnet.set(read.subnet());
        if (!path.equals(request.path())) {
            path.setAll(request.path());
        }
        boolean sameView = before != null && before.view().equals(read.view());
        // a new content object is set even for the same view: its cells changed
        anchor.set(-1);
        caret.set(-1);
        content.set(read);
        mode.set(read instanceof GridContent.Addresses ? Mode.ADDRESSES : Mode.BLOCKS);
        int c = keepCaret == null ? -1 : read.indexOf(keepCaret);
        int a = keepAnchor == null ? -1 : read.indexOf(keepAnchor);
        setSelection(c < 0 ? -1 : (a < 0 ? c : a), c);
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

    private void fail(Request request, Throwable problem) {
        pending = null;
        subnet.set(request.subnet());
        path.clear();
        content.set(null);
        mode.set(Mode.EMPTY);
        setSelection(-1, -1);
        hovered.set(-1);
        hoverText.set("");
        String text = problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
        error.set(text);
        message.set("Cannot show " + request.view() + ": " + text);
        loading.set(false);
    }

    // ================================================================= helpers

    private boolean valid(int index) {
        return index >= 0 && index < size();
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(0, Math.min(value, max));
    }

    private void setSelection(int a, int c) {
        GridContent shown = content.get();
        if (shown == null || c < 0) {
            a = -1;
            c = -1;
        }
        anchor.set(a);
        caret.set(c);
        if (c < 0) {
            selection.set(null);
            selectionText.set("");
            return;
        }
        int lo = Math.min(a, c);
        int hi = Math.max(a, c);
        IpRange range = new IpRange(shown.range(lo).start(), shown.range(hi).end());
        selection.set(range);
        selectionText.set(selectionText(shown, lo, hi, range));
    }

    private static String selectionText(GridContent shown, int lo, int hi, IpRange range) {
        int cells = hi - lo + 1;
        if (shown instanceof GridContent.Blocks blocks) {
            if (cells == 1) {
                return blocks.block(lo).block().toString();
            }
            return range + " (" + cells + " blocks, " + GridText.number(range.size()) + " addresses)";
        }
        return cells == 1 ? range.start().toString() : range + " (" + GridText.number(range.size()) + " addresses)";
    }

    private static boolean isHeld(CellState state) {
        return switch (state) {
            case ALLOCATED, RESERVED, DHCP, DEPRECATED -> true;
            default -> false;
        };
    }

    private static String describe(GridContent.Addresses cells, Ip ip, CellState state, Optional<Address> held) {
        StringBuilder text = new StringBuilder(ip.toString()).append(" \u2014 ").append(state.label());
        if (state == CellState.UNUSABLE) {
            cells.subnet().cidr().unusableReason(ip).ifPresent(reason -> text.append(" (").append(reason).append(')'));
        }
        held.ifPresent(address -> {
            var d = address.details();
            text.append('\n').append(d.hostname().isEmpty() ? "(no host name)" : d.hostname());
            d.mac().ifPresent(mac -> text.append("\nMAC ").append(mac));
            if (!d.owner().isEmpty()) {
                text.append("\nOwner: ").append(d.owner());
            }
            if (!d.description().isEmpty()) {
                text.append('\n').append(d.description());
            }
        });
        return text.toString();
    }

    private static String describe(BlockUsage block, BlockLevel level) {
        return block.block() + " \u2014 " + level.label() + "\n"
                + GridText.number(block.used()) + " of " + GridText.number(block.size()) + " usable addresses used ("
                + GridText.percent(block) + ")\nDouble-click to open";
    }

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
            issue(new Request(target, List.of(target.cidr()), false, null, null));
            return;
        }
        issue(new Request(target, pathTo(target.cidr(), ip), false, ip, ip));
    }

    /** The zoom path from {@code top} down the blocks holding {@code ip} to the first view showing addresses. */
    static List<Cidr> pathTo(Cidr top, Ip ip) {
        List<Cidr> steps = new ArrayList<>();
        Cidr view = top;
        steps.add(view);
        while (!showsAddresses(view)) {
            view = Cidr.containing(ip, childPrefix(view));
            steps.add(view);
        }
        return List.copyOf(steps);
    }
}
