package org.ipdesk.model;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;

/** The state of every address in a window of a subnet (at most 65,536 addresses), one byte each. */
public record CellStates(IpRange window, byte[] codes) {

    public static final int MAX_CELLS = 65_536;

    public CellStates {
        if (window.size().compareTo(BigInteger.valueOf(codes.length)) != 0) {
            throw new IllegalArgumentException("one state per address of " + window + " is needed");
        }
    }

    public int size() {
        return codes.length;
    }

    public CellState state(int index) {
        return CellState.ofCode(codes[index]);
    }

    public Ip ip(int index) {
        return window.start().plus(index);
    }

    /** The index of {@code ip} in the window, or -1. */
    public int indexOf(Ip ip) {
        return window.contains(ip) ? ip.value().subtract(window.start().value()).intValueExact() : -1;
    }

    public Map<CellState, Integer> counts() {
        Map<CellState, Integer> counts = new EnumMap<>(CellState.class);
        for (byte code : codes) {
            counts.merge(CellState.ofCode(code), 1, Integer::sum);
        }
        return counts;
    }
}
