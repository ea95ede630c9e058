package org.ipdesk.ui.grid;

import org.ipdesk.model.AddressCounts;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Address;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Observation;

/** How the grid writes numbers (counts, the used share of a block) and the tooltips of its cells. */
final class GridText {

    private GridText() {
    }

    /** "12.5%", "3.25%", "<0.01%" for a sliver, "0%" for none, "100%" only when full. */
    static String percent(BlockUsage block) {
        if (block.used().signum() == 0 || block.size().signum() == 0) {
            return "0%";
        }
        if (block.used().compareTo(block.size()) >= 0) {
            return "100%";
        }
        double share = 100.0 * block.fraction();
        if (share < 0.01) {
            return "<0.01%";
        }
        if (share > 99.9) {
            return ">99.9%";
        }
        return String.format(Locale.ROOT, share < 10 ? "%.2f%%" : "%.1f%%", share);
    }

    /** "65,536"; past a trillion, the power-of-two form ("2^72", "2^64 − 1", "~2^72"). */
    static String number(BigInteger n) {
        return AddressCounts.compact(n);
    }

    /** Whether an address in this state is held (has details to show). */
    static boolean isHeld(CellState state) {
        return switch (state) {
            case ALLOCATED, RESERVED, DHCP, DEPRECATED -> true;
            default -> false;
        };
    }

    /**
     * The tooltip of address cell {@code index}: address, state, why unusable, the details of a held one, and when
     * a scan or lease file last saw it ("last seen 2 h ago by nmap-scan-0612.xml (MAC …)").
     */
    static String describe(GridContent.Addresses cells, int index, CellState state, Optional<Address> held,
                           Instant now) {
        Ip ip = cells.ip(index);
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
        Observation seen = cells.seen().newest(index);
        if (seen != null) {
            text.append('\n').append(lastSeen(seen, now));
        }
        return text.toString();
    }

    /** "last seen 2 h ago by nmap-scan-0612.xml (MAC 00:11:22:33:44:55, host web-01)". */
    static String lastSeen(Observation seen, Instant now) {
        StringBuilder text = new StringBuilder("last seen ").append(ago(seen.seenAt(), now)).append(" by ")
                .append(seen.file());
        String mac = seen.mac().map(m -> "MAC " + m.canonical()).orElse("");
        String host = seen.hostname().map(h -> "host " + h).orElse("");
        if (!mac.isEmpty() || !host.isEmpty()) {
            text.append(" (").append(mac).append(!mac.isEmpty() && !host.isEmpty() ? ", " : "").append(host)
                    .append(')');
        }
        return text.toString();
    }

    /** "just now", "5 min ago", "2 h ago" (up to 47 h), "12 days ago"; a time ahead of now is "just now". */
    static String ago(Instant then, Instant now) {
        long minutes = Duration.between(then, now).toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h ago";
        }
        return hours / 24 + " days ago";
    }

    /** The tooltip of a block of a block map. */
    static String describe(BlockUsage block, BlockLevel level) {
        return block.block() + " \u2014 " + level.label() + "\n"
                + GridText.number(block.used()) + " of " + GridText.number(block.size()) + " usable addresses used ("
                + GridText.percent(block) + ")\nDouble-click to open";
    }
}
