package org.ipdesk.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;

/**
 * Where IPDesk keeps its data: {@code $XDG_DATA_HOME/ipdesk} or {@code ~/.local/share/ipdesk} on Linux,
 * {@code %APPDATA%\IPDesk} on Windows, {@code ~/Library/Application Support/IPDesk} on macOS.
 */
public final class DataLocation {
    public static final String DEFAULT_FILE_NAME = "ipdesk.db";

    private DataLocation() {
    }

    public static Path dataFolder() {
        return dataFolder(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path dataFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "IPDesk")
                    : home.resolve("AppData").resolve("Roaming").resolve("IPDesk");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("IPDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "ipdesk");
        }
        return home.resolve(".local").resolve("share").resolve("ipdesk");
    }

    public static Path defaultDatabase() {
        return dataFolder().resolve(DEFAULT_FILE_NAME);
    }

    /** {@link #defaultDatabase()} as a {@link Location}. */
    public static FileLocation defaultLocation() {
        return Location.of(defaultDatabase());
    }
}
