package org.ipdesk.ui.main;

import java.util.function.Supplier;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.ui.TaskExecutor;

/**
 * The first-run offer "Load the sample data": fills an empty database with three sites, IPv4 and IPv6 subnets,
 * DHCP pools, a few thousand addresses in every status and some history, so a newcomer sees the window at work.
 */
public final class SampleDataLoader {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final NetworkTreeViewModel tree;
    private final LoadState state;
    private final StatusLine status;
    private final UndoRedo.Refresh refresh;

    /** @param refresh reads the window again after the data is written, reporting it */
    public SampleDataLoader(Supplier<Allocator> allocator, TaskExecutor tasks, NetworkTreeViewModel tree,
            LoadState state, StatusLine status, UndoRedo.Refresh refresh) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.tree = tree;
        this.state = state;
        this.status = status;
        this.refresh = refresh;
    }

    /** Writes the sample data in the background, then reads the window again; a refusal leaves the tree as it was. */
    public void load() {
        state.setLoading(true);
        state.setPlaceholder("Writing the sample data \u2026");
        tasks.submit(() -> SampleData.create(allocator.get()),
                addresses -> refresh.refresh("Loaded the sample data: " + String.format("%,d", addresses)
                        + " addresses in three networks", false),
                problem -> {
                    state.setLoading(false);
                    tree.refilter();
                    status.report("Cannot load the sample data: " + Problems.message(problem), true);
                });
    }
}
