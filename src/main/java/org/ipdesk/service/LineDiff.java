package org.ipdesk.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence: the common head and tail are matched first, the middle by the classic
 * table when it is small enough (at most {@link #TABLE_LIMIT} cells), else the whole middle counts as replaced.
 */
final class LineDiff {
    static final long TABLE_LIMIT = 4_000_000L;

    private LineDiff() {
    }

    static ServiceDiff diff(String name, Path path, boolean exists, List<String> before, List<String> after) {
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<String> a = before.subList(head, before.size() - tail);
        List<String> b = after.subList(head, after.size() - tail);
        List<ServiceDiff.Line> lines = new ArrayList<>();
        int[] counts = new int[3];
        if ((long) a.size() * b.size() <= TABLE_LIMIT) {
            table(a, b, head, lines, counts);
        } else {
            hunk(a, 0, a.size(), b, 0, b.size(), head, lines, counts);
        }
        return new ServiceDiff(name, path, exists, counts[0], counts[1], counts[2], lines);
    }

    /** LCS table over the middle; walks it forward and reports each run of unmatched lines as one hunk. */
    private static void table(List<String> a, List<String> b, int offset, List<ServiceDiff.Line> lines, int[] counts) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int runA = 0;
        int runB = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                hunk(a, runA, i, b, runB, j, offset, lines, counts);
                i++;
                j++;
                runA = i;
                runB = j;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        hunk(a, runA, n, b, runB, m, offset, lines, counts);
    }

    /** Lines a[fromA, toA) replaced by b[fromB, toB): the pairs count as changed, the rest as removed or added. */
    private static void hunk(List<String> a, int fromA, int toA, List<String> b, int fromB, int toB, int offset,
                             List<ServiceDiff.Line> lines, int[] counts) {
        int removed = toA - fromA;
        int added = toB - fromB;
        int changed = Math.min(removed, added);
        counts[2] += changed;
        counts[1] += removed - changed;
        counts[0] += added - changed;
        for (int k = fromA; k < toA; k++) {
            lines.add(new ServiceDiff.Line(ServiceDiff.Kind.REMOVED, offset + k + 1, a.get(k)));
        }
        for (int k = fromB; k < toB; k++) {
            lines.add(new ServiceDiff.Line(ServiceDiff.Kind.ADDED, offset + k + 1, b.get(k)));
        }
    }
}
