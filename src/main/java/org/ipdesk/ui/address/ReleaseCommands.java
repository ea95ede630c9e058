package org.ipdesk.ui.address;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.Messages;
import org.ipdesk.ui.undo.Undoable;
import org.ipdesk.ui.undo.Undoables;

/**
 * The release commands of the window (like {@code DeleteCommands}): read what would be released on the background
 * executor, ask through the {@link DialogService} ("Release 10.0.0.5 (web-01)?"), release everything in one
 * transaction, as the question showed them ({@link Allocator#releaseAsRead}), then hand the status line to
 * {@code onStatus} and the command to {@code onDone} for the undo stack. "No" changes nothing and calls neither. A
 * selection that holds nothing is told through {@code onStatus} without a question. A refusal (another admin
 * released or changed an address since the question was asked) is shown with {@link DialogService#showError}, with
 * who, when and what; nothing is released then.
 */
public final class ReleaseCommands {

    static final String TITLE = "Release";

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    public ReleaseCommands(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Asks "Release 10.0.0.5 (web-01)?", then gives the address back to the subnet. */
    public void releaseOne(Subnet subnet, Ip ip, Consumer<String> onStatus, Consumer<Undoable> onDone) {
        run(() -> allocator.get().address(subnet.id(), ip), held -> {
            if (held.isEmpty()) {
                onStatus.accept(ip + " is not held in " + subnet.label() + "; nothing to release");
            } else if (dialogs.confirm(TITLE, question(held.get()), TITLE)) {
                release(subnet, List.of(held.get()), "Release " + ip + " in " + subnet.label(),
                        "Released " + AddressResult.named(held.get()) + " in " + subnet.label(), onStatus, onDone);
            }
        });
    }

    /** Asks "Release the 12 addresses held in 10.0.0.10-10.0.0.40?", then releases them all at once. */
    public void releaseRange(Subnet subnet, IpRange range, Consumer<String> onStatus, Consumer<Undoable> onDone) {
        if (range.start().equals(range.end())) {
            releaseOne(subnet, range.start(), onStatus, onDone);
            return;
        }
        run(() -> allocator.get().addressesIn(subnet.id(), range), held -> {
            if (held.isEmpty()) {
                onStatus.accept("No address is held in " + range + "; nothing to release");
            } else if (dialogs.confirm(TITLE, question(range, held), TITLE)) {
                String what = held.size() == 1 ? AddressResult.named(held.get(0)) : held.size() + " addresses";
                release(subnet, held, "Release " + what + " in " + range,
                        "Released " + what + " in " + range, onStatus, onDone);
            }
        });
    }

    /**
     * Asks "Release the 2 selected addresses: 10.0.0.5 (web-01), 10.0.0.9 (db-01)?", then releases every one of
     * {@code ips} (addresses picked one by one, as rows of the address table) at once.
     */
    public void releaseAll(Subnet subnet, List<Ip> ips, Consumer<String> onStatus, Consumer<Undoable> onDone) {
        if (ips.size() == 1) {
            releaseOne(subnet, ips.get(0), onStatus, onDone);
            return;
        }
        java.util.Set<Ip> picked = java.util.Set.copyOf(ips);
        Ip low = ips.stream().min(Ip::compareTo).orElseThrow();
        Ip high = ips.stream().max(Ip::compareTo).orElseThrow();
        run(() -> allocator.get().addressesIn(subnet.id(), new IpRange(low, high)).stream()
                .filter(address -> picked.contains(address.ip())).toList(), held -> {
            if (held.isEmpty()) {
                onStatus.accept("None of the selected addresses is held in " + subnet.label() + "; nothing to release");
            } else if (dialogs.confirm(TITLE, question(held), TITLE)) {
                String what = held.size() == 1 ? AddressResult.named(held.get(0)) : held.size() + " addresses";
                release(subnet, held, "Release " + what + " in " + subnet.label(),
                        "Released " + what + " in " + subnet.label(), onStatus, onDone);
            }
        });
    }

    /** "Release the 2 selected addresses: 10.0.0.5 (web-01), 10.0.0.9?" (the first five named). */
    static String question(List<Address> held) {
        if (held.size() == 1) {
            return question(held.get(0));
        }
        String named = held.stream().limit(5).map(AddressResult::named).collect(java.util.stream.Collectors.joining(", "));
        return "Release the " + held.size() + " selected addresses: " + named + (held.size() > 5 ? ", \u2026?" : "?");
    }

    /** "Release 10.0.0.5 (web-01)?" */
    static String question(Address held) {
        return "Release " + AddressResult.named(held) + "?";
    }

    /** "Release the 12 addresses held in 10.0.0.10-10.0.0.40?" */
    static String question(IpRange range, List<Address> held) {
        return held.size() == 1
                ? "Release " + AddressResult.named(held.get(0)) + ", the one address held in " + range + "?"
                : "Release the " + held.size() + " addresses held in " + range + "?";
    }

    private void release(Subnet subnet, List<Address> held, String description, String status,
                         Consumer<String> onStatus, Consumer<Undoable> onDone) {
        // released as the confirmation showed them: refused if someone changed one of them since it was asked
        run(() -> allocator.get().releaseAsRead(subnet.id(), held), released -> {
            onStatus.accept(status);
            onDone.accept(Undoables.released(description, List.of(subnet), released));
        });
    }

    private <T> void run(Callable<T> work, Consumer<T> then) {
        tasks.submit(work, then, problem -> dialogs.showError("Cannot release", Messages.of(problem)));
    }
}
