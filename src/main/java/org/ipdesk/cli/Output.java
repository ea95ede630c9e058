package org.ipdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.ReportFiles;
import org.ipdesk.store.TargetRefusedException;

/**
 * The {@code -o FILE} of the commands that write a file ({@code export}, {@code report}): a file, written whole
 * through {@link ReportFiles} and its guard (never the open database, another database, a folder, a device or a
 * pipe), or, for {@code -o -}, standard output. With standard output the summary ("Wrote 12 addresses") goes to
 * standard error, so that standard output holds only the content, and a binary format (XLSX, PDF) is refused when
 * standard output is a terminal.
 */
final class Output {
    private Output() {
    }

    /** True for {@code -o -}; a file named "-" is written as {@code -o ./-}. */
    static boolean isStandardOutput(Path output) {
        return output.toString().equals("-");
    }

    /**
     * Refuses, before any work, what cannot be written: a binary format to a terminal, a missing folder, a folder,
     * a device or a pipe. The write checks the file again, with the database open; that check also refuses databases.
     */
    static void check(CliCommand command, Path output, String format, boolean binary) {
        if (isStandardOutput(output)) {
            if (binary && root(command).stdoutIsTerminal) {
                throw new IllegalArgumentException("refusing to write " + format + " to the terminal; redirect the "
                        + "output (-o - > FILE, or | a program) or give -o FILE");
            }
        } else {
            try {
                ReportFiles.checkTarget(output);
            } catch (TargetRefusedException e) {
                if (e.reason() != TargetRefusedException.Reason.DATABASE
                        && e.reason() != TargetRefusedException.Reason.DATABASE_PART) {
                    throw e;
                }
                // a database: refused by the write all the same, which runs with the database open and so can say
                // whether it is the open one
            }
        }
    }

    /** Writes {@code body} to the file or to standard output. */
    static void write(CliCommand command, Path output, ReportFiles.Body body) {
        if (isStandardOutput(output)) {
            PrintStream stdout = root(command).stdout;
            try {
                ReportFiles.writeTo(stdout, body, ExportMonitor.NONE);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write to standard output: " + e.getMessage(), e);
            }
            if (stdout.checkError()) {
                throw new IllegalArgumentException("cannot write to standard output (closed, or the disk is full)");
            }
            return;
        }
        try {
            ReportFiles.write(output, body, ExportMonitor.NONE);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /** Where the summary line goes: standard error when the content went to standard output. */
    static PrintWriter summary(CliCommand command, Path output) {
        return isStandardOutput(output) ? command.spec.commandLine().getErr() : command.out();
    }

    /** "standard output", or the file as given. */
    static String name(Path output) {
        return isStandardOutput(output) ? "standard output" : output.toString();
    }

    private static IpDeskCli root(CliCommand command) {
        Object root = command.spec.root().userObject();
        if (root instanceof IpDeskCli cli) {
            return cli;
        }
        IpDeskCli standalone = new IpDeskCli();
        standalone.stdoutIsTerminal = System.console() != null;
        return standalone;
    }
}
