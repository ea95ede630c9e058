package org.ipdesk.model;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A subnet's usage read together with how many of its own usable addresses are in each state the address grid
 * draws: the held ones by status, an unheld gateway, unheld addresses in DHCP pools and reserved ranges, the addresses
 * of child subnets, and free ones. The grid's legend counts the same states cell by cell, so over the whole subnet
 * the two agree. {@link CellState#UNUSABLE} is not counted: the states sum to the usable count. {@code usage} is the
 * utilisation with the child subnets' contents included, as the tree and the reports show it.
 */
public record UsageBreakdown(Usage usage, Map<CellState, BigInteger> states) {

    public UsageBreakdown {
        Map<CellState, BigInteger> all = new EnumMap<>(CellState.class);
        for (CellState state : CellState.values()) {
            if (state != CellState.UNUSABLE) {
                all.put(state, states.getOrDefault(state, BigInteger.ZERO));
            }
        }
        states = Collections.unmodifiableMap(all);
    }

    /** How many usable addresses of the subnet's own level are in {@code state} (0 for UNUSABLE). */
    public BigInteger count(CellState state) {
        return states.getOrDefault(state, BigInteger.ZERO);
    }
}
