package org.ipdesk.ui.table;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.Messages;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;

/**
 * The address table beside the grid: one row per held address of the subnet the grid shows (and, when asked, per
 * free one), a filter over every column, and a selection shared with the grid. Rows are read on the database
 * executor whenever the grid shows another subnet or reads its view again (after a command or another writer),
 * but only while the table is on screen ({@link #activeProperty()}); a table put away is read when it comes back.
 */
public final class AddressTableViewModel {

    /** What the table selects to follow the grid: the grid's selection and the address under its caret. */
    public record Follow(IpRange range, Optional<Ip> caret) {
    }

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final AddressGridViewModel grid;

    private final ObservableList<AddressRow> rows = FXCollections.observableArrayList();
    private final FilteredList<AddressRow> visible = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty includeFree = new SimpleBooleanProperty(this, "includeFree", false);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<AddressRow> selected = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AddressRow> focused = new ReadOnlyObjectWrapper<>(this, "focused");
    private final ReadOnlyObjectWrapper<Follow> follow = new ReadOnlyObjectWrapper<>(this, "follow");
    private final BooleanBinding anySelected = Bindings.isNotEmpty(selected);
    private final BooleanBinding heldSelected = Bindings.createBooleanBinding(
            () -> selected.stream().anyMatch(AddressRow::isHeld), selected);
    private final BooleanBinding focusedHeld = Bindings.createBooleanBinding(
            () -> focused.get() != null && focused.get().isHeld(), focused);
    private final BooleanBinding focusedFree = Bindings.createBooleanBinding(
            () -> focused.get() != null && !focused.get().isHeld(), focused);

    private AddressTableRows shown;
    private Subnet wanted;
    private boolean stale;
    private long generation;
    /** Set while the grid is told of the table's selection, so its answer does not come back. */
    private boolean steering;
    /** Set while the table takes the grid's selection, so it is not sent back to the grid. */
    private boolean following;

    public AddressTableViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, AddressGridViewModel grid) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.grid = Objects.requireNonNull(grid, "grid");
        filter.addListener((property, before, now) -> applyFilter());
        includeFree.addListener((property, before, now) -> reload());
        active.addListener((property, before, now) -> {
            if (now && stale) {
                reload();
            }
        });
        grid.contentProperty().addListener((property, before, now) -> gridShows(before, now));
        grid.selectionProperty().addListener((property, before, now) -> followGrid());
        grid.caretProperty().addListener((property, before, now) -> followGrid());
        summary.set(NOTHING);
        placeholder = Bindings.createStringBinding(this::placeholderText, grid.contentProperty(),
                grid.messageProperty(), loading, rows);
    }

    /** The summary with no subnet shown: none, since the table's placeholder says what the grid says. */
    static final String NOTHING = "";
    static final String NONE_HELD = "No address is held here; tick \u201cShow free addresses\u201d to list the free"
            + " ones";
    static final String NONE_MATCH = "No address matches the filter";

    private final StringBinding placeholder;

    // ================================================================= state

    /** The rows the filter lets through, in address order (the view sorts a copy of it). */
    public ObservableList<AddressRow> rows() {
        return visible;
    }

    /** Every row read, before the filter. */
    public ObservableList<AddressRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Text matched, ignoring case, against every column. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Whether free addresses get rows too. */
    public BooleanProperty includeFreeProperty() {
        return includeFree;
    }

    /** Whether the table is on screen; rows are read only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * What the table says when it lists no row: with no subnet shown, what the grid says ("Choose a subnet to see its
     * addresses.", or what to create first); else that it is reading, that no address is held, or that none
     * matches the filter.
     */
    public StringBinding placeholderProperty() {
        return placeholder;
    }

    private String placeholderText() {
        if (grid.getContent() == null) {
            return grid.messageProperty().get();
        }
        if (loading.get()) {
            return "Reading\u2026";
        }
        return rows.isEmpty() ? NONE_HELD : NONE_MATCH;
    }

    /** "1,205 held addresses in 10.20.0.0/16 · 12 match the filter". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the rows could not be read; empty when they were. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The selection the table should show to follow the grid: a new value each time the grid's changes, and after
     * each reading of the rows (null just before it).
     */
    public ReadOnlyObjectProperty<Follow> followProperty() {
        return follow.getReadOnlyProperty();
    }

    /** The selected rows, as the view last reported them. */
    public ObservableList<AddressRow> selected() {
        return FXCollections.unmodifiableObservableList(selected);
    }

    /** The row with the table's focus (the last one clicked); null when none is selected. */
    public ReadOnlyObjectProperty<AddressRow> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    /** Copy is enabled. */
    public BooleanBinding anySelectedProperty() {
        return anySelected;
    }

    /** Release is enabled: a held address is among the selected rows. */
    public BooleanBinding heldSelectedProperty() {
        return heldSelected;
    }

    /** Edit is enabled: the focused row is a held address. */
    public BooleanBinding focusedHeldProperty() {
        return focusedHeld;
    }

    /** Reserve is enabled: the focused row is a free address. */
    public BooleanBinding focusedFreeProperty() {
        return focusedFree;
    }

    /** The address of the focused row. */
    public Optional<Ip> focusedIp() {
        return Optional.ofNullable(focused.get()).map(AddressRow::ip);
    }

    /** The held addresses among the selected rows, in address order (what Release takes). */
    public List<Ip> selectedHeldIps() {
        return selected.stream().filter(AddressRow::isHeld).map(AddressRow::ip).sorted().toList();
    }

    /** What Copy puts on the clipboard: the selected addresses, one a line, in address order. */
    public String copyText() {
        return selected.stream().map(AddressRow::ip).sorted().map(Ip::toString).collect(Collectors.joining("\n"));
    }

    // ================================================================= commands

    /** Reads the rows again (the grid's subnet, as it is now in the database). */
    public void reload() {
        if (wanted == null) {
            return;
        }
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        long mine = ++generation;
        long subnetId = wanted.id();
        boolean free = includeFree.get();
        loading.set(true);
        tasks.submit(() -> AddressTableRows.read(allocator.get(), subnetId, free), result -> {
            if (mine == generation) {
                loading.set(false);
                error.set("");
                show(result);
            }
        }, problem -> {
            if (mine == generation) {
                loading.set(false);
                error.set("Cannot read the addresses: " + Messages.of(problem));
                summary.set(error.get());
            }
        });
    }

    /**
     * The view's selection changed: {@code rows} are selected, {@code focus} has the focus. The grid follows (its
     * caret on the focused address, its selection over the selected ones), and so do the details beside it.
     */
    public void select(List<AddressRow> rows, AddressRow focus) {
        selected.setAll(rows);
        focused.set(focus == null && !rows.isEmpty() ? rows.get(rows.size() - 1) : focus);
        if (!following) {
            steerGrid();
        }
    }

    // ================================================================= inside

    private void gridShows(GridContent before, GridContent now) {
        if (now == null) {
            generation++;
            wanted = null;
            shown = null;
            loading.set(false);
            rows.clear();
            summary.set(NOTHING);
            return;
        }
        boolean otherSubnet = wanted == null || wanted.id() != now.subnet().id();
        boolean sameViewAgain = before != null && before.subnet().id() == now.subnet().id()
                && before.view().equals(now.view());
        if (!otherSubnet && !sameViewAgain) {
            // the grid zoomed in or out: the table lists the whole subnet already
            return;
        }
        wanted = now.subnet();
        if (otherSubnet) {
            shown = null;
            rows.clear();
            summary.set("Reading the addresses of " + wanted.label() + "\u2026");
        }
        reload();
    }

    private void show(AddressTableRows result) {
        shown = result;
        // the table moves its selection and focus as its rows are replaced (to the first row when their number
        // changed): that is no choice of the user, so the grid is not steered to it; the table follows the grid after
        following = true;
        try {
            rows.setAll(result.rows());
            applyFilter();
        } finally {
            following = false;
        }
        // the table's selection went with its old rows: it takes the grid's again, even when that did not change
        // (a listener hears only a value unlike the last one)
        follow.set(null);
        followGrid();
    }

    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(needle.isEmpty() ? null : row -> row.matches(needle));
        summary.set(summaryText());
    }

    private String summaryText() {
        if (shown == null) {
            return wanted == null ? NOTHING : summary.get();
        }
        StringBuilder text = new StringBuilder(count(shown.held(), "held address", "held addresses"))
                .append(" in ").append(shown.subnet().cidr());
        if (shown.freeShown()) {
            text.append(", ").append(count(shown.rows().size() - shown.held(), "free address", "free addresses"));
            if (shown.freeCut()) {
                text.append(" (free ones listed in ").append(shown.freeWindow().orElseThrow()).append(" only)");
            }
        }
        if (visible.getPredicate() != null) {
            text.append(" \u00b7 ").append(String.format(Locale.ROOT, "%,d", visible.size()))
                    .append(visible.size() == 1 ? " matches" : " match").append(" the filter");
        }
        return text.toString();
    }

    private static String count(int n, String one, String many) {
        return String.format(Locale.ROOT, "%,d ", n) + (n == 1 ? one : many);
    }

    /** Tells the table which rows the grid's selection covers. */
    private void followGrid() {
        if (steering) {
            return;
        }
        GridContent content = grid.getContent();
        IpRange range = grid.selectionProperty().get();
        int caret = grid.caretProperty().get();
        if (content == null || range == null || shown == null) {
            return;
        }
        Optional<Ip> caretIp = caret >= 0 && caret < content.size() && content instanceof GridContent.Addresses cells
                ? Optional.of(cells.ip(caret)) : Optional.empty();
        following = true;
        try {
            follow.set(new Follow(range, caretIp));
        } finally {
            following = false;
        }
    }

    /** Puts the grid's caret on the focused row and its selection over the selected ones. */
    private void steerGrid() {
        AddressRow focus = focused.get();
        if (focus == null || wanted == null) {
            return;
        }
        GridContent content = grid.getContent();
        int focusIndex = content instanceof GridContent.Addresses ? content.indexOf(focus.ip()) : -1;
        if (focusIndex < 0) {
            // the grid shows a block map or another block: open the one that holds the address
            grid.showAddress(wanted, focus.ip());
            return;
        }
        Ip low = selected.stream().map(AddressRow::ip).filter(ip -> content.indexOf(ip) >= 0)
                .min(Comparator.naturalOrder()).orElse(focus.ip());
        Ip high = selected.stream().map(AddressRow::ip).filter(ip -> content.indexOf(ip) >= 0)
                .max(Comparator.naturalOrder()).orElse(focus.ip());
        Ip anchor = focus.ip().equals(high) ? low : high;
        steering = true;
        try {
            grid.select(content.indexOf(anchor));
            if (!anchor.equals(focus.ip())) {
                grid.extendSelection(focusIndex);
            }
        } finally {
            steering = false;
        }
    }
}
