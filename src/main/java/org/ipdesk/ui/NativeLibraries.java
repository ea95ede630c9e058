package org.ipdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ipdesk.store.NativeLibrary;

/**
 * Makes the natives folder of {@link SharedClassArchive#nativesFolder}: JavaFX's native libraries (the jar's
 * top-level {@code lib*.so} files), the SQLite driver's library for this machine and a link to the jar, made in a
 * private partial folder and moved into place whole, so a start that is killed half-way leaves nothing a later start
 * would use.
 */
final class NativeLibraries {

    /** The name of SQLite's native library in the natives folder. */
    static final String SQLITE_LIBRARY = "libsqlitejdbc.so";

    private NativeLibraries() {
    }

    /**
     * Makes {@code natives} from {@code jar}; empty when the jar has no JavaFX libraries or anything fails, and then
     * a marker ({@link #marker}) spares later starts of the same jar the attempt.
     */
    static Optional<Path> unpack(Path jar, Path cache, Path natives) {
        Path partial = cache.resolve(natives.getFileName() + "-" + ProcessHandle.current().pid() + ".partial");
        try {
            Files.createDirectories(cache);
            Files.createDirectory(partial);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                int javafx = 0;
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    boolean topLevelLibrary = name.indexOf('/') < 0 && name.startsWith("lib") && name.endsWith(".so");
                    if (!entry.isDirectory() && topLevelLibrary) {
                        copy(zip, entry, partial.resolve(name));
                        javafx++;
                    }
                }
                if (javafx == 0) {
                    throw new IOException("no JavaFX libraries in " + jar);
                }
                Optional<String> sqlite = NativeLibrary.resource();
                if (sqlite.isPresent() && zip.getEntry(sqlite.get()) != null) {
                    copy(zip, zip.getEntry(sqlite.get()), partial.resolve(SQLITE_LIBRARY));
                }
            }
            Files.createSymbolicLink(partial.resolve(jar.getFileName()), jar);
            try {
                Files.move(partial, natives, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(natives)) {
                    throw e;
                }
                // another start of the same jar made it first (Linux says "Directory not empty", no subclass)
                CacheFiles.deleteTree(partial);
            }
            return Files.isRegularFile(natives.resolve(jar.getFileName())) ? Optional.of(natives) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            try {
                CacheFiles.deleteTree(partial);
                Files.writeString(marker(natives), String.valueOf(e.getMessage()));
            } catch (IOException ignored) {
                // the next start tries again
            }
            return Optional.empty();
        }
    }

    /**
     * The file that says {@code natives} could not be made from its jar: {@code natives-KEY.none}. On the launcher's
     * path to the window's JVM, so no {@code +} (see {@link SharedClassArchive}).
     */
    static Path marker(Path natives) {
        return natives.resolveSibling(natives.getFileName().toString().concat(".none"));
    }

    private static void copy(ZipFile zip, ZipEntry entry, Path target) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
        }
    }

    /**
     * Removes natives folders of other jars beyond the {@code kept} newest, partial folders whose start has ended
     * and the markers of other jars; {@code keep} stays.
     */
    static void forgetOld(Path cache, Path keep, int kept) throws IOException {
        List<Path> folders;
        try (Stream<Path> files = Files.list(cache)) {
            folders = files.filter(file -> file.getFileName().toString().startsWith("natives-")).toList();
        }
        List<Path> whole = new ArrayList<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (name.endsWith(".none")) {
                if (!folder.equals(marker(keep))) {
                    Files.deleteIfExists(folder);
                }
            } else if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            } else if (name.endsWith(".partial")) {
                if (!CacheFiles.startAlive(name, ".partial")) {
                    CacheFiles.deleteTree(folder);
                }
            } else if (!folder.equals(keep)) {
                whole.add(folder);
            }
        }
        CacheFiles.keepNewest(whole, kept - 1);
    }
}
