package org.ipdesk.allocator;

import static org.ipdesk.allocator.Lookups.max;
import static org.ipdesk.allocator.Lookups.min;
import static org.ipdesk.allocator.Lookups.subnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellState;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;

/** What the address grid shows: the state of every address in a window, and the block map of a large subnet. */
final class GridQueries {
    private final Database database;

    GridQueries(Database database) {
        this.database = database;
    }

    CellStates cellStates(long subnetId, IpRange window) {
        return database.read(s -> {
            Subnet subnet = subnet(s, subnetId);
            Cidr cidr = subnet.cidr();
            if (!cidr.range().contains(window)) {
                throw new InvalidInput(window + " is not inside " + subnet.label());
            }
            if (window.size().compareTo(BigInteger.valueOf(CellStates.MAX_CELLS)) > 0) {
                throw new InvalidInput("a grid window holds at most " + CellStates.MAX_CELLS + " addresses");
            }
            byte[] codes = new byte[window.size().intValueExact()];
            BigInteger base = window.start().value();
            java.util.function.BiConsumer<IpRange, CellState> paint = (range, state) -> {
                if (range.overlaps(window)) {
                    int from = range.start().value().max(base).subtract(base).intValueExact();
                    int to = range.end().value().min(window.end().value()).subtract(base).intValueExact();
                    java.util.Arrays.fill(codes, from, to + 1, state.code());
                }
            };
            for (Ip edge : List.of(cidr.first(), cidr.last())) {
                if (!cidr.isUsable(edge)) {
                    paint.accept(IpRange.of(edge), CellState.UNUSABLE);
                }
            }
            s.children(subnet.networkId(), OptionalLong.of(subnetId))
                    .forEach(c -> paint.accept(c.cidr().range(), CellState.CHILD_SUBNET));
            for (AddressRange r : s.ranges(subnetId)) {
                paint.accept(r.range(), r.kind() == RangeKind.DHCP ? CellState.DHCP_RANGE : CellState.RESERVED_RANGE);
            }
            s.forEachHeldStatus(subnetId, window, (ip, status) ->
                    codes[ip.value().subtract(base).intValueExact()] = CellState.of(status).code());
            subnet.gateway().ifPresent(g -> paint.accept(IpRange.of(g), CellState.GATEWAY));
            return new CellStates(window, codes);
        });
    }

    List<BlockUsage> blockMap(long subnetId, Cidr view, int childPrefix) {
        return database.read(s -> {
            Subnet subnet = subnet(s, subnetId);
            if (!subnet.cidr().contains(view)) {
                throw new InvalidInput(view + " is not inside " + subnet.label());
            }
            if (childPrefix <= view.prefixLength() || childPrefix > view.version().bits()
                    || childPrefix - view.prefixLength() > 12) {
                throw new InvalidInput("a block map of " + view + " needs a prefix length from /"
                        + (view.prefixLength() + 1) + " to /" + Math.min(view.version().bits(), view.prefixLength() + 12));
            }
            IpRange usable = subnet.cidr().usableRange();
            List<AddressRange> ranges = s.networkRangesOverlapping(subnet.networkId(), view.range());
            BigInteger step = BigInteger.ONE.shiftLeft(view.version().bits() - childPrefix);
            int blocks = 1 << (childPrefix - view.prefixLength());
            List<BlockUsage> map = new ArrayList<>(blocks);
            for (int i = 0; i < blocks; i++) {
                Cidr block = new Cidr(view.first().plus(step.multiply(BigInteger.valueOf(i))), childPrefix);
                IpRange span = block.range();
                BigInteger size = overlap(span, usable);
                BigInteger used = BigInteger.valueOf(s.countNetworkAddressesIn(subnet.networkId(), span));
                for (AddressRange r : ranges) {
                    if (r.range().overlaps(span)) {
                        IpRange part = new IpRange(max(r.range().start(), span.start()), min(r.range().end(), span.end()));
                        used = used.add(part.size())
                                .subtract(BigInteger.valueOf(s.countNetworkAddressesIn(subnet.networkId(), part)));
                    }
                }
                map.add(new BlockUsage(block, size, used.min(size)));
            }
            return map;
        });
    }

    private static BigInteger overlap(IpRange a, IpRange b) {
        if (!a.overlaps(b)) {
            return BigInteger.ZERO;
        }
        return new IpRange(max(a.start(), b.start()), min(a.end(), b.end())).size();
    }
}
