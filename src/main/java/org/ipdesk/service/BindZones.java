package org.ipdesk.service;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Subnet;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TextParseException;

/**
 * The BIND zones of a scope's names, without serials: the forward zone (A and AAAA), reverse zones (in-addr.arpa per
 * /24, RFC 2317 zones for IPv4 subnets smaller than a /24, ip6.arpa at the subnet's nibble boundary), and the
 * problems found. {@link #files} writes them as zone files once the serials are chosen.
 *
 * <p>Which reverse zone an address goes to is decided by the outermost subnet of the scope that holds it (any
 * network): a /24 or larger one gives the /24's zone (only /24s holding names get one, however large the subnet); a
 * smaller one gives its own RFC 2317 zone, named {@code FIRST-LAST.C.B.A.in-addr.arpa} (the range form RFC 2317
 * allows; no '/' to escape in file names and shells), with the lines the parent /24 zone needs in a file of their own.
 * An IPv6 subnet's zone sits at its prefix rounded down to a multiple of 4 (a nibble); a zone inside another zone of
 * the export is folded into it.
 */
final class BindZones {
    /** SOA timers: refresh, retry, expire, negative-answer TTL (seconds): RIPE-203's recommendations, shortened. */
    static final long REFRESH = 3600;
    static final long RETRY = 900;
    static final long EXPIRE = 1_209_600;
    static final long NEGATIVE = 300;
    /** The file that names every zone for named.conf. */
    static final String NAMED_CONF = "ipdesk-zones.conf";

    private static final Name IN_ADDR_ARPA = Name.fromConstantString("in-addr.arpa.");
    private static final Name IP6_ARPA = Name.fromConstantString("ip6.arpa.");

    enum Kind {
        FORWARD("forward zone"), REVERSE_V4("reverse zone"), CLASSLESS("RFC 2317 reverse zone"),
        REVERSE_V6("IPv6 reverse zone");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** One record line: owner relative to the zone ("@" for its apex), type and data. */
    record Line(String owner, String type, String data) {
    }

    /** A zone and its records; {@code block} is the subnet of an RFC 2317 zone. */
    record Zone(Name name, Kind kind, Optional<Cidr> block, List<Line> lines) {
        String fileName() {
            return name.toString(true) + ".zone";
        }
    }

    /** The zones, in file order (forward, IPv4 reverse by address, IPv6 reverse), with the problems and notes. */
    record Plan(List<Zone> zones, List<ServiceProblem> problems, List<String> notes) {
    }

    private BindZones() {
    }

    /**
     * The rules that turn host names into names of the forward zone, in words for the export dialog and the README.
     */
    static List<String> rules(Name zone) {
        String z = zone.toString(true);
        return List.of(
                "A host name without a dot is a name in the zone: web-01 becomes web-01." + z + ".",
                "A host name with dots that ends in the zone is that name: web-01." + z + " stays web-01." + z
                        + " (the final dot is optional); the zone's own name is its apex (@).",
                "A host name with dots that does not end in the zone is a name elsewhere: the address is left out of"
                        + " the zone files and listed as a problem (export it with that zone's --zone instead).",
                "Every label holds only letters, digits and inner hyphens, at most 63 characters (RFC 1123); other"
                        + " names are left out and listed.",
                "One name names one IPv4 and one IPv6 address (an A and an AAAA record); a second address of the same"
                        + " version with that name is left out and listed.",
                "Every address written to the forward zone gets a PTR record in its reverse zone; deprecated"
                        + " addresses and addresses without a host name get neither.");
    }

    /** The zones of {@code names}, whose subnets are among {@code scope} (the export's subnets, any network). */
    static Plan plan(List<ServiceRecords.Name> names, List<ServiceProblem> earlier, List<Subnet> scope,
                     BindSettings settings) {
        Map<String, ServiceProblem> problems = new LinkedHashMap<>();
        for (ServiceProblem p : earlier) {
            problems.put(p.kind() + " " + p.address(), p);
        }
        Name zone = settings.zone();
        List<Line> forward = new ArrayList<>();
        Map<String, Ip> ownerTaken = new HashMap<>();
        record Named(Ip ip, Name fqdn) {
        }
        List<Named> named = new ArrayList<>();
        List<ServiceRecords.Name> ordered = new ArrayList<>(names);
        ordered.sort(Comparator.comparing(ServiceRecords.Name::ip).thenComparing(n -> n.subnet().networkName()));
        for (ServiceRecords.Name n : ordered) {
            Optional<Name> fqdn = fqdn(n, zone, problems);
            if (fqdn.isEmpty()) {
                continue;
            }
            String key = n.ip().version() + " " + fqdn.get().toString().toLowerCase(Locale.ROOT);
            Ip first = ownerTaken.putIfAbsent(key, n.ip());
            if (first != null) {
                add(problems, ServiceProblem.Kind.DUPLICATE_NAME, n.ip(), n.ip() + " has the name " + fqdn.get()
                        + " of " + first + " in zone " + zone.toString(true) + "; one name names one IPv"
                        + n.ip().version().number() + " address, so " + n.ip() + " is left out of the zone files");
                continue;
            }
            forward.add(new Line(relative(fqdn.get(), zone), n.ip().isV4() ? "A" : "AAAA", n.ip().toString()));
            named.add(new Named(n.ip(), fqdn.get()));
        }
        settings.nameServer().filter(ns -> ns.subdomain(zone)).ifPresent(ns -> {
            boolean hasAddress = named.stream().anyMatch(x -> x.fqdn().equals(ns));
            if (!hasAddress) {
                throw new IllegalArgumentException("--ns " + ns.toString(true) + " is inside the zone "
                        + zone.toString(true) + ", but no address of " + "the export has that name, so the zone would"
                        + " not load: give the name server's address that host name in IPDesk, or name a server"
                        + " outside the zone");
            }
        });

        // reverse zones: the outermost subnet of the scope holding each address decides
        Map<Name, ZoneDraft> reverse = new TreeMap<>();
        List<Named> v6 = new ArrayList<>();
        List<Name> v6Zones = new ArrayList<>();
        for (Named x : named) {
            Cidr outer = outermost(scope, x.ip()).orElseThrow();
            if (x.ip().isV4()) {
                Name full = ReverseMap.fromAddress(x.ip().toBytes());
                if (outer.prefixLength() <= 24) {
                    Name name = parent(full, 1);
                    reverse.computeIfAbsent(name, k -> new ZoneDraft(k, Kind.REVERSE_V4, Optional.empty()))
                            .add(x.ip(), full, x.fqdn(), problems);
                } else {
                    Name name = classlessName(outer);
                    reverse.computeIfAbsent(name, k -> new ZoneDraft(k, Kind.CLASSLESS, Optional.of(outer)))
                            .add(x.ip(), full, x.fqdn(), problems);
                }
            } else {
                v6.add(x);
                Name zoneName = nibbleZone(x.ip(), outer.prefixLength() / 4);
                if (!v6Zones.contains(zoneName)) {
                    v6Zones.add(zoneName);
                }
            }
        }
        for (Named x : v6) {
            Name full = ReverseMap.fromAddress(x.ip().toBytes());
            Name zoneName = v6Zones.stream().filter(full::subdomain).min(Comparator.comparingInt(Name::labels))
                    .orElseThrow();
            reverse.computeIfAbsent(zoneName, k -> new ZoneDraft(k, Kind.REVERSE_V6, Optional.empty()))
                    .add(x.ip(), full, x.fqdn(), problems);
        }

        List<Zone> zones = new ArrayList<>();
        zones.add(new Zone(zone, Kind.FORWARD, Optional.empty(), List.copyOf(forward)));
        reverse.values().stream()
                .sorted(Comparator.comparing((ZoneDraft d) -> d.kind == Kind.REVERSE_V6)
                        .thenComparing(d -> d.firstIp))
                .forEach(d -> zones.add(new Zone(d.name, d.kind, d.block, List.copyOf(d.lines))));
        return new Plan(List.copyOf(zones), problems.values().stream()
                .sorted(Comparator.comparing(ServiceProblem::address).thenComparing(ServiceProblem::kind)).toList(),
                notes(scope, zones));
    }

    /** A reverse zone being filled: its PTR lines, each address once. */
    private static final class ZoneDraft {
        final Name name;
        final Kind kind;
        final Optional<Cidr> block;
        final List<Line> lines = new ArrayList<>();
        final Map<Ip, Name> taken = new HashMap<>();
        Ip firstIp;

        ZoneDraft(Name name, Kind kind, Optional<Cidr> block) {
            this.name = name;
            this.kind = kind;
            this.block = block;
        }

        void add(Ip ip, Name full, Name fqdn, Map<String, ServiceProblem> problems) {
            Name first = taken.putIfAbsent(ip, fqdn);
            if (first != null) {
                BindZones.add(problems, ServiceProblem.Kind.DUPLICATE_ADDRESS, ip, ip + " is named " + first
                        + " and " + fqdn + " (it is held in two networks); the reverse zone " + name.toString(true)
                        + " gets the first name only (networks in name order)");
                return;
            }
            if (firstIp == null || ip.compareTo(firstIp) < 0) {
                firstIp = ip;
            }
            Name owner = kind == Kind.CLASSLESS ? BindSettings.concatenate(
                    Name.fromConstantString(full.getLabelString(0)), name) : full;
            lines.add(new Line(relative(owner, name), "PTR", fqdn.toString()));
        }
    }

    /** The address's full name in the zone, or empty with a problem noted. */
    private static Optional<Name> fqdn(ServiceRecords.Name n, Name zone, Map<String, ServiceProblem> problems) {
        String host = n.name();
        String lower = host.toLowerCase(Locale.ROOT);
        String zoneText = zone.toString(true).toLowerCase(Locale.ROOT);
        String relative;
        if (lower.equals(zoneText)) {
            return Optional.of(zone);
        } else if (!host.contains(".")) {
            relative = host;
        } else if (lower.endsWith("." + zoneText)) {
            relative = host.substring(0, host.length() - zoneText.length() - 1);
        } else {
            add(problems, ServiceProblem.Kind.OUTSIDE_ZONE, n.ip(), n.ip() + ": the host name " + host + " is a full"
                    + " name outside the zone " + zoneText + ", so it is left out of the zone files (write it as "
                    + host.substring(0, host.indexOf('.')) + " to put it in " + zoneText + ", or export its own zone"
                    + " with --zone " + host.substring(host.indexOf('.') + 1) + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(Name.fromString(relative, zone));
        } catch (TextParseException e) {
            add(problems, ServiceProblem.Kind.INVALID_HOST_NAME, n.ip(), n.ip() + ": the host name " + host + " in"
                    + " zone " + zoneText + " is not a DNS name (" + e.getMessage() + "), so it is left out");
            return Optional.empty();
        }
    }

    /** The outermost subnet of the scope (any network) that holds {@code ip}. */
    private static Optional<Cidr> outermost(List<Subnet> scope, Ip ip) {
        return scope.stream().map(Subnet::cidr).filter(c -> c.contains(ip))
                .min(Comparator.comparingInt(Cidr::prefixLength));
    }

    /** {@code FIRST-LAST.C.B.A.in-addr.arpa.} for a subnet smaller than a /24 (RFC 2317). */
    static Name classlessName(Cidr block) {
        byte[] first = block.first().toBytes();
        byte[] last = block.last().toBytes();
        String label = (first[3] & 0xff) + "-" + (last[3] & 0xff);
        return BindSettings.concatenate(Name.fromConstantString(label),
                parent(ReverseMap.fromAddress(first), 1));
    }

    /** The ip6.arpa zone of the first {@code nibbles} nibbles of {@code ip}. */
    private static Name nibbleZone(Ip ip, int nibbles) {
        Name full = ReverseMap.fromAddress(ip.toBytes());
        return parent(full, 32 - nibbles);
    }

    /** The name without its first {@code n} labels. */
    private static Name parent(Name name, int n) {
        return new Name(name, n);
    }

    /** {@code name} relative to {@code origin} as a zone file writes it: "@" for the origin itself. */
    static String relative(Name name, Name origin) {
        if (name.equals(origin)) {
            return "@";
        }
        return name.relativize(origin).toString();
    }

    /** What the reader should know about reverse zones the export does not write. */
    private static List<String> notes(List<Subnet> scope, List<Zone> zones) {
        List<String> notes = new ArrayList<>();
        List<Cidr> outer = scope.stream().map(Subnet::cidr).distinct()
                .filter(c -> c.version().number() == 4 && c.prefixLength() < 24)
                .filter(c -> scope.stream().map(Subnet::cidr).noneMatch(o -> !o.equals(c) && o.contains(c)))
                .sorted().toList();
        for (Cidr c : outer) {
            long withNames = zones.stream().filter(z -> z.kind() == Kind.REVERSE_V4)
                    .filter(z -> c.contains(Ip.fromBytes(reverseV4Start(z.name())))).count();
            BigInteger all = BigInteger.ONE.shiftLeft(24 - c.prefixLength());
            notes.add(c + " holds " + all + " /24s; " + (withNames == 0 ? "none holds" : withNames == 1
                    ? "1 holds" : withNames + " hold") + " names and " + (withNames == 1 ? "gets" : "get")
                    + " a reverse zone, the others get none");
        }
        for (Zone z : zones) {
            if (z.kind() == Kind.CLASSLESS) {
                notes.add(z.name().toString(true) + " is an RFC 2317 zone for " + z.block().orElseThrow() + ": its"
                        + " parent " + new Name(z.name(), 1).toString(true) + " needs the lines of "
                        + delegationFileName(z) + " (whoever runs that zone)");
            }
        }
        return notes;
    }

    private static byte[] reverseV4Start(Name zone) {
        // C.B.A.in-addr.arpa.
        return new byte[] {(byte) Integer.parseInt(zone.getLabelString(2)),
                (byte) Integer.parseInt(zone.getLabelString(1)), (byte) Integer.parseInt(zone.getLabelString(0)), 0};
    }

    static String delegationFileName(Zone classless) {
        return classless.name().toString(true) + ".delegation";
    }

    // ================================================================================================ text

    /**
     * The zone files, the RFC 2317 delegation lines and {@value #NAMED_CONF}, with the serial chosen for each zone.
     */
    static List<ServiceFile> files(Plan plan, BindSettings settings, Map<Name, Serial> serials, ServiceScope scope) {
        List<ServiceFile> files = new ArrayList<>();
        boolean defaults = settings.nameServer().isEmpty() || settings.hostmaster().isEmpty();
        for (Zone zone : plan.zones()) {
            Serial serial = serials.get(zone.name());
            files.add(new ServiceFile(zone.fileName(), zoneText(zone, settings, serial, scope, defaults)));
            if (zone.kind() == Kind.CLASSLESS) {
                files.add(new ServiceFile(delegationFileName(zone), delegationText(zone, settings)));
            }
        }
        files.add(new ServiceFile(NAMED_CONF, namedConf(plan, settings, scope)));
        return List.copyOf(files);
    }

    private static String zoneText(Zone zone, BindSettings settings, Serial serial, ServiceScope scope,
                                   boolean defaults) {
        StringBuilder out = new StringBuilder();
        out.append("; ").append(capitalised(zone.kind().words)).append(' ').append(zone.name().toString(true));
        zone.block().ifPresent(b -> out.append(" (").append(b).append(')'));
        out.append(" of ").append(scope.describe()).append(", written by IPDesk: ")
                .append(counted(zone.lines().size(), zone.kind() == Kind.FORWARD ? "address" : "name")).append(".\n");
        if (defaults) {
            out.append("; Lines marked \"change me\" hold defaults that let the zone load: set them with --ns and"
                    + " --hostmaster.\n");
        }
        out.append("$ORIGIN ").append(zone.name()).append('\n');
        out.append("$TTL ").append(settings.ttl()).append('\n');
        out.append("@\tIN\tSOA\t").append(settings.nameServerOrDefault()).append(' ')
                .append(settings.hostmasterOrDefault()).append(" (");
        if (defaults) {
            out.append(" ; change me");
        }
        out.append('\n');
        out.append("\t\t\t").append(serial).append("\t; serial\n");
        out.append("\t\t\t").append(REFRESH).append("\t\t; refresh\n");
        out.append("\t\t\t").append(RETRY).append("\t\t; retry\n");
        out.append("\t\t\t").append(EXPIRE).append("\t\t; expire\n");
        out.append("\t\t\t").append(NEGATIVE).append(" )\t\t; negative answers\n");
        out.append("@\tIN\tNS\t").append(settings.nameServerOrDefault());
        if (settings.nameServer().isEmpty()) {
            out.append("\t; change me");
        }
        out.append('\n');
        for (Line line : zone.lines()) {
            out.append(line.owner()).append("\tIN\t").append(line.type()).append('\t').append(line.data()).append('\n');
        }
        return out.toString();
    }

    private static String delegationText(Zone zone, BindSettings settings) {
        Cidr block = zone.block().orElseThrow();
        Name parent = new Name(zone.name(), 1);
        String label = zone.name().getLabelString(0);
        String[] range = label.split("-");
        StringBuilder out = new StringBuilder();
        out.append("; RFC 2317 delegation of ").append(block).append(" (zone ").append(zone.name().toString(true))
                .append("), written by IPDesk.\n");
        out.append("; These lines belong in the zone ").append(parent.toString(true))
                .append(": paste them there or $INCLUDE this file.\n");
        out.append("$ORIGIN ").append(parent).append('\n');
        out.append(label).append("\tIN\tNS\t").append(settings.nameServerOrDefault());
        if (settings.nameServer().isEmpty()) {
            out.append("\t; change me");
        }
        out.append('\n');
        out.append("$GENERATE ").append(range[0]).append('-').append(range[1]).append(" $\tIN\tCNAME\t$.")
                .append(zone.name()).append('\n');
        return out.toString();
    }

    private static String namedConf(Plan plan, BindSettings settings, ServiceScope scope) {
        StringBuilder out = new StringBuilder();
        String folder = settings.folder().toString();
        out.append("// The zones of ").append(scope.describe()).append(", written by IPDesk. Include this file in"
                + " named.conf:\n");
        out.append("//   include \"").append(quoted(folder + "/" + NAMED_CONF)).append("\";\n");
        for (String note : plan.notes()) {
            out.append("// ").append(note).append('\n');
        }
        for (Zone zone : plan.zones()) {
            out.append("zone \"").append(zone.name().toString(true)).append("\" { type primary; file \"")
                    .append(quoted(folder + "/" + zone.fileName())).append("\"; };\n");
        }
        return out.toString();
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String counted(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }

    private static void add(Map<String, ServiceProblem> problems, ServiceProblem.Kind kind, Ip ip, String message) {
        problems.putIfAbsent(kind + " " + ip, new ServiceProblem(kind, ip, message));
    }
}
