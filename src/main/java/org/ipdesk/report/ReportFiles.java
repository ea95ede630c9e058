package org.ipdesk.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.store.OutputTargets;

/**
 * Writes an export so that the chosen file is either the complete export or untouched: the content goes to a
 * temporary file in the same folder, which replaces the target (atomically where the file system allows) only when
 * the writer finished. On cancellation or failure the temporary file is deleted and an existing target stays as it
 * was. The target passes {@link OutputTargets}' guard first and again before the move: an open database, another
 * database, a folder, a device or a pipe is never replaced.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Refuses (IllegalArgumentException, with a message for the user) every target that {@link OutputTargets#check}
     * refuses: a folder that does not exist, a folder, a device or pipe, a database. Callers may check before they do
     * the work; {@link #write} checks again.
     */
    public static void checkTarget(Path target) {
        OutputTargets.check(target);
    }

    /** Writes the content of an export to a stream. The stream may be closed or left open. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out, ExportMonitor monitor) throws IOException;
    }

    /**
     * Writes {@code body} to {@code target} (through a symbolic link, to the file it leads to). Refuses
     * (IllegalArgumentException) what {@link #checkTarget} refuses. Throws
     * {@link java.util.concurrent.CancellationException} when cancelled.
     */
    public static void write(Path target, Body body, ExportMonitor monitor) throws IOException {
        Path real = OutputTargets.check(target);
        Path temp = OutputTargets.temporaryBeside(real, ".part");
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                body.write(new KeepOpen(out), monitor);
                monitor.checkCancelled();
            }
            OutputTargets.moveIntoPlace(temp, target, OutputTargets.IfDatabase.REFUSE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes {@code body} to a stream that stays open (standard output), flushed at the end. Throws
     * {@link java.util.concurrent.CancellationException} when cancelled.
     */
    public static void writeTo(OutputStream target, Body body, ExportMonitor monitor) throws IOException {
        OutputStream out = new BufferedOutputStream(target);
        body.write(new KeepOpen(out), monitor);
        monitor.checkCancelled();
        out.flush();
    }

    /** Lets a library close "its" stream (OpenPDF, CSVPrinter do) without closing the file under it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
