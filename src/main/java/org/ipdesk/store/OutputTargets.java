package org.ipdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ipdesk.store.TargetRefusedException.Reason;

/**
 * The one guard of every file IPDesk writes (exports, reports, backups, settings): each writer asks
 * {@link #check} before it starts and moves its finished temporary file into place with {@link #moveIntoPlace},
 * which checks again. It refuses, with a message naming the file and the reason, to replace
 * <ul>
 *   <li>a database this process has open, or its {@code -wal}, {@code -shm} or {@code -journal} file, also when it
 *   is reached through a symbolic link or a hard link;</li>
 *   <li>any other SQLite database (its first 16 bytes are {@code "SQLite format 3\0"}), unless the caller says that
 *   replacing one is wanted ({@link IfDatabase#REPLACE}: backup {@code --replace}, or a save dialog that asked);
 *   and never a {@code NAME-wal}, {@code NAME-shm} or {@code NAME-journal} beside an SQLite file {@code NAME};</li>
 *   <li>anything that is not a regular file: a folder, a device, a named pipe, a socket (also through a symbolic
 *   link), or a symbolic link that leads nowhere;</li>
 *   <li>a file in a folder that does not exist, or whose name is longer than file systems take (255 bytes, on
 *   Windows 255 characters): said before any work, not when the finished file is moved into place.</li>
 * </ul>
 * A symbolic link to a regular file is written through: the file it leads to gets the new content and the link
 * stays. The databases this process has open are registered here by {@link Database}.
 */
public final class OutputTargets {
    /** What to do when the target is an SQLite database that is not open in this process. */
    public enum IfDatabase {
        /** Refuse it (exports, reports, settings, a backup without {@code --replace}). */
        REFUSE,
        /** Replace it: the user asked for that ({@code backup --replace}, a save dialog that asked). */
        REPLACE
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> DATABASE_PARTS = List.of("-wal", "-shm", "-journal");
    /** The longest file name file systems take: 255 bytes on Linux and macOS, 255 UTF-16 units on Windows. */
    static final int MAX_NAME = 255;
    /** How much of the target's name a temporary file's name keeps, in UTF-8 bytes. */
    private static final int TEMPORARY_NAME_KEPT = 100;
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /**
     * The databases open in this process: each {@link Database} with the real path of its file and, when it was
     * opened through a symbolic link, that path too (its -wal and -shm may be named after either).
     */
    private static final Map<Object, List<Path>> OPEN = new IdentityHashMap<>();

    private OutputTargets() {
    }

    /** Registers the file of a database that {@code owner} has open, until {@link #closed(Object)}. */
    public static void opened(Object owner, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = absolute;
        }
        synchronized (OPEN) {
            OPEN.put(owner, real.equals(absolute) ? List.of(real) : List.of(real, absolute));
        }
    }

    /** Forgets the database of {@code owner}; closing twice is harmless. */
    public static void closed(Object owner) {
        synchronized (OPEN) {
            OPEN.remove(owner);
        }
    }

    private static List<Path> openDatabases() {
        synchronized (OPEN) {
            return OPEN.values().stream().flatMap(List::stream).toList();
        }
    }

    /** {@link #check(Path, IfDatabase)} refusing every database. */
    public static Path check(Path target) {
        return check(target, IfDatabase.REFUSE);
    }

    /**
     * Checks that {@code target} may be replaced by a new file and returns the path to write: the target itself,
     * or the regular file a symbolic link leads to. Throws {@link TargetRefusedException} (an
     * IllegalArgumentException whose message names the file and the reason) otherwise; nothing is written.
     */
    public static Path check(Path target, IfDatabase ifDatabase) {
        Path absolute = target.toAbsolutePath();
        Path real = resolve(target, absolute);
        boolean exists = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        // "it is ..." when the target is the file itself, "it leads to X, which is ..." through a symbolic link
        String it = real.equals(absolute.normalize()) ? "it is" : "it leads to " + real + ", which is";
        if (exists) {
            BasicFileAttributes attributes = attributes(target, real);
            if (attributes.isDirectory()) {
                throw refused(target, Reason.FOLDER, it + " a folder; give a file name");
            }
            if (!attributes.isRegularFile()) {
                throw refused(target, Reason.NOT_A_REGULAR_FILE, it + " " + kind(real) + ", not a regular file");
            }
        }
        for (Path database : openDatabases()) {
            String part = partOf(real, exists, database);
            if (part != null) {
                String what = part.isEmpty() ? "the open database"
                        : "the " + part + " file of the open database " + database;
                String why = sameName(real, database, part) ? it + " " + what
                        : "it is the same file as " + what + (part.isEmpty() ? " " + database : "") + " (a hard link)";
                throw refused(target, Reason.OPEN_DATABASE, why + "; IPDesk never replaces it");
            }
        }
        String name = real.getFileName().toString();
        int length = nameLength(name);
        if (!exists && length > MAX_NAME) {
            throw refused(target, Reason.NAME_TOO_LONG, String.format(java.util.Locale.ROOT,
                    "its name is %,d %s long; file systems take at most %d", length, WINDOWS ? "characters" : "bytes",
                    MAX_NAME));
        }
        for (String part : DATABASE_PARTS) {
            if (name.endsWith(part) && name.length() > part.length()) {
                Path database = real.resolveSibling(name.substring(0, name.length() - part.length()));
                if (Files.isRegularFile(database) && isSqlite(target, database)) {
                    throw refused(target, Reason.DATABASE_PART, it + " the " + part + " file of the SQLite database "
                            + database + "; IPDesk never replaces it");
                }
            }
        }
        if (exists && isSqlite(target, real)) {
            if (ifDatabase == IfDatabase.REFUSE) {
                throw refused(target, Reason.DATABASE, it + " an SQLite database (of IPDesk or another program); "
                        + "choose another file");
            }
            Path wal = real.resolveSibling(name + "-wal");
            if (size(wal) > 0) {
                throw refused(target, Reason.DATABASE, it + " an SQLite database with changes in " + wal
                        + " that a program has not written into it yet; close that program or choose another file");
            }
        }
        return real;
    }

    /** A file name's length as its file system counts it: UTF-8 bytes, or UTF-16 units on Windows. */
    private static int nameLength(String name) {
        return WINDOWS ? name.length() : name.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A new empty file beside {@code real} (a path {@link #check} returned) to write into before
     * {@link #moveIntoPlace}: named {@code .NAME.RANDOM} + {@code suffix}, with only the start of NAME (its first 100
     * bytes, whole characters) so that a target whose name is near the file system's limit still gets one.
     */
    public static Path temporaryBeside(Path real, String suffix) throws IOException {
        String name = real.getFileName().toString();
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int c = name.codePointAt(end);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; // its length in UTF-8
            if (bytes + size > TEMPORARY_NAME_KEPT) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return Files.createTempFile(real.getParent(), "." + name.substring(0, end) + ".", suffix);
    }

    /**
     * Moves a finished temporary file onto {@code target} (in one step where the file system allows), after checking
     * the target again: between {@link #check} and the end of a long export another program may have changed it.
     */
    public static void moveIntoPlace(Path temporary, Path target, IfDatabase ifDatabase) throws IOException {
        Path real = check(target, ifDatabase);
        try {
            Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, real, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The real path of an existing target, or of a new file's folder with its name. */
    private static Path resolve(Path target, Path absolute) {
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            if (Files.isSymbolicLink(absolute)) {
                Path leadsTo = Files.readSymbolicLink(absolute);
                throw refused(target, Reason.NOT_A_REGULAR_FILE, "it is a symbolic link to " + leadsTo
                        + ", which does not exist; give the file itself");
            }
            Path folder = absolute.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw refused(target, Reason.MISSING_FOLDER, "the folder "
                        + (folder == null ? absolute : folder.normalize()) + " does not exist; create it first");
            }
            return folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                // a link into /proc (/dev/stdout, /proc/self/fd/1) that leads to a pipe or socket, which has no path
                throw refused(target, Reason.NOT_A_REGULAR_FILE, "it leads to a pipe, socket or device, not a regular "
                        + "file (for standard output give -o -)");
            }
            throw refused(target, Reason.UNCHECKABLE, "cannot check it (" + e.getMessage() + ")");
        }
    }

    private static BasicFileAttributes attributes(Path target, Path real) {
        try {
            return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw refused(target, Reason.UNCHECKABLE, "cannot check it (" + e.getMessage() + ")");
        }
    }

    /**
     * "" when {@code real} is the open {@code database} itself, "-wal" (etc.) when it is one of its parts, null when
     * it is neither. Compares names (for files not there yet) and, for files that exist, identity (hard links).
     */
    private static String partOf(Path real, boolean exists, Path database) {
        for (String part : partsWithMain()) {
            Path candidate = database.resolveSibling(database.getFileName() + part);
            if (real.equals(candidate)) {
                return part;
            }
            if (exists && Files.exists(candidate)) {
                try {
                    if (Files.isSameFile(real, candidate)) {
                        return part;
                    }
                } catch (IOException e) {
                    // cannot tell: the names differ, so it is taken as another file
                }
            }
        }
        return null;
    }

    private static boolean sameName(Path real, Path database, String part) {
        return real.equals(database.resolveSibling(database.getFileName() + part));
    }

    private static List<String> partsWithMain() {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(DATABASE_PARTS);
        return all;
    }

    /** True when {@code file} starts with SQLite's 16-byte header. Only regular files are opened (a fifo blocks). */
    private static boolean isSqlite(Path target, Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(header, 0, header.length) == header.length && Arrays.equals(header, SQLITE_HEADER);
        } catch (IOException e) {
            throw refused(target, Reason.UNCHECKABLE, "cannot read " + file + " to check that it is not a database ("
                    + e.getMessage() + "); choose another file");
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** "a character device", "a named pipe (fifo)", ...: what a file that is not regular is, in words. */
    private static String kind(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return switch (type) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a named pipe (fifo)";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a device, pipe or socket";
        }
    }

    private static TargetRefusedException refused(Path target, Reason reason, String why) {
        return new TargetRefusedException(target, reason, why);
    }
}
