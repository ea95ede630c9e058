package org.ipdesk.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.model.Hostnames;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * What BIND zone files are written with: the forward zone's name, the name server and the hostmaster's mailbox of
 * the SOA and NS records (empty: a default that lets the zone load, marked "change me" in the files), the default TTL,
 * and the folder the files go to (named.conf's {@code file} lines name it).
 *
 * @param zone       the forward zone, absolute ("example.com."), lower case
 * @param nameServer the primary name server, absolute; empty: {@link #DEFAULT_NAME_SERVER}
 * @param hostmaster the hostmaster's mailbox as a DNS name ("hostmaster.example.com."); empty: hostmaster.ZONE
 * @param ttl        the default TTL in seconds ({@code $TTL})
 * @param folder     the folder the zone files are written to
 */
public record BindSettings(Name zone, Optional<Name> nameServer, Optional<Name> hostmaster, long ttl, Path folder) {
    /** The name server when none is given: every host resolves it, so the zone loads; it must be changed. */
    public static final Name DEFAULT_NAME_SERVER = Name.fromConstantString("localhost.");
    /** The default TTL: one hour. */
    public static final long DEFAULT_TTL = 3600;
    /** The largest TTL (RFC 2181: 2^31 - 1 seconds). */
    public static final long MAX_TTL = 2_147_483_647L;

    public BindSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(nameServer, "nameServer");
        Objects.requireNonNull(hostmaster, "hostmaster");
        Objects.requireNonNull(folder, "folder");
    }

    /**
     * Settings from what a user typed (the command line's {@code --zone}, {@code --ns}, {@code --hostmaster},
     * {@code --ttl}); empty or blank name server and hostmaster mean the defaults. Refuses (IllegalArgumentException)
     * with a message naming the option and the problem.
     */
    public static BindSettings of(String zone, String nameServer, String hostmaster, long ttl, Path folder) {
        Name zoneName = zoneName(zone);
        Optional<Name> ns = blank(nameServer) ? Optional.empty() : Optional.of(hostName("--ns", nameServer));
        Optional<Name> mailbox = blank(hostmaster) ? Optional.empty() : Optional.of(mailbox(hostmaster));
        if (ttl < 1 || ttl > MAX_TTL) {
            throw new IllegalArgumentException("--ttl " + ttl + " is not a TTL: give 1 to " + MAX_TTL + " seconds");
        }
        return new BindSettings(zoneName, ns, mailbox, ttl, folder.toAbsolutePath().normalize());
    }

    /** The name server written in SOA and NS records. */
    public Name nameServerOrDefault() {
        return nameServer.orElse(DEFAULT_NAME_SERVER);
    }

    /** The hostmaster's mailbox written in SOA records: the one given, else hostmaster.ZONE. */
    public Name hostmasterOrDefault() {
        return hostmaster.orElseGet(() -> concatenate(Name.fromConstantString("hostmaster"), zone));
    }

    /** The zone name as {@code --zone} takes it: a DNS name of valid host-name labels; the final dot is optional. */
    static Name zoneName(String text) {
        if (blank(text)) {
            throw new IllegalArgumentException("BIND zone files need the forward zone's name (--zone NAME, e.g."
                    + " example.com)");
        }
        return hostName("--zone", text);
    }

    private static Name hostName(String option, String text) {
        String given = text.strip();
        String bare = given.endsWith(".") ? given.substring(0, given.length() - 1) : given;
        Optional<String> problem = bare.isEmpty() ? Optional.of("it is empty") : Hostnames.problem(bare);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(option + " '" + ServiceTarget.printable(given) + "' is not a DNS name: "
                    + problem.get());
        }
        try {
            return Name.fromString(bare.toLowerCase(Locale.ROOT) + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(option + " '" + ServiceTarget.printable(given) + "' is not a DNS name: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The SOA's mailbox from an e-mail address ("hostmaster@example.com" becomes hostmaster.example.com., a dot in
     * the local part is escaped) or from a DNS name as written in SOA records ("hostmaster.example.com").
     */
    private static Name mailbox(String text) {
        String given = text.strip();
        int at = given.indexOf('@');
        if (at < 0) {
            return hostName("--hostmaster", given);
        }
        String local = given.substring(0, at);
        String domain = given.substring(at + 1);
        if (local.isEmpty() || !local.matches("[A-Za-z0-9._+-]{1,63}") || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            throw new IllegalArgumentException("--hostmaster '" + ServiceTarget.printable(given) + "' is not a mailbox"
                    + " a zone can name: the part before @ may hold letters, digits and . _ + - (at most 63)");
        }
        Name domainName;
        try {
            domainName = hostName("--hostmaster", domain);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage().substring(e.getMessage().indexOf("is not a DNS name: ") + 19);
            throw new IllegalArgumentException("--hostmaster '" + ServiceTarget.printable(given) + "' is not a mailbox"
                    + " a zone can name: the part after @ is not a DNS name (" + why + ")", e);
        }
        try {
            return Name.concatenate(Name.fromString(local.replace(".", "\\.")), domainName);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException("--hostmaster '" + ServiceTarget.printable(given) + "' is not a mailbox"
                    + " a zone can name: " + e.getMessage(), e);
        }
    }

    static Name concatenate(Name prefix, Name suffix) {
        try {
            return Name.concatenate(prefix, suffix);
        } catch (org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException(prefix + "." + suffix + " is longer than a DNS name may be (255 bytes)", e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
