package org.ipdesk.observe;

import org.ipdesk.model.SourceKind;

/**
 * What reading one file came to: its kind, how many addresses it said were in use, how many lines it could not
 * read, and how many lines it has.
 */
public record ReadSummary(SourceKind kind, String file, long observations, long problems, long lines) {
    @Override
    public String toString() {
        return file + " (" + kind.words() + "): " + observations + (observations == 1 ? " address" : " addresses")
                + " in use, " + problems + (problems == 1 ? " problem" : " problems") + ", " + lines
                + (lines == 1 ? " line" : " lines");
    }
}
