package org.ipdesk.store;

import java.nio.file.Path;
import java.util.Objects;

/** A database in one file on this machine (SQLite). */
public record FileLocation(Path file) implements Location {
    public FileLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
