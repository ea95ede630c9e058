package org.ipdesk.store;

import java.nio.file.Path;

/**
 * Where a database lives: a file today ({@link FileLocation}, the SQLite engine); a server URL is the next kind.
 * {@link Database#open(Location, OpenMode)} picks the engine from it, so nothing above the store needs to know which
 * engine it talks to.
 */
public sealed interface Location permits FileLocation {

    /** The location of a database file. */
    static FileLocation of(Path file) {
        return new FileLocation(file);
    }

    /** The short name of the database, for window titles (a file's name without its folder). */
    String name();

    /** How the location reads in messages and titles (a file's path as given). */
    @Override
    String toString();
}
