package org.ipdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every leaf command: its output streams and the database chosen with the global {@code --db}.
 * A command parses and checks all its values before it opens the database, so a malformed value never touches
 * the file.
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        execute();
        out().flush();
        return 0;
    }

    /** Does the work; a refusal is thrown (see {@link IpDeskCli}'s exception handler). */
    abstract void execute();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The database of the global {@code --db} option (a file or a team database's URL), or the default database. */
    Location database() {
        Object root = spec.root().userObject();
        if (root instanceof IpDeskCli cli && cli.db != null) {
            return cli.db;
        }
        return Location.of(DataLocation.defaultDatabase());
    }

    /**
     * Opens an existing database. A missing, empty or foreign file is refused rather than created or initialised,
     * and left unchanged, so a mistyped {@code --db} never leaves an empty database behind; only
     * {@link #createOrOpenAllocator()} makes a new file. A team database is opened on its server.
     */
    Allocator openAllocator() {
        Location location = database();
        if (location instanceof FileLocation file && !Files.exists(file.file())) {
            throw new IllegalArgumentException("there is no database at " + file.file().toAbsolutePath().normalize()
                    + "; check the path, or create one with 'ipdesk --db FILE network add NAME'");
        }
        return Allocator.open(location, OpenMode.EXISTING, credentials());
    }

    /**
     * Opens the database, creating the file (owner-only) when it does not exist yet, or initialising an empty one;
     * a team database is opened on its server.
     */
    Allocator createOrOpenAllocator() {
        return Allocator.open(database(), OpenMode.CREATE, credentials());
    }

    /**
     * Where a team database's password comes from on the command line: the one the window remembered in the system
     * keyring, else none from IPDesk, so the PostgreSQL driver reads {@code ~/.pgpass} itself. The keyring is only
     * looked for when a server asks for a password.
     */
    Credentials credentials() {
        return PasswordKeyring.forUser().credentials();
    }

    /** The subnet of {@code cidr}, in {@code network} when given (needed when the CIDR exists in several networks). */
    static Subnet subnet(Allocator allocator, Cidr cidr, String network) {
        return allocator.findSubnet(cidr, Optional.ofNullable(network).filter(n -> !n.isBlank()));
    }

    void printJson(Object value) {
        out().println(Json.write(value));
    }

    /** Prints a line that holds values from the database or the user, {@linkplain TerminalText#escape escaped}. */
    void say(String line) {
        out().println(TerminalText.escape(line));
    }
}
