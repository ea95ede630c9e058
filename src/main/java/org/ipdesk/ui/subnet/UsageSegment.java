package org.ipdesk.ui.subnet;

import org.ipdesk.model.AddressCounts;
import java.math.BigInteger;
import org.ipdesk.model.CellState;

/**
 * One part of a subnet's utilisation bar: what it counts ("allocated"), the grid state whose colour it takes,
 * how many usable addresses, and its share of the usable addresses (0-1).
 */
public record UsageSegment(String label, CellState state, BigInteger count, double fraction) {

    /** "4 allocated (1.57 %)", as the segment's tooltip says it. */
    public String describe(BigInteger usable) {
        return AddressCounts.full(count) + " " + label + " (" + Counts.percent(count, usable) + ")";
    }
}
