package org.ipdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.service.BindSettings;
import org.ipdesk.service.ServiceDiff;
import org.ipdesk.service.ServiceExports;
import org.ipdesk.service.ServiceOptions;
import org.ipdesk.service.ServiceOutput;
import org.ipdesk.service.ServiceProblem;
import org.ipdesk.service.ServiceScope;
import org.ipdesk.service.ServiceTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipdesk export kea|dhcpd|dnsmasq|hosts [NETWORK|CIDR] -o PATH [--json] [--allow-problems]}: DHCP and DNS
 * server configuration from the records (see {@link ServiceExports}). Problems are listed first; with any, nothing
 * is written and the exit code is 1, unless {@code --allow-problems} writes the rest without the entries concerned.
 */
abstract class ServiceExportCommand extends CliCommand {
    static final String PROBLEMS = "Before writing, the problems are listed: host names that are not valid DNS names, "
            + "two addresses of one IP version with one host name, allocated or reserved addresses without a MAC "
            + "(no DHCP reservation), one MAC on two reservations of one subnet, addresses and DHCP ranges of a subnet "
            + "that holds child subnets, one subnet in two networks. With any, nothing is written and the exit code is 1, unless "
            + "--allow-problems writes the rest without the entries concerned.";

    /** How many problems the text listing shows before it counts the rest. */
    static final int LISTED = 20;

    @Parameters(paramLabel = "NETWORK|CIDR", arity = "0..1",
            description = "A network's name, or a subnet's CIDR (its child subnets included); every network when "
                    + "left out.")
    String scope;

    @Option(names = "--network", paramLabel = "NETWORK",
            description = "The network of the CIDR, when it exists in several.")
    String network;

    @Option(names = "--json", description = "Print the problems as a JSON array of {kind, address, message}; the "
            + "summary goes to standard error.")
    boolean json;

    @Option(names = "--allow-problems", description = "Write even when there are problems, without the entries "
            + "they concern.")
    boolean allowProblems;

    abstract ServiceTarget target();

    abstract Path output();

    /** What the target is told beyond its scope (the BIND zone's settings); nothing by default. */
    ServiceOptions options() {
        return ServiceOptions.defaults();
    }

    record ProblemJson(String kind, String address, String message) {
        static ProblemJson of(ServiceProblem p) {
            return new ProblemJson(p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), p.address().toString(),
                    p.message());
        }
    }

    @Override
    void execute() {
        ServiceTarget target = target();
        Path output = output();
        boolean toStdout = Output.isStandardOutput(output);
        if (toStdout && (target.writesFolder() || json)) {
            throw new IllegalArgumentException(target.writesFolder()
                    ? target.label() + " writes several files: give a folder with -o, not -"
                    : "-o - and --json would both print to standard output; give -o FILE");
        }
        ServiceScope chosen = scope();
        if (!toStdout) {
            checkOutput(target, output);
        }
        ServiceOutput prepared;
        List<ServiceDiff> diffs = List.of();
        try (Allocator allocator = openAllocator()) {
            prepared = ServiceExports.prepare(allocator, target, chosen, options());
            boolean write = prepared.problems().isEmpty() || allowProblems;
            if (json) {
                printJson(prepared.problems().stream().map(ProblemJson::of).toList());
            } else if (!prepared.problems().isEmpty()) {
                int n = prepared.problems().size();
                say(n + (n == 1 ? " problem" : " problems") + " in " + chosen.describe() + ":");
                prepared.problems().stream().limit(LISTED).forEach(p -> say("  " + p.message()));
                if (n > LISTED) {
                    say("  ... and " + (n - LISTED) + " more (--json lists them all)");
                }
            }
            if (!write) {
                int n = prepared.problems().size();
                throw new IllegalArgumentException("nothing written: " + n + (n == 1 ? " problem" : " problems")
                        + (json ? " (the JSON above)" : " (listed above)") + "; fix them, or give --allow-problems"
                        + " to write without the entries they concern");
            }
            if (toStdout) {
                out().print(prepared.files().get(0).content());
                out().flush();
            } else {
                // written while the database is open, so that the guard knows it and never writes over it
                diffs = ServiceExports.diff(prepared, output);
                ServiceExports.write(allocator, prepared, output);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + output + ": " + e.getMessage(), e);
        }
        var summary = json || toStdout ? spec.commandLine().getErr() : out();
        for (ServiceDiff diff : diffs) {
            summary.println(TerminalText.escape("Wrote " + diff.path() + " (" + diff.describe() + ")"));
        }
        if (toStdout) {
            summary.println("Wrote the " + target.label() + " file to standard output");
        }
        if (!prepared.problems().isEmpty()) {
            int n = prepared.problems().size();
            summary.println(n + (n == 1 ? " entry was" : " entries were") + " left out of what "
                    + (n == 1 ? "its problem concerns" : "their problems concern") + " (--allow-problems)");
        }
        summary.flush();
    }

    private ServiceScope scope() {
        ServiceScope parsed = ServiceScope.parse(scope);
        if (network != null) {
            if (parsed.subnet().isEmpty()) {
                throw new IllegalArgumentException("--network picks the network of a CIDR; give a CIDR, or the "
                        + "network alone");
            }
            return ServiceScope.subnet(network, parsed.subnet().get());
        }
        return parsed;
    }

    /** Refuses, before the database is read, a path that cannot take the target's files. */
    private void checkOutput(ServiceTarget target, Path output) {
        if (target.writesFolder()) {
            if (!Files.isDirectory(output)) {
                throw new IllegalArgumentException("cannot write " + output + ": " + target.label() + " writes "
                        + "several files, so -o names a folder, and " + (Files.exists(output)
                        ? "this is not one" : "it does not exist; create it first"));
            }
        } else {
            Output.check(this, output, target.label(), false);
        }
    }

    private static final String OUTPUT_FOLDER = "The folder to write the files into; it must exist. Files of the "
            + "same names are replaced, all together or none.";

    /** A target that writes several files into a folder: the one {@code -o FOLDER} option they share. */
    abstract static class ToFolder extends ServiceExportCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FOLDER", description = OUTPUT_FOLDER)
        Path output;

        @Override
        Path output() {
            return output;
        }
    }

    @Command(name = "kea", mixinStandardHelpOptions = true,
            description = {"Writes Kea DHCPv4 and DHCPv6 subnets with pools (from the DHCP ranges), the gateway as "
                    + "the routers option, and reservations (hw-address, ip-address or ip-addresses, hostname) to "
                    + "ipdesk-kea-dhcp4.json and ipdesk-kea-dhcp6.json in a folder.",
                    "Each file is a JSON array for the server's configuration: \"subnet4\": <?include "
                            + "\"/etc/kea/ipdesk-kea-dhcp4.json\"?>. A subnet's id is its IPDesk id, the same in "
                            + "every export.", PROBLEMS})
    static final class Kea extends ToFolder {
        @Override
        ServiceTarget target() {
            return ServiceTarget.KEA;
        }
    }

    @Command(name = "dhcpd", mixinStandardHelpOptions = true,
            description = {"Writes ISC dhcpd subnet declarations (range, option routers) and host blocks (hardware "
                    + "ethernet, fixed-address or fixed-address6) to ipdesk-dhcpd.conf (IPv4) and ipdesk-dhcpd6.conf "
                    + "(IPv6, for dhcpd -6) in a folder; pull each in with include \"...\";.",
                    "IPDesk keeps MACs, not DHCPv6 DUIDs: IPv6 hosts are matched by hardware ethernet.", PROBLEMS})
    static final class Dhcpd extends ToFolder {
        @Override
        ServiceTarget target() {
            return ServiceTarget.DHCPD;
        }
    }

    @Command(name = "dnsmasq", mixinStandardHelpOptions = true,
            description = {"Writes ipdesk-dhcp-hosts (MAC,IP,name lines, IPv6 in brackets, for dhcp-hostsfile=) and "
                    + "ipdesk-dnsmasq.conf (dhcp-range= from the DHCP ranges, host-record= per host name, for "
                    + "conf-file=) in a folder.", PROBLEMS})
    static final class Dnsmasq extends ToFolder {
        @Override
        ServiceTarget target() {
            return ServiceTarget.DNSMASQ;
        }
    }

    @Command(name = "hosts", mixinStandardHelpOptions = true,
            description = {"Writes /etc/hosts lines (IP, tab, host name) of every held address with a host name, "
                    + "deprecated ones left out.", PROBLEMS})
    static final class Hosts extends ServiceExportCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "The file to write, or - for standard output; its folder must exist. An existing file "
                        + "is replaced whole, a database or device never.")
        Path output;

        @Override
        ServiceTarget target() {
            return ServiceTarget.HOSTS;
        }

        @Override
        Path output() {
            return output;
        }
    }

    @Command(name = "bind", mixinStandardHelpOptions = true,
            description = {"Writes BIND zone files to a folder: the forward zone (--zone, A and AAAA records of every "
                    + "held address with a host name, deprecated ones left out), reverse zones (in-addr.arpa per /24 "
                    + "that holds names; an RFC 2317 zone FIRST-LAST.C.B.A.in-addr.arpa for a subnet smaller than a "
                    + "/24, with the lines its parent zone needs in FIRST-LAST.C.B.A.in-addr.arpa.delegation; ip6.arpa "
                    + "at the subnet's prefix rounded down to a nibble), and ipdesk-zones.conf, the zone statements "
                    + "to include in named.conf.",
                    "Host names: a name without a dot is a name in the zone; a name with dots that ends in the zone "
                            + "is that name; a name with dots elsewhere is left out and listed.",
                    "The SOA serial is YYYYMMDDnn, one more than the serial last written for the zone (kept in the "
                            + "database) and than the one in the zone file already in the folder.",
                    "Before writing, the problems are listed: host names that are not valid DNS names or lie "
                            + "outside the zone, two addresses of one IP version with one name, one address with two "
                            + "names in one reverse zone. With any, nothing is written and the exit code is 1, "
                            + "unless --allow-problems writes the rest without them."})
    static final class Bind extends ToFolder {
        @Option(names = "--zone", required = true, paramLabel = "NAME",
                description = "The forward zone, e.g. example.com.")
        String zone;

        @Option(names = "--ns", paramLabel = "NAME", description = "The primary name server of the SOA and NS "
                + "records; default localhost., which lets the zone load and is marked \"change me\".")
        String nameServer;

        @Option(names = "--hostmaster", paramLabel = "MAIL", description = "The hostmaster's mailbox "
                + "(hostmaster@example.com); default hostmaster.ZONE, marked \"change me\".")
        String hostmaster;

        @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600",
                description = "The zones' default TTL ($TTL); default ${DEFAULT-VALUE}.")
        long ttl;

        @Override
        ServiceTarget target() {
            return ServiceTarget.BIND;
        }

        @Override
        ServiceOptions options() {
            return ServiceOptions.bind(BindSettings.of(zone, nameServer, hostmaster, ttl, output));
        }
    }
}
