package org.ipdesk.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an export so that the chosen file is either the complete export or untouched: the content goes to a
 * temporary file in the same folder, which replaces the target (atomically where the file system allows) only when
 * the writer finished. On cancellation or failure the temporary file is deleted and an existing target stays as it
 * was.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Refuses (IllegalArgumentException, with a message for the user) a target whose folder does not exist or that
     * is a folder. Callers may check before they do the work; {@link #write} checks again.
     */
    public static void checkTarget(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write " + target + ": the folder " + folder
                    + " does not exist; create it first");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("cannot write " + target + ": it is a folder; give a file name");
        }
    }

    /** Writes the content of an export to a stream. The stream may be closed or left open. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out, ExportMonitor monitor) throws IOException;
    }

    /**
     * Writes {@code body} to {@code target}. Refuses (IllegalArgumentException) a target whose folder does not
     * exist or that is a folder. Throws {@link java.util.concurrent.CancellationException} when cancelled.
     */
    public static void write(Path target, Body body, ExportMonitor monitor) throws IOException {
        checkTarget(target);
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part");
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                body.write(new KeepOpen(out), monitor);
                monitor.checkCancelled();
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
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
