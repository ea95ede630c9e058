package org.ipdesk.store;

import java.nio.file.Path;

/**
 * Where a database lives: a file ({@link FileLocation}, the SQLite engine) or a PostgreSQL server
 * ({@link ServerLocation}, the team engine).
 * {@link Database#open(Location, OpenMode)} picks the engine from it, so nothing above the store needs to know which
 * engine it talks to.
 */
public sealed interface Location permits FileLocation, ServerLocation {

    /** The location of a database file. */
    static FileLocation of(Path file) {
        return new FileLocation(file);
    }

    /**
     * What the user wrote after {@code --db} or in a recent entry: a server location when it starts with
     * {@code postgresql://} (see {@link ServerLocation#parse}), else a file path.
     */
    static Location parse(String text) {
        if (ServerLocation.isServer(text)) {
            return ServerLocation.parse(text);
        }
        return of(Path.of(text));
    }

    /** The short name of the database, for window titles (a file's name without its folder). */
    String name();

    /** How the location reads in messages and titles (a file's path as given). */
    @Override
    String toString();
}
