package org.ipdesk.model;

import java.time.Instant;

/**
 * One change-log row: when, which OS user, what action on which object, and the object's state before and after as
 * JSON ("" where there is none). {@code databaseUser} is who made it on a team database (the server's
 * {@code session_user}); it is empty for changes made on a database file, which knows only the OS user.
 */
public record Change(long id, Instant time, String user, ChangeAction action, String objectType, String objectKey,
                     String before, String after, String databaseUser) {

    /** Who made the change: the database user on a team database, else the OS user. */
    public String who() {
        return databaseUser.isEmpty() ? user : databaseUser;
    }

    /** How the History and the details name who made it: "alice", or "alice (OS user asmith)" where they differ. */
    public String byline() {
        return osUserBeside().map(os -> who() + " (OS user " + os + ")").orElse(who());
    }

    /** The OS user when it says more than {@link #who()} (a team database's change made from another OS account). */
    public java.util.Optional<String> osUserBeside() {
        return databaseUser.isEmpty() || databaseUser.equals(user) ? java.util.Optional.empty()
                : java.util.Optional.of(user);
    }
}
