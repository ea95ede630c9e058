package org.ipdesk.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ipdesk.store.sqlite.SqliteNativeLibrary;

/**
 * The database driver's native library, for a launcher that keeps a copy of it once instead of letting the driver
 * unpack one at every start (the window's launcher does, see {@code ui.SharedClassArchive}).
 */
public final class NativeLibrary {

    private NativeLibrary() {
    }

    /** Where the driver keeps its library for this machine inside the jar, as a resource name; empty when none. */
    public static Optional<String> resource() {
        return SqliteNativeLibrary.resource();
    }

    /** The JVM options that make the driver load its library from {@code library}, a copy of that resource. */
    public static List<String> loadFrom(Path library) {
        return SqliteNativeLibrary.loadFrom(library);
    }
}
