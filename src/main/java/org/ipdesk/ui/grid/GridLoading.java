package org.ipdesk.ui.grid;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;

/**
 * The loading side of the {@link AddressGridViewModel}: what a request asks for, the read on the executor
 * (cell states of an address view, or the block map of a larger one) and the zoom rule with its paths.
 * The view model issues the requests and applies the results on the JavaFX thread.
 */
final class GridLoading {

    private GridLoading() {
    }

    /** What to show: a subnet, the zoom path to the view, and the selection to keep or set. */
    record Request(Subnet subnet, List<Cidr> path, boolean keepSelection, Ip anchor, Ip caret) {
        Cidr view() {
            return path.get(path.size() - 1);
        }
    }

    /** A {@link TaskExecutor} over two plain executors: one runs the work, the other publishes the result. */
    static TaskExecutor over(Executor background, Executor publish) {
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

    /**
     * On the executor: the subnet as it is now, and the cells of the view; for an address view also the newest
     * observation of each address (one query for the view), with the cells seen within
     * the subnet's stale days of {@code now} marked.
     */
    static GridContent read(Allocator engine, Request request, Instant now) {
        Subnet fresh = engine.subnet(request.subnet().id());
        Cidr view = request.view();
        if (showsAddresses(view)) {
            CellStates states = engine.cellStates(fresh.id(), view.range());
            return GridContent.Addresses.of(fresh, view, states,
                    GridSeen.of(states, engine.observations(view.range()), now, fresh.staleDaysOrDefault()));
        }
        int childPrefix = childPrefix(view);
        return GridContent.Blocks.of(fresh, view, childPrefix, engine.blockMap(fresh.id(), view, childPrefix));
    }

    /** Whether a view shows one cell per address (at most 65,536 of them) rather than blocks. */
    static boolean showsAddresses(Cidr view) {
        return view.total().compareTo(BigInteger.valueOf(CellStates.MAX_CELLS)) <= 0;
    }

    /** The prefix of the blocks a block map of {@code view} shows. */
    static int childPrefix(Cidr view) {
        return Math.min(view.prefixLength() + AddressGridViewModel.BLOCK_BITS, view.version().bits());
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
