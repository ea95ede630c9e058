package org.ipdesk.ui.grid;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellState;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Subnet;

/**
 * What the address grid shows of one view (the subnet or a block inside it): one cell per address, or, for a
 * view of more than {@value CellStates#MAX_CELLS} addresses, one cell per child block. Immutable; built off
 * the JavaFX thread, row labels included, so drawing never formats an address.
 */
public sealed interface GridContent permits GridContent.Addresses, GridContent.Blocks {

    /** Row labels are kept for every {@value} cells (rows hold a multiple of this many cells). */
    int LABEL_STRIDE = 16;

    Subnet subnet();

    /** The part of the subnet shown (the subnet itself, or a block inside it). */
    Cidr view();

    /** How many cells. */
    int size();

    /** The addresses behind cell {@code index}: one address, or a whole block. */
    IpRange range(int index);

    /** The text of the row that starts at {@code index} (a multiple of {@link #LABEL_STRIDE}, or 0). */
    String rowLabel(int index);

    /** The longest row label, in characters (for the width of the label column). */
    int longestLabel();

    /** The index of the cell that holds {@code ip}, or -1. */
    int indexOf(Ip ip);

    /** One cell per address of {@code view} (at most 65,536). */
    record Addresses(Subnet subnet, Cidr view, CellStates states, Map<CellState, Integer> counts, String[] labels,
                     int longestLabel, GridSeen seen) implements GridContent {

        /**
         * Labels every row and counts the states; {@code seen} says which cells scans and lease files saw; for the
         * background thread.
         */
        public static Addresses of(Subnet subnet, Cidr view, CellStates states, GridSeen seen) {
            String[] labels = new String[(states.size() + LABEL_STRIDE - 1) / LABEL_STRIDE];
            int longest = 0;
            BigInteger start = view.first().value();
            for (int i = 0; i < labels.length; i++) {
                labels[i] = new Ip(view.version(), start.add(BigInteger.valueOf((long) i * LABEL_STRIDE))).toString();
                longest = Math.max(longest, labels[i].length());
            }
            Map<CellState, Integer> counts = new EnumMap<>(CellState.class);
            for (CellState state : CellState.values()) {
                counts.put(state, 0);
            }
            counts.putAll(states.counts());
            return new Addresses(subnet, view, states, Collections.unmodifiableMap(counts), labels, longest, seen);
        }

        @Override
        public int size() {
            return states.size();
        }

        public CellState state(int index) {
            return states.state(index);
        }

        public Ip ip(int index) {
            return states.ip(index);
        }

        @Override
        public IpRange range(int index) {
            return IpRange.of(ip(index));
        }

        @Override
        public String rowLabel(int index) {
            return labels[index / LABEL_STRIDE];
        }

        @Override
        public int indexOf(Ip ip) {
            return states.indexOf(ip);
        }
    }

    /** One cell per child block of {@code view} (256 blocks of prefix {@code view.prefix + 8}). */
    record Blocks(Subnet subnet, Cidr view, int childPrefix, List<BlockUsage> blocks, byte[] levels,
                  Map<BlockLevel, Integer> counts, String[] labels, int longestLabel, String[] names,
                  String[] percents) implements GridContent {

        /** Grades every block and labels every row; for the background thread. */
        public static Blocks of(Subnet subnet, Cidr view, int childPrefix, List<BlockUsage> blocks) {
            byte[] levels = new byte[blocks.size()];
            Map<BlockLevel, Integer> counts = new EnumMap<>(BlockLevel.class);
            for (BlockLevel level : BlockLevel.values()) {
                counts.put(level, 0);
            }
            for (int i = 0; i < levels.length; i++) {
                BlockLevel level = BlockLevel.of(blocks.get(i));
                levels[i] = level.code();
                counts.merge(level, 1, Integer::sum);
            }
            String[] labels = new String[(blocks.size() + LABEL_STRIDE - 1) / LABEL_STRIDE];
            int longest = 0;
            for (int i = 0; i < labels.length; i++) {
                labels[i] = blocks.get(i * LABEL_STRIDE).block().toString();
                longest = Math.max(longest, labels[i].length());
            }
            String[] names = new String[blocks.size()];
            String[] percents = new String[blocks.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = blocks.get(i).block().toString();
                percents[i] = GridText.percent(blocks.get(i));
            }
            return new Blocks(subnet, view, childPrefix, List.copyOf(blocks), levels,
                    Collections.unmodifiableMap(counts), labels, longest, names, percents);
        }

        @Override
        public int size() {
            return blocks.size();
        }

        public BlockUsage block(int index) {
            return blocks.get(index);
        }

        /** "10.3.0.0/16". */
        public String name(int index) {
            return names[index];
        }

        /** "12.5%", as the cell shows it. */
        public String percent(int index) {
            return percents[index];
        }

        public BlockLevel level(int index) {
            return BlockLevel.ofCode(levels[index]);
        }

        @Override
        public IpRange range(int index) {
            return blocks.get(index).block().range();
        }

        @Override
        public String rowLabel(int index) {
            return labels[index / LABEL_STRIDE];
        }

        @Override
        public int indexOf(Ip ip) {
            if (!view.contains(ip)) {
                return -1;
            }
            int shift = view.version().bits() - childPrefix;
            return ip.value().subtract(view.first().value()).shiftRight(shift).intValueExact();
        }
    }
}
