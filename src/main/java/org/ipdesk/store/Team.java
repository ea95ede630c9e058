package org.ipdesk.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An optional capability of an open {@link Database} ({@link Database#team()}): the members of a team database and
 * their roles, which the server itself enforces (GRANTs), so a client with the same login and psql cannot get around
 * them. A team database (PostgreSQL) has it; a database file has none.
 */
public interface Team {
    /** What a file says when asked for members or roles. */
    String NONE = "a database file has no members; roles are for team databases (--db postgresql://...)";

    /** A member's role, the least first. {@link #OWNER} is not granted: it is the database's owner (or a superuser). */
    enum Role {
        VIEWER("viewer", "reads everything, changes nothing"),
        EDITOR("editor", "also changes addresses and ranges"),
        ADMIN("admin", "also changes networks and subnets, and manages the members"),
        OWNER("owner", "owns the database: everything, and team init");

        private final String word;
        private final String may;

        Role(String word, String may) {
            this.word = word;
            this.may = may;
        }

        /** "viewer", "editor", "admin", "owner". */
        public String word() {
            return word;
        }

        /** What this role may do, in a few words. */
        public String may() {
            return may;
        }

        /** "a viewer", "an editor", "an admin", "the owner". */
        public String withArticle() {
            return switch (this) {
                case VIEWER -> "a viewer";
                case EDITOR -> "an editor";
                case ADMIN -> "an admin";
                case OWNER -> "the owner";
            };
        }

        /** Whether this role may make {@code change}. */
        public boolean may(Change change) {
            return switch (this) {
                case VIEWER -> false;
                case EDITOR -> change == Change.ADDRESSES || change == Change.RANGES;
                case ADMIN, OWNER -> true;
            };
        }

        /** The role a user may be granted: viewer, editor or admin (any case); anything else is refused by name. */
        public static Role grantable(String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            for (Role role : List.of(VIEWER, EDITOR, ADMIN)) {
                if (role.word.equals(word)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a team role; choose viewer, editor or admin");
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** What a member changes, as the roles divide it. */
    enum Change {
        ADDRESSES("addresses"), RANGES("ranges"), NETWORKS("networks"), SUBNETS("subnets"), MEMBERS("the members");

        private final String words;

        Change(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * Why {@code user}, with {@code role} (empty: none), may not make {@code change} in a team database: the words of
     * a write the server refused, and what a command its role cannot run says ("alice is a viewer of this team
     * database: viewers may not change addresses"). Empty when the role may make it.
     */
    static Optional<String> refusal(String user, Optional<Role> role, Change change) {
        if (role.isEmpty()) {
            return Optional.of(user + " has no role in this team database: ask its owner or an admin for one (ipdesk"
                    + " team grant " + user + " viewer|editor|admin)");
        }
        Role r = role.get();
        if (r.may(change)) {
            return Optional.empty();
        }
        String who = user + " is " + r.withArticle() + " of this team database: ";
        if (change == Change.MEMBERS) {
            return Optional.of(who + "only its admins and its owner manage the members");
        }
        return Optional.of(who + (r == Role.VIEWER ? "viewers may not change " + change
                : "editors may change addresses and ranges, not " + change));
    }

    /** A user of the team database and its role. */
    record Member(String user, Role role) {
    }

    /**
     * Makes the database a team database: its three roles (named after the database, as roles are shared by every
     * database of a server) and their GRANTs. Run by the database's owner; running it again changes nothing more.
     *
     * @return the server's names of the viewer, editor and admin roles
     */
    List<String> init();

    /** Gives {@code user} (an existing PostgreSQL login) the {@code role}, in place of any role it had. */
    void grant(String user, Role role);

    /** Takes {@code user}'s role away; returns the role it had. */
    Role revoke(String user);

    /** The owner, then every member with its role, by name. */
    List<Member> members();

    /** The connected user, as the server knows it ({@code session_user}). */
    String user();

    /** The connected user's role; empty when it has none (the database was never made a team database). */
    Optional<Role> role();

    /** "alice (editor)", for titles: the connected user and its role. */
    default String as() {
        return user() + role().map(r -> " (" + r.word() + ")").orElse("");
    }
}
