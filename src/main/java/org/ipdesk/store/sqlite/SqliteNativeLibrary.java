package org.ipdesk.store.sqlite;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The SQLite driver's native library, for a launcher that keeps a copy of it: the driver otherwise unpacks it into
 * the temporary folder at every start and reads it back byte by byte to check it. Small and free of lambdas and
 * {@code +} concatenation, since a launcher's first JVM loads it before anything else.
 */
public final class SqliteNativeLibrary {

    private SqliteNativeLibrary() {
    }

    /**
     * Where the driver keeps its library for this machine inside its jar, as a resource name
     * ({@code org/sqlite/native/Linux/x86_64/libsqlitejdbc.so}); empty when it has none for this machine. Asking
     * costs the driver's look at the system (on Linux it runs {@code uname}), so callers keep the answer.
     */
    public static Optional<String> resource() {
        try {
            String folder = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath();
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            return org.sqlite.util.LibraryLoaderUtil.hasNativeLib(folder, name)
                    ? Optional.of(folder.substring(1).concat("/").concat(name)) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * The JVM options that make the driver load its library from {@code library}. A copy that does not load is
     * skipped by the driver, which then unpacks its own as usual.
     */
    public static List<String> loadFrom(Path library) {
        return List.of("-Dorg.sqlite.lib.path=".concat(library.toAbsolutePath().getParent().toString()),
                "-Dorg.sqlite.lib.name=".concat(library.getFileName().toString()));
    }
}
