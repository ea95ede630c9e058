package org.ipdesk.allocator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Session;

/**
 * Keeps each subnet's free extents: the maximal runs of addresses that automatic allocation may hand out
 * (usable, not the gateway, not in a range or a child subnet, not held). Taking or giving back one address
 * is a few index seeks; only range and subnet changes rebuild a subnet's extents. Only {@link #rebuild} is public,
 * for the dev tools' bulk writes ({@code org.ipdesk.dev}).
 */
public final class FreeSpace {
    private FreeSpace() {
    }

    /** Removes {@code ip} from the free space, if it is there. */
    static void take(Session session, long subnetId, Ip ip) {
        session.extentContaining(subnetId, ip).ifPresent(extent -> {
            session.deleteExtent(subnetId, extent.start());
            if (extent.start().compareTo(ip) < 0) {
                session.insertExtent(subnetId, new IpRange(extent.start(), ip.previous()));
            }
            if (ip.compareTo(extent.end()) < 0) {
                session.insertExtent(subnetId, new IpRange(ip.next(), extent.end()));
            }
        });
    }

    /** Removes a run of free addresses that lies wholly inside one extent. */
    static void takeRun(Session session, long subnetId, IpRange extent, IpRange run) {
        session.deleteExtent(subnetId, extent.start());
        if (extent.start().compareTo(run.start()) < 0) {
            session.insertExtent(subnetId, new IpRange(extent.start(), run.start().previous()));
        }
        if (run.end().compareTo(extent.end()) < 0) {
            session.insertExtent(subnetId, new IpRange(run.end().next(), extent.end()));
        }
    }

    /** Returns {@code ip} to the free space, joining the neighbouring extents. */
    static void giveBack(Session session, long subnetId, Ip ip) {
        Ip start = ip;
        Ip end = ip;
        if (!ip.value().equals(BigInteger.ZERO)) {
            Optional<IpRange> left = session.extentEndingAt(subnetId, ip.previous());
            if (left.isPresent()) {
                start = left.get().start();
                session.deleteExtent(subnetId, start);
            }
        }
        if (!ip.isMax()) {
            Optional<IpRange> right = session.extentStartingAt(subnetId, ip.next());
            if (right.isPresent()) {
                end = right.get().end();
                session.deleteExtent(subnetId, right.get().start());
            }
        }
        session.insertExtent(subnetId, new IpRange(start, end));
    }

    /**
     * Whether an address of the subnet belongs in the free space when nobody holds it: usable and not in the
     * subnet's {@link #blocked} ranges (gateway, ranges, child subnets), read once by the caller and searched here,
     * so releasing many addresses costs no query per address for it.
     */
    static boolean allocatable(Subnet subnet, List<IpRange> blocked, Ip ip) {
        if (!subnet.cidr().isUsable(ip)) {
            return false;
        }
        int low = 0;
        int high = blocked.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            IpRange range = blocked.get(middle);
            if (range.end().compareTo(ip) < 0) {
                low = middle + 1;
            } else if (range.start().compareTo(ip) > 0) {
                high = middle - 1;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The addresses of the subnet that are never free: gateway, ranges and child subnets, merged and sorted. */
    static List<IpRange> blocked(Session session, Subnet subnet) {
        List<IpRange> blocked = new ArrayList<>();
        subnet.gateway().ifPresent(g -> blocked.add(IpRange.of(g)));
        session.ranges(subnet.id()).forEach(r -> blocked.add(r.range()));
        session.children(subnet.networkId(), java.util.OptionalLong.of(subnet.id()))
                .forEach(c -> blocked.add(c.cidr().range()));
        return merge(blocked);
    }

    static List<IpRange> merge(List<IpRange> ranges) {
        List<IpRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(IpRange::start));
        List<IpRange> merged = new ArrayList<>();
        for (IpRange r : sorted) {
            if (!merged.isEmpty()) {
                IpRange last = merged.get(merged.size() - 1);
                if (!last.end().isMax() && last.end().next().compareTo(r.start()) >= 0) {
                    if (r.end().compareTo(last.end()) > 0) {
                        merged.set(merged.size() - 1, new IpRange(last.start(), r.end()));
                    }
                    continue;
                }
                if (last.end().isMax()) {
                    continue;
                }
            }
            merged.add(r);
        }
        return merged;
    }

    /**
     * Recomputes a subnet's free extents from scratch: its usable range less the blocked ranges and the held
     * addresses, streamed in order (no list of every address is built).
     */
    public static void rebuild(Session session, Subnet subnet) {
        session.deleteExtents(subnet.id());
        Cidr cidr = subnet.cidr();
        List<IpRange> blocked = blocked(session, subnet);
        Builder builder = new Builder(session, subnet.id(), cidr.usableRange());
        session.forEachHeldIp(subnet.id(), ip -> {
            builder.emitUntil(ip, blocked);
            builder.skip(IpRange.of(ip));
        });
        builder.finish(blocked);
    }

    /** Walks the usable range in order, writing the free runs between blocked ranges and held addresses. */
    private static final class Builder {
        private final Session session;
        private final long subnetId;
        private final IpRange usable;
        private Ip cursor;
        private boolean done;
        private int nextBlocked;

        Builder(Session session, long subnetId, IpRange usable) {
            this.session = session;
            this.subnetId = subnetId;
            this.usable = usable;
            this.cursor = usable.start();
        }

        /** Emits free runs from the cursor up to just before {@code limit}, honouring blocked ranges. */
        void emitUntil(Ip limit, List<IpRange> blocked) {
            while (!done && nextBlocked < blocked.size() && blocked.get(nextBlocked).start().compareTo(limit) <= 0) {
                IpRange block = blocked.get(nextBlocked++);
                emitFree(block.start());
                skip(block);
            }
            emitFree(limit);
        }

        void finish(List<IpRange> blocked) {
            while (!done && nextBlocked < blocked.size()) {
                IpRange block = blocked.get(nextBlocked++);
                emitFree(block.start());
                skip(block);
            }
            if (!done && cursor.compareTo(usable.end()) <= 0) {
                session.insertExtent(subnetId, new IpRange(cursor, usable.end()));
                done = true;
            }
        }

        /** Writes [cursor, before - 1] clipped to the usable range, if not empty. */
        private void emitFree(Ip before) {
            if (done || before.compareTo(cursor) <= 0) {
                return;
            }
            Ip end = before.previous();
            if (end.compareTo(usable.end()) > 0) {
                end = usable.end();
            }
            if (cursor.compareTo(end) <= 0) {
                session.insertExtent(subnetId, new IpRange(cursor, end));
            }
            cursor = before;
        }

        /** Moves the cursor past {@code range}. */
        void skip(IpRange range) {
            if (done || range.end().compareTo(cursor) < 0) {
                return;
            }
            if (range.end().compareTo(usable.end()) >= 0) {
                done = true;
                return;
            }
            cursor = range.end().next();
        }
    }
}
