package org.ipdesk.service;

import java.util.List;

/**
 * {@code /etc/hosts} lines: one per held address with a host name (not deprecated), {@code IP<tab>name}, IPv4 first,
 * by address. The file is meant to be appended to the system's own hosts file or read by a resolver that takes
 * extra hosts files (dnsmasq's {@code addn-hosts=}).
 */
final class HostsWriter {
    static final String FILE = "hosts";

    private HostsWriter() {
    }

    static List<ServiceFile> write(ServiceRecords records, ServiceScope scope) {
        StringBuilder out = new StringBuilder();
        out.append("# Host names of ").append(scope.describe()).append(", written by IPDesk.\n");
        for (ServiceRecords.Name name : records.names) {
            out.append(name.ip()).append('\t').append(name.name()).append('\n');
        }
        return List.of(new ServiceFile(FILE, out.toString()));
    }
}
