package org.ipdesk.ui.table;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.ipdesk.model.Observation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.CellState;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Subnet;

/**
 * The rows of a subnet's address table, read on the database executor: every held address with its details and,
 * when asked, the free ones (of the first {@value CellStates#MAX_CELLS} addresses of a larger subnet), in address
 * order.
 */
public record AddressTableRows(Subnet subnet, List<AddressRow> rows, int held, boolean freeShown,
                               Optional<IpRange> freeWindow) {

    /** The free states a row is made for; unusable addresses and child subnets are not rows. */
    private static final Set<CellState> FREE_STATES =
            Set.of(CellState.FREE, CellState.DHCP_RANGE, CellState.RESERVED_RANGE, CellState.GATEWAY);

    public AddressTableRows {
        rows = List.copyOf(rows);
    }

    /** Reads the rows of {@code subnetId} (call on the database executor). */
    public static AddressTableRows read(Allocator allocator, long subnetId, boolean includeFree) {
        Subnet subnet = allocator.subnet(subnetId);
        List<Address> held = allocator.addresses(subnetId);
        Map<Ip, Observation> seen = new HashMap<>();
        allocator.observations(subnetId).forEach(o -> seen.put(o.ip(), o));
        if (!includeFree) {
            return of(subnet, held, Optional.empty(), seen);
        }
        return of(subnet, held, Optional.of(allocator.cellStates(subnetId, freeWindow(subnet.cidr()))), seen);
    }

    /** The addresses whose free ones are listed: the whole subnet, or its first 65,536 addresses. */
    static IpRange freeWindow(Cidr cidr) {
        BigInteger max = BigInteger.valueOf(CellStates.MAX_CELLS);
        if (cidr.total().compareTo(max) <= 0) {
            return cidr.range();
        }
        return new IpRange(cidr.first(), cidr.first().plus(max.subtract(BigInteger.ONE)));
    }

    /** The rows of {@code held} and, if given, of the free cells of {@code states}, in address order. */
    public static AddressTableRows of(Subnet subnet, List<Address> held, Optional<CellStates> states) {
        return of(subnet, held, states, Map.of());
    }

    /** The same, each row with what was last seen using its address ({@code seen}, by address). */
    public static AddressTableRows of(Subnet subnet, List<Address> held, Optional<CellStates> states,
                                      Map<Ip, Observation> seen) {
        List<AddressRow> rows = new ArrayList<>(held.size());
        Set<Ip> heldIps = states.isPresent() ? new HashSet<>(held.size() * 2) : Set.of();
        for (Address address : held) {
            rows.add(AddressRow.held(address, Optional.ofNullable(seen.get(address.ip()))));
            if (states.isPresent()) {
                heldIps.add(address.ip());
            }
        }
        states.ifPresent(cells -> {
            for (int i = 0; i < cells.size(); i++) {
                CellState state = cells.state(i);
                if (FREE_STATES.contains(state)) {
                    Ip ip = cells.ip(i);
                    if (!heldIps.contains(ip)) {
                        rows.add(AddressRow.free(ip, state, Optional.ofNullable(seen.get(ip))));
                    }
                }
            }
        });
        rows.sort(Comparator.comparing(AddressRow::ip));
        return new AddressTableRows(subnet, rows, held.size(), states.isPresent(), states.map(CellStates::window));
    }

    /** Whether the free addresses shown stop before the end of the subnet. */
    public boolean freeCut() {
        return freeWindow.isPresent() && !freeWindow.get().end().equals(subnet.cidr().last());
    }
}
