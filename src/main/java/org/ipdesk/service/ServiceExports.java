package org.ipdesk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.OutputTargets;

/**
 * DHCP and DNS server configuration from the records: {@link #prepare} builds the files and lists the problems,
 * {@link #diff} compares them with what is at the output path now (the last export to the same target), and
 * {@link #write} puts them in place, whole or not at all.
 *
 * <p>The output path is a file when the target writes one file ({@link ServiceTarget#writesFolder()} false: hosts),
 * else an existing folder that gets the target's files under their own names.
 */
public final class ServiceExports {
    private ServiceExports() {
    }

    /**
     * Reads the scope and builds the target's files. Unknown networks and subnets are refused by the allocator with a
     * clear message; entries with problems are left out of what they would break and listed.
     */
    public static ServiceOutput prepare(Allocator allocator, ServiceTarget target, ServiceScope scope,
                                        ServiceOptions options) {
        Objects.requireNonNull(options, "options");
        return switch (target) {
            case KEA -> {
                ServiceRecords records = ServiceRecords.read(allocator, scope, true, false);
                yield new ServiceOutput(target, scope, KeaWriter.write(records), records.problems());
            }
            case DHCPD -> {
                ServiceRecords records = ServiceRecords.read(allocator, scope, true, false);
                yield new ServiceOutput(target, scope, DhcpdWriter.write(records, scope), records.problems());
            }
            case DNSMASQ -> {
                ServiceRecords records = ServiceRecords.read(allocator, scope, true, true);
                yield new ServiceOutput(target, scope, DnsmasqWriter.write(records, scope), records.problems());
            }
            case HOSTS -> {
                ServiceRecords records = ServiceRecords.read(allocator, scope, false, true);
                yield new ServiceOutput(target, scope, HostsWriter.write(records, scope), records.problems());
            }
            case BIND -> BindExport.prepare(allocator, scope, options.bind().orElseThrow(() ->
                    new IllegalArgumentException("BIND zone files need the forward zone's name (--zone NAME, e.g."
                            + " example.com)")), java.time.Clock.systemDefaultZone());
        };
    }

    /**
     * For each file of {@code output}: how it differs from the file now at its place under {@code target}. A target
     * that could not be written (a folder where a file is wanted, a device, a database) is refused as {@link #write}
     * refuses it.
     */
    public static List<ServiceDiff> diff(ServiceOutput output, Path target) throws IOException {
        List<ServiceDiff> diffs = new ArrayList<>();
        for (ServiceFile file : output.files()) {
            Path path = pathOf(output, target, file);
            Optional<String> now = current(path);
            diffs.add(LineDiff.diff(file.name(), path, now.isPresent(),
                    now.map(ServiceExports::lines).orElse(List.of()), lines(file.content())));
        }
        return diffs;
    }

    /**
     * Writes every file of {@code output} to its place under {@code target}: each to a temporary file beside it
     * first, then moved into place whole. Every place is checked before anything is written (never a folder, a
     * device, a pipe or a database); when moving one file into place fails, the files already moved get their earlier
     * content back (or are removed when they were new), so the target's files change together or not at all, as far
     * as the file system allows. Returns the paths written.
     */
    public static List<Path> write(ServiceOutput output, Path target) throws IOException {
        return write(output, target, (temporary, place) ->
                OutputTargets.moveIntoPlace(temporary, place, OutputTargets.IfDatabase.REFUSE));
    }

    /** Moves a finished temporary file onto its place (a seam for the tests of a move that fails half-way). */
    @FunctionalInterface
    interface Mover {
        void move(Path temporary, Path place) throws IOException;
    }

    static List<Path> write(ServiceOutput output, Path target, Mover mover) throws IOException {
        List<Path> places = new ArrayList<>();
        List<Optional<String>> before = new ArrayList<>();
        for (ServiceFile file : output.files()) {
            Path path = pathOf(output, target, file);
            places.add(path);
            before.add(current(path));
        }
        List<Path> temporaries = new ArrayList<>();
        try {
            for (int i = 0; i < places.size(); i++) {
                temporaries.add(temporary(places.get(i), output.files().get(i).content()));
            }
            int moved = 0;
            try {
                for (int i = 0; i < places.size(); i++) {
                    mover.move(temporaries.get(i), places.get(i));
                    moved++;
                }
            } catch (IOException | RuntimeException e) {
                restore(places.subList(0, moved), before.subList(0, moved), e);
                throw e;
            }
        } finally {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
        }
        return List.copyOf(places);
    }

    /**
     * Writes the files as {@link #write(ServiceOutput, Path)} does, then remembers what the database must know of them:
     * for BIND, each zone's serial, so that the next export counts up from it.
     */
    public static List<Path> write(Allocator allocator, ServiceOutput output, Path target) throws IOException {
        if (output.target() == ServiceTarget.BIND) {
            BindExport.checkMayStoreSerials(allocator);
        }
        List<Path> written = write(output, target);
        if (output.target() == ServiceTarget.BIND) {
            BindExport.storeSerials(allocator, output);
        }
        return written;
    }

    /** Where one file of the output goes: the target itself (one file) or the file of that name in the folder. */
    private static Path pathOf(ServiceOutput output, Path target, ServiceFile file) {
        if (!output.target().writesFolder()) {
            return target;
        }
        if (!Files.isDirectory(target)) {
            String what = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? "is not a folder"
                    : "does not exist; create it first";
            throw new IllegalArgumentException("cannot write " + target + ": it " + what + " (" + output.target().label()
                    + " writes " + output.files().size() + " files into a folder)");
        }
        return target.resolve(file.name());
    }

    /** The content of the file at {@code path}, empty when there is none; refuses what may not be replaced. */
    private static Optional<String> current(Path path) throws IOException {
        Path real = OutputTargets.check(path);
        if (!Files.exists(real)) {
            return Optional.empty();
        }
        return Optional.of(new String(Files.readAllBytes(real), StandardCharsets.UTF_8));
    }

    /**
     * The content in a temporary file beside the place, with the permissions the file there has (a server reading
     * it as another user keeps reading it), or rw-r--r-- for a new file: configuration holds no secret, and a temporary
     * file's owner-only mode would lock the server out.
     */
    private static Path temporary(Path place, String content) throws IOException {
        Path real = OutputTargets.check(place);
        Path temporary = OutputTargets.temporaryBeside(real, ".part");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temporary, Files.exists(real) ? Files.getPosixFilePermissions(real)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the folder's defaults apply
            }
            if (Files.exists(real)) {
                keepOwnerAndGroup(real, temporary);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    /**
     * Gives the temporary file the owner and group of the file it replaces, as far as this user may (root may both; a
     * member of the group may set the group); where it may not, the file stays the writer's.
     */
    private static void keepOwnerAndGroup(Path real, Path temporary) {
        try {
            PosixFileAttributes was = Files.readAttributes(real, PosixFileAttributes.class);
            PosixFileAttributes now = Files.readAttributes(temporary, PosixFileAttributes.class);
            if (!was.group().equals(now.group())) {
                Files.getFileAttributeView(temporary, PosixFileAttributeView.class).setGroup(was.group());
            }
            if (!was.owner().equals(now.owner())) {
                Files.setOwner(temporary, was.owner());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not permitted, or not a POSIX file system: the new file belongs to the writer
        }
    }

    /** Puts back what the first moved files held before; a failure here is added to the original error. */
    private static void restore(List<Path> places, List<Optional<String>> before, Exception original) {
        for (int i = 0; i < places.size(); i++) {
            try {
                if (before.get(i).isPresent()) {
                    Path temporary = temporary(places.get(i), before.get(i).get());
                    OutputTargets.moveIntoPlace(temporary, places.get(i), OutputTargets.IfDatabase.REFUSE);
                } else {
                    Files.deleteIfExists(OutputTargets.check(places.get(i)));
                }
            } catch (IOException | RuntimeException e) {
                original.addSuppressed(e);
            }
        }
    }

    static List<String> lines(String content) {
        if (content.isEmpty()) {
            return List.of();
        }
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        return List.of(body.split("\r?\n", -1));
    }
}
