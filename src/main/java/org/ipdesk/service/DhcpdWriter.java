package org.ipdesk.service;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;

/**
 * ISC dhcpd: one file for IPv4 ({@code dhcpd}) and one for IPv6 ({@code dhcpd -6}), since a dhcpd process serves one
 * family; each is pulled into the server's configuration with {@code include "…";}. A subnet becomes a
 * {@code subnet}/{@code subnet6} declaration with its DHCP ranges ({@code range}/{@code range6}) and, for IPv4, its
 * gateway as {@code option routers}; a reservation becomes a {@code host} block with {@code hardware ethernet} and
 * {@code fixed-address} (IPv4, with {@code option host-name}) or {@code fixed-address6} (IPv6). IPDesk records MACs,
 * not DHCPv6 client DUIDs: an IPv6 host is matched by {@code hardware ethernet}, which dhcpd -6 takes from the link
 * layer address inside the client's DUID. A host block is named after its host name, or {@code ip-} and its address
 * when it has none or the name is taken in the file.
 */
final class DhcpdWriter {
    static final String V4_FILE = "ipdesk-dhcpd.conf";
    static final String V6_FILE = "ipdesk-dhcpd6.conf";

    private DhcpdWriter() {
    }

    static List<ServiceFile> write(ServiceRecords records, ServiceScope scope) {
        return List.of(new ServiceFile(V4_FILE, file(records, scope, IpVersion.V4)),
                new ServiceFile(V6_FILE, file(records, scope, IpVersion.V6)));
    }

    private static String file(ServiceRecords records, ServiceScope scope, IpVersion version) {
        boolean v4 = version == IpVersion.V4;
        StringBuilder out = new StringBuilder();
        out.append("# ISC dhcpd ").append(v4 ? "IPv4" : "IPv6 (dhcpd -6)").append(" subnets and hosts of ")
                .append(scope.describe()).append(", written by IPDesk.\n")
                .append("# The next export replaces this file: change the records in IPDesk, not here.\n");
        for (ServiceRecords.Link link : records.links) {
            if (link.version() != version) {
                continue;
            }
            out.append('\n');
            if (v4) {
                out.append("subnet ").append(link.cidr().network()).append(" netmask ").append(link.cidr().netmask())
                        .append(" {\n");
                link.subnet().gateway().ifPresent(g -> out.append("  option routers ").append(g).append(";\n"));
            } else {
                out.append("subnet6 ").append(link.cidr()).append(" {\n");
            }
            for (IpRange pool : link.pools()) {
                out.append(v4 ? "  range " : "  range6 ").append(pool.start()).append(' ').append(pool.end())
                        .append(";\n");
            }
            out.append("}\n");
        }
        Set<String> used = new HashSet<>();
        for (ServiceRecords.Link link : records.links) {
            if (link.version() != version) {
                continue;
            }
            for (ServiceRecords.Reservation r : link.reservations()) {
                String name = r.name();
                if (name.isEmpty() || !used.add(name.toLowerCase(Locale.ROOT))) {
                    name = "ip-" + r.ip().toString().replace('.', '-').replace(':', '-');
                    used.add(name);
                }
                out.append('\n').append("host ").append(name).append(" {\n")
                        .append("  hardware ethernet ").append(r.mac()).append(";\n")
                        .append(v4 ? "  fixed-address " : "  fixed-address6 ").append(r.ip()).append(";\n");
                if (v4 && !r.name().isEmpty()) {
                    out.append("  option host-name \"").append(r.name()).append("\";\n");
                }
                out.append("}\n");
            }
        }
        return out.toString();
    }
}
