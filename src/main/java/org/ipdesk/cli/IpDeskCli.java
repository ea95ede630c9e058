package org.ipdesk.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code ipdesk [--db FILE] COMMAND ...}. {@link #run} returns the exit code (0 done, 1 refused,
 * 2 usage error) and never exits the JVM, so tests call it in-process; {@link #main} exits with it.
 */
@Command(name = "ipdesk", mixinStandardHelpOptions = true, versionProvider = IpDeskCli.Version.class,
        description = "IPDesk, an IP address manager: networks, subnets, ranges and addresses in one SQLite file, "
                + "or in a team database on a PostgreSQL server.",
        footerHeading = "%n",
        footer = {"Without --db the database is ipdesk.db in the user's data folder ($XDG_DATA_HOME/ipdesk or "
                + "~/.local/share/ipdesk on Linux, %%APPDATA%%\\IPDesk on Windows, "
                + "~/Library/Application Support/IPDesk on macOS).",
                "Run 'ipdesk COMMAND --help' for the options of a command."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command was refused (the message says why); the database is unchanged",
                "2:usage error (unknown option, missing or malformed argument)"},
        // ---------------------------------------------------------------------------------------------
        // Every subcommand of `ipdesk` is registered here, and only here.
        // ---------------------------------------------------------------------------------------------
        subcommands = {
                CalcCommand.class,      // ipdesk calc CIDR
                NetworkCommand.class,   // ipdesk network add|list
                SubnetCommand.class,    // ipdesk subnet add|list|next-free
                RangeCommand.class,     // ipdesk range add
                IpCommand.class,        // ipdesk ip reserve|next|block|pair|release|list
                FindCommand.class,      // ipdesk find QUERY
                UsageCommand.class,     // ipdesk usage [NETWORK]
                ReportCommand.class,    // ipdesk report usage [NETWORK] --format F -o FILE
                ExportCommand.class,    // ipdesk export addresses [NETWORK [SUBNET]] --format F -o FILE; export database -o FILE
                DevCommand.class,       // ipdesk dev generate (test data)
                ImportCommand.class,    // ipdesk import FILE [--layout L] [--dry-run]
                BackupCommand.class,    // ipdesk backup FILE
                CopyCommand.class,      // ipdesk copy [--from LOCATION] --to LOCATION
                TeamCommand.class,      // ipdesk --db postgresql://... team init|grant|revoke|members
                ObserveCommand.class, // ipdesk observe FILE... [--format F] [--seen-at TIME]
                ReconcileCommand.class, // ipdesk reconcile [NETWORK|CIDR] [--apply ACTION,...]
        })
public final class IpDeskCli implements Runnable {
    static final int REFUSED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    /**
     * The database: a file, or a team database's {@code postgresql://} URL; inherited by every subcommand, so it may
     * come before or after the command name.
     */
    @Option(names = "--db", paramLabel = "FILE|URL", scope = ScopeType.INHERIT,
            description = "The database file (only network add and import create a missing one), or a team database "
                    + "on a PostgreSQL server: postgresql://[user@]host[:port]/dbname[?sslmode=MODE] (the password "
                    + "comes from ~/.pgpass, or the system keyring when the window remembered it). Default: ipdesk.db in the user's data folder.")
    Location db;

    /** Shows the stack trace of an internal error (IPDESK_DEBUG=1 in the environment does the same). */
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an internal error, print its stack trace too (or set IPDESK_DEBUG=1).")
    boolean debug;

    /** The standard output as bytes, for {@code -o -} (see {@link Output}), and whether it is a terminal. */
    PrintStream stdout = System.out;
    boolean stdoutIsTerminal;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, out == System.out && System.console() != null);
    }

    /** {@link #run(String[], PrintStream, PrintStream)}, saying whether {@code out} is a terminal. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean outIsTerminal) {
        CommandLine cli = commandLine();
        IpDeskCli root = cli.getCommand();
        root.stdout = out;
        root.stdoutIsTerminal = outIsTerminal;
        return run(cli, args, out, err);
    }

    /**
     * Runs {@code args} on a configured command tree. A failure that escapes picocli's handlers (an {@link Error}
     * such as running out of memory) is reported like any internal error: one line, exit 1.
     */
    static int run(CommandLine cli, String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = writer(out);
        PrintWriter errWriter = writer(err);
        try {
            cli.setOut(outWriter);
            cli.setErr(errWriter);
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            return internalError(e, errWriter, debugWanted(cli));
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The configured command tree (error handling, case rules), without output streams. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new IpDeskCli());
        cli.setExecutionExceptionHandler(REFUSALS);
        cli.setParameterExceptionHandler(USAGE_ERRORS);
        cli.registerConverter(Integer.class, text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(Integer.TYPE, text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(Long.class, text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(Long.TYPE, text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(Location.class, IpDeskCli::location);
        return cli;
    }

    /**
     * A whole number written with the ASCII digits 0-9 (Java's own parsing also reads Arabic-Indic, full-width and
     * other Unicode digits, which an admin never means to type into a count or a prefix length).
     */
    static long wholeNumber(String text, long min, long max) {
        String trimmed = text.strip();
        if (!trimmed.matches("[+-]?[0-9]{1,19}")) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number (digits 0-9 only)");
        }
        try {
            long value = Long.parseLong(trimmed);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is too large; the most is " + max);
        }
    }

    /** The value of {@code --db}: a file path, or a server location whose problems {@link ServerLocation#parse} names. */
    static Location location(String text) {
        try {
            return Location.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Refusals (the allocator's rules, database problems, malformed values such as a CIDR with host bits set or
     * an unknown status) are reported in one line. Anything else is a bug: one line that says so, and its stack
     * trace only with --debug or IPDESK_DEBUG=1. Either way the message is {@linkplain TerminalText#message escaped}.
     */
    private static final IExecutionExceptionHandler REFUSALS = (ex, commandLine, parseResult) -> {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof AllocatorException || ex instanceof StoreException || ex instanceof IllegalArgumentException) {
            err.println("ipdesk: " + TerminalText.message(ex.getMessage()));
            err.flush();
            return REFUSED;
        }
        return internalError(ex, err, debugWanted(commandLine));
    };

    /** "ipdesk: internal error: MESSAGE (a bug in IPDesk; ...)", then the stack trace when asked; exit 1. */
    private static int internalError(Throwable failure, PrintWriter err, boolean debug) {
        String what = failure instanceof OutOfMemoryError
                ? "out of memory" + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                : failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        err.println("ipdesk: internal error: " + TerminalText.message(what) + " (a bug in IPDesk; please report it. "
                + "Run again with --debug or IPDESK_DEBUG=1 for the details)");
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return REFUSED;
    }

    /** Whether --debug was given (on any command) or IPDESK_DEBUG is set to 1, true or yes. */
    private static boolean debugWanted(CommandLine commandLine) {
        Object root = commandLine.getCommandSpec().root().userObject();
        String env = System.getenv("IPDESK_DEBUG");
        return root instanceof IpDeskCli cli && cli.debug
                || env != null && Set.of("1", "true", "yes").contains(env.strip().toLowerCase(Locale.ROOT));
    }

    /** Usage errors: the message, suggestions for a mistyped name, and where to find help; no usage dump. */
    private static final IParameterExceptionHandler USAGE_ERRORS = (ex, args) -> {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("ipdesk: " + TerminalText.message(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    };

    /** A writer that leaves the encoding to the print stream (the console's, or UTF-8 in tests). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.print(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    /** The version from the jar's Maven metadata, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = IpDeskCli.class.getPackage().getImplementationVersion();
            if (version == null) {
                try (var in = IpDeskCli.class.getResourceAsStream("/META-INF/maven/org.ipdesk/ipdesk/pom.properties")) {
                    if (in != null) {
                        java.util.Properties properties = new java.util.Properties();
                        properties.load(in);
                        version = properties.getProperty("version");
                    }
                } catch (java.io.IOException e) {
                    version = null;
                }
            }
            return new String[] {"IPDesk " + (version == null ? "(development build)" : version)};
        }
    }
}
