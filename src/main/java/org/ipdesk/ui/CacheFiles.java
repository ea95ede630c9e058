package org.ipdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Housekeeping of the cache folder that {@link SharedClassArchive} keeps its archives and
 * {@link NativeLibraries} its natives folders in: keeping the newest, telling a start that still runs from one that
 * was killed, and removing a folder whole. Used after the window's JVM has ended or on a jar's first start, never on
 * the way to the window.
 */
final class CacheFiles {

    private CacheFiles() {
    }

    /** Deletes all but the {@code kept} newest of {@code paths}, files or folders (by their modification time). */
    static void keepNewest(List<Path> paths, int kept) throws IOException {
        List<Path> newestFirst = new ArrayList<>(paths);
        newestFirst.sort(Comparator.comparingLong((Path path) -> path.toFile().lastModified()).reversed());
        for (Path old : newestFirst.subList(Math.min(newestFirst.size(), kept), newestFirst.size())) {
            deleteTree(old);
        }
    }

    /**
     * Whether the start that writes {@code name} is still running: a recording ({@code classes-KEY-PID.recording})
     * or a natives folder being made ({@code natives-KEY-PID.partial}); {@code suffix} is the part after the PID.
     */
    static boolean startAlive(String name, String suffix) {
        String pid = name.substring(name.lastIndexOf('-') + 1, name.length() - suffix.length());
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes a folder (or a file) and what is in it; a link is removed, never followed. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
