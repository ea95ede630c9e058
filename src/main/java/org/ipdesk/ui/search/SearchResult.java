package org.ipdesk.ui.search;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Observation;
import org.ipdesk.model.Subnet;

/**
 * One line of the search results: a held address, or a subnet (with the typed address when the search was for a
 * free one). It carries what the window needs to go there ({@link #subnet()}, {@link #ip()}) and what the list
 * shows.
 *
 * @param kind        an address or a subnet
 * @param networkName the network the subnet belongs to
 * @param subnet      the subnet to show: the one holding the address, or the subnet found
 * @param ip          the address to select in the grid; empty for a subnet found by its CIDR or text
 * @param status      in words: "allocated", "reserved", "DHCP lease", "deprecated" for a held address; for a subnet
 *                    with an ip, the state of that address ("free", "gateway", "DHCP pool", ...); "subnet" otherwise
 * @param hostname    the address's host name; empty for a subnet
 * @param mac         the address's MAC
 * @param snippet     the owner and description of an address, or the name, VLAN and description of a subnet
 * @param lastSeen    what last saw a held address in use (a scan, lease file or neighbour table); empty when
 *                    nothing did, and for a subnet
 */
public record SearchResult(Kind kind, String networkName, Subnet subnet, Optional<Ip> ip, String status,
                           String hostname, Optional<Mac> mac, String snippet, Optional<Observation> lastSeen) {

    /** As the address table writes last seen: local time to the minute. */
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** What a result points at. */
    public enum Kind { ADDRESS, SUBNET }

    /** A result nothing was seen for. */
    public SearchResult(Kind kind, String networkName, Subnet subnet, Optional<Ip> ip, String status,
                        String hostname, Optional<Mac> mac, String snippet) {
        this(kind, networkName, subnet, ip, status, hostname, mac, snippet, Optional.empty());
    }

    public SearchResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subnet, "subnet");
        networkName = networkName == null ? subnet.networkName() : networkName;
        ip = ip == null ? Optional.empty() : ip;
        status = status == null ? "" : status;
        hostname = hostname == null ? "" : hostname;
        mac = mac == null ? Optional.empty() : mac;
        snippet = snippet == null ? "" : snippet;
        lastSeen = lastSeen == null ? Optional.empty() : lastSeen;
    }

    /** "2026-11-27 15:40" in the local time zone, as the address table's Last seen column; empty when never seen. */
    public String lastSeenText() {
        return lastSeen.map(o -> SEEN.format(o.seenAt())).orElse("");
    }

    /** "last seen 2026-11-27 15:40 by nmap-scan.xml", or empty when never seen. */
    public String lastSeenLine() {
        return lastSeen.map(o -> "last seen " + lastSeenText() + " by " + o.file()).orElse("");
    }

    /** The address, or the subnet's CIDR: what the list shows first, in monospace. */
    public String title() {
        return ip.map(Ip::toString).orElseGet(() -> subnet.cidr().toString());
    }

    /** Where it lives: "10.10.1.0/24 Web tier · dc1", or for a subnet just its network. */
    public String place() {
        if (kind == Kind.SUBNET && ip.isEmpty()) {
            return networkName;
        }
        String name = subnet.name().isEmpty() ? "" : " " + subnet.name();
        return subnet.cidr() + name + " \u00b7 " + networkName;
    }

    /**
     * The one-line form: "10.10.1.5  web-05  allocated  10.10.1.0/24 Web tier · dc1", then "last seen … by …" when
     * a file saw the address.
     */
    public String text() {
        StringBuilder line = new StringBuilder(title());
        if (kind == Kind.ADDRESS) {
            line.append("  ").append(hostname.isEmpty() ? "(no host name)" : hostname);
        }
        line.append("  ").append(status);
        if (kind == Kind.SUBNET && ip.isEmpty() && !snippet.isEmpty()) {
            line.append("  ").append(snippet);
        }
        line.append("  ").append(place());
        if (lastSeen.isPresent()) {
            line.append("  ").append(lastSeenLine());
        }
        return line.toString();
    }
}
