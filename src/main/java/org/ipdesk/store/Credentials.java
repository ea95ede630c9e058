package org.ipdesk.store;

import java.util.Optional;

/**
 * Where the password of a team database ({@link ServerLocation}) comes from: the OS keyring, a dialog, or nowhere,
 * in which case the PostgreSQL driver reads {@code PGPASSWORD} or {@code ~/.pgpass} itself. A file needs none.
 */
@FunctionalInterface
public interface Credentials {
    /** IPDesk supplies no password; the driver's own sources ({@code ~/.pgpass}, {@code PGPASSWORD}) apply. */
    Credentials NONE = location -> Optional.empty();

    /** The password for {@code location}, if this source has one. */
    Optional<char[]> password(ServerLocation location);
}
