package org.ipdesk.report;

/** Told how far an export is: {@code done} of {@code total} rows. The GUI passes its task's updateProgress. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(long done, long total);
}
