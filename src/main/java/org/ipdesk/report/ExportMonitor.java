package org.ipdesk.report;

import java.util.concurrent.CancellationException;

/** What an exporter reports its rows to: progress goes out, a cancellation comes back as an exception. */
public final class ExportMonitor {
    public static final ExportMonitor NONE = new ExportMonitor(Cancellation.NEVER, Progress.NONE);

    private final Cancellation cancellation;
    private final Progress progress;

    public ExportMonitor(Cancellation cancellation, Progress progress) {
        this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** Reports {@code done} of {@code total} rows, then stops the export if it was cancelled. */
    public void step(long done, long total) {
        progress.update(done, total);
        checkCancelled();
    }

    /** Throws {@link CancellationException} when the export was cancelled. */
    public void checkCancelled() {
        if (cancellation.isCancelled()) {
            throw new CancellationException("the export was cancelled");
        }
    }
}
