package org.ipdesk.cli;

import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.Team;
import org.ipdesk.store.Team.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;

/** {@code ipdesk --db postgresql://... team init|grant|revoke|members}: the members of a team database. */
@Command(name = "team", mixinStandardHelpOptions = true,
        description = {"The members of a team database (--db postgresql://...) and their roles, which the PostgreSQL"
                + " server enforces: a viewer reads, an editor also changes addresses and ranges, an admin also"
                + " networks and subnets, and manages the members. A database file has no members."},
        subcommands = {TeamCommand.Init.class, TeamCommand.Grant.class, TeamCommand.Revoke.class,
                TeamCommand.Members.class})
final class TeamCommand implements Runnable {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The base of the team commands: the team database of {@code --db}; a file is refused before it is opened. */
    abstract static class TeamLeaf extends CliCommand {
        /** The team database, opened; a file is refused with {@link Team#NONE} and left untouched. */
        Allocator openTeam(OpenMode mode) {
            Location location = database();
            if (!(location instanceof ServerLocation)) {
                throw new IllegalArgumentException(location + ": " + Team.NONE);
            }
            return Allocator.open(location, mode, credentials());
        }

        static Team team(Allocator allocator) {
            return allocator.team().orElseThrow(() -> new StoreException(allocator.location() + ": " + Team.NONE));
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Makes the database a team database: creates IPDesk's tables when it is empty, and three"
                    + " roles named after the database (ipdesk_<db>_viewer, _editor, _admin) with their GRANTs. Run"
                    + " by the database's owner, who may create roles (CREATEROLE); running it again is harmless."})
    static final class Init extends TeamLeaf {
        @Override
        void execute() {
            try (Allocator allocator = openTeam(OpenMode.CREATE)) {
                List<String> roles = team(allocator).init();
                say("Team database " + allocator.location().name() + " is ready. Its roles on the server:");
                Table table = new Table("ROLE", "SERVER ROLE", "MAY");
                List<Role> kinds = List.of(Role.VIEWER, Role.EDITOR, Role.ADMIN);
                for (int i = 0; i < kinds.size(); i++) {
                    table.row(kinds.get(i).word(), roles.get(i), kinds.get(i).may());
                }
                table.print(out());
                say("Add members with: ipdesk --db " + allocator.location() + " team grant USER viewer|editor|admin");
            }
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = {"Gives USER (an existing PostgreSQL login) a role in the team database, in place of the"
                    + " one it had. Run by an admin or the owner."})
    static final class Grant extends TeamLeaf {
        @Parameters(index = "0", paramLabel = "USER", description = "The PostgreSQL user (login).")
        String user;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, editor or admin.")
        String role;

        @Override
        void execute() {
            Role wanted = Role.grantable(role);
            try (Allocator allocator = openTeam(OpenMode.EXISTING)) {
                team(allocator).grant(user, wanted);
                say(user + " is now " + wanted.withArticle() + " of " + allocator.location().name() + " ("
                        + wanted.may() + ").");
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Takes USER's role away; its next command is refused, also in a window it has open. Run by"
                    + " an admin or the owner."})
    static final class Revoke extends TeamLeaf {
        @Parameters(index = "0", paramLabel = "USER", description = "The PostgreSQL user (login).")
        String user;

        @Override
        void execute() {
            try (Allocator allocator = openTeam(OpenMode.EXISTING)) {
                Role had = team(allocator).revoke(user);
                say(user + " is no longer " + had.withArticle() + " of " + allocator.location().name()
                        + "; it has no role there now.");
            }
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = {"Lists the owner and the members of the team database with their roles."})
    static final class Members extends TeamLeaf {
        @Override
        void execute() {
            try (Allocator allocator = openTeam(OpenMode.EXISTING)) {
                Table table = new Table("USER", "ROLE", "MAY");
                for (Team.Member member : team(allocator).members()) {
                    table.row(member.user(), member.role().word(), member.role().may());
                }
                table.print(out());
            }
        }
    }
}
