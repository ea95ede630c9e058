package org.ipdesk.ui.grid;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Observation;
import org.ipdesk.observe.Reconciler;

/**
 * What scans and lease files saw of an address view: the newest observation of each cell that was seen, and which
 * cells were seen within the subnet's stale days of the read (those carry the grid's "seen" mark). Built on the
 * executor from one query for the view's observations; immutable; one array slot per cell and a bit set, so a
 * /16 costs no object per unseen cell.
 */
public final class GridSeen {

    /** A cell seen within this many days is marked, unless its subnet says otherwise: the reconcile default. */
    public static final int RECENT_DAYS = Reconciler.DEFAULT_STALE_DAYS;

    private final Observation[] newest;
    private final BitSet recent;
    private final int recentCount;
    private final int days;

    private GridSeen(Observation[] newest, BitSet recent, int days) {
        this.newest = newest;
        this.recent = recent;
        this.recentCount = recent.cardinality();
        this.days = days;
    }

    /** {@link #of(CellStates, List, Instant, int)} with the default {@link #RECENT_DAYS}. */
    static GridSeen of(CellStates states, List<Observation> observations, Instant now) {
        return of(states, observations, now, RECENT_DAYS);
    }

    /**
     * Places {@code observations} on the cells of {@code states}; those outside the view are left out. Cells seen
     * within {@code days} (the subnet's stale days) of {@code now} are marked.
     */
    static GridSeen of(CellStates states, List<Observation> observations, Instant now, int days) {
        Observation[] newest = new Observation[states.size()];
        BitSet recent = new BitSet(states.size());
        Instant since = now.minus(Duration.ofDays(days));
        for (Observation o : observations) {
            int index = states.indexOf(o.ip());
            if (index < 0 || (newest[index] != null && !o.seenAt().isAfter(newest[index].seenAt()))) {
                continue;
            }
            newest[index] = o;
            recent.set(index, !o.seenAt().isBefore(since));
        }
        return new GridSeen(newest, recent, days);
    }

    /** How many days back a sighting counts for the mark: the subnet's stale days. */
    public int days() {
        return days;
    }

    /** Whether cell {@code index} was seen within {@link #days()} days of the read. */
    public boolean isRecent(int index) {
        return recent.get(index);
    }

    /** How many cells were seen within {@link #days()} days. */
    public int recentCount() {
        return recentCount;
    }

    /** The newest observation of cell {@code index}, or null when it was never seen. */
    public Observation newest(int index) {
        return index >= 0 && index < newest.length ? newest[index] : null;
    }

    /** The next marked cell from {@code index} on, or -1 (for drawing only the marked cells in view). */
    int nextRecent(int index) {
        return recent.nextSetBit(index);
    }
}
