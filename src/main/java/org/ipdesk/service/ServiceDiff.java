package org.ipdesk.service;

import java.nio.file.Path;
import java.util.List;

/**
 * How one generated file differs from the file now at its path (the last export to the same target): lines
 * added, removed and changed (a removed line and an added line at the same place count as one changed line), and the
 * differing lines themselves in file order. A file not there yet has every line added.
 */
public record ServiceDiff(String name, Path path, boolean exists, int added, int removed, int changed,
                          List<Line> lines) {

    /** A line that differs: removed from the file now there, or added by the new one; numbers count from 1. */
    public record Line(Kind kind, int number, String text) {
    }

    /** Which side a line is on. */
    public enum Kind {
        ADDED,
        REMOVED
    }

    public ServiceDiff {
        lines = List.copyOf(lines);
    }

    /** True when the new file is the same as the one there. */
    public boolean unchanged() {
        return exists && added == 0 && removed == 0 && changed == 0;
    }

    /** "3 lines added, 1 removed, 2 changed", "unchanged", "new file, 12 lines": for messages and the UI. */
    public String describe() {
        if (!exists) {
            return "new file, " + added + (added == 1 ? " line" : " lines");
        }
        if (unchanged()) {
            return "unchanged";
        }
        return added + (added == 1 ? " line" : " lines") + " added, " + removed + " removed, " + changed + " changed";
    }
}
