package org.ipdesk.store;

import java.nio.file.Path;

/**
 * A file IPDesk was asked to write and will not: the open database, another database, something that is not a
 * regular file, a folder that does not exist (see {@link OutputTargets}). The message names the file and the reason
 * for the user; {@link #reason()} lets a caller add what it knows (the CLI's backup names its {@code --replace}).
 */
public final class TargetRefusedException extends IllegalArgumentException {
    /** Why a target was refused. */
    public enum Reason {
        /** Its folder does not exist. */
        MISSING_FOLDER,
        /** It is a folder. */
        FOLDER,
        /** It is a device, a named pipe, a socket, or a symbolic link that leads nowhere. */
        NOT_A_REGULAR_FILE,
        /** It is a database this process has open, or that database's -wal, -shm or -journal file. */
        OPEN_DATABASE,
        /** It is an SQLite database, and the caller did not say that replacing one is wanted. */
        DATABASE,
        /** It is the -wal, -shm or -journal file of an SQLite database. */
        DATABASE_PART,
        /** It exists but cannot be read, so what it is cannot be checked. */
        UNCHECKABLE,
        /** Its name is longer than a file system takes (255 bytes; on Windows 255 characters). */
        NAME_TOO_LONG
    }

    private final transient Path target;
    private final Reason reason;
    private final String why;

    TargetRefusedException(Path target, Reason reason, String why) {
        super("cannot write " + target + ": " + why);
        this.target = target;
        this.reason = reason;
        this.why = why;
    }

    /** The file as the caller named it. */
    public Path target() {
        return target;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason in words, without the file: "it is a folder; give a file name". */
    public String why() {
        return why;
    }
}
