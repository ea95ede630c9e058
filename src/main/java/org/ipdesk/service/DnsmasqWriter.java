package org.ipdesk.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;

/**
 * dnsmasq: two files.
 * <ul>
 *   <li>{@value #HOSTS_FILE}, for {@code dhcp-hostsfile=} (or {@code --dhcp-hostsfile}): one line per reservation,
 *   {@code MAC,IP[,name]}, IPv6 addresses in brackets. dnsmasq re-reads it on SIGHUP without a restart.</li>
 *   <li>{@value #CONF_FILE}, for {@code conf-file=}: the DHCP ranges ({@code dhcp-range=}) of the subnets and a
 *   {@code host-record=} line per host name with its IPv4 and IPv6 address, so dnsmasq answers for the names
 *   (forward and reverse).</li>
 * </ul>
 */
final class DnsmasqWriter {
    static final String HOSTS_FILE = "ipdesk-dhcp-hosts";
    static final String CONF_FILE = "ipdesk-dnsmasq.conf";
    /** The shortest IPv6 prefix dnsmasq takes for a DHCPv6 range. */
    static final int MIN_V6_PREFIX = 64;

    private DnsmasqWriter() {
    }

    static List<ServiceFile> write(ServiceRecords records, ServiceScope scope) {
        return List.of(new ServiceFile(HOSTS_FILE, hosts(records)), new ServiceFile(CONF_FILE, conf(records, scope)));
    }

    private static String hosts(ServiceRecords records) {
        // no comment line: the file holds nothing but dhcp-host values, which is all a hosts file is sure to take
        StringBuilder out = new StringBuilder();
        for (IpVersion version : IpVersion.values()) {
            for (ServiceRecords.Link link : records.links) {
                if (link.version() != version) {
                    continue;
                }
                for (ServiceRecords.Reservation r : link.reservations()) {
                    out.append(r.mac()).append(',').append(bracketed(r.ip()));
                    if (!r.name().isEmpty()) {
                        out.append(',').append(r.name());
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String conf(ServiceRecords records, ServiceScope scope) {
        StringBuilder out = new StringBuilder();
        out.append("# dnsmasq DHCP ranges and host records of ").append(scope.describe()).append(", written by IPDesk.\n")
                .append("# The next export replaces this file: change the records in IPDesk, not here.\n");
        for (IpVersion version : IpVersion.values()) {
            for (ServiceRecords.Link link : records.links) {
                if (link.version() != version) {
                    continue;
                }
                for (IpRange pool : link.pools()) {
                    if (version == IpVersion.V6 && link.cidr().prefixLength() < MIN_V6_PREFIX) {
                        records.add(ServiceProblem.Kind.UNSUPPORTED, pool.start(), "the DHCP range " + pool + " of "
                                + link.subnet().label() + " is left out of dnsmasq's configuration: dnsmasq takes "
                                + "DHCPv6 ranges only in subnets of /64 or longer");
                        continue;
                    }
                    out.append("dhcp-range=").append(pool.start()).append(',').append(pool.end()).append(',')
                            .append(version == IpVersion.V4 ? link.cidr().netmask().toString()
                                    : String.valueOf(link.cidr().prefixLength()))
                            .append('\n');
                }
            }
        }
        Map<String, List<ServiceRecords.Name>> byName = new LinkedHashMap<>();
        for (ServiceRecords.Name name : records.names) {
            byName.computeIfAbsent(name.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        for (List<ServiceRecords.Name> same : byName.values()) {
            out.append("host-record=").append(same.get(0).name());
            for (ServiceRecords.Name name : same) {
                out.append(',').append(name.ip());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String bracketed(Ip ip) {
        return ip.isV4() ? ip.toString() : "[" + ip + "]";
    }
}
