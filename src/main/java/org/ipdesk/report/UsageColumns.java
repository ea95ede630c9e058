package org.ipdesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.model.Usage;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.report.UsageReport.Total;

/**
 * The columns of the usage report in the tabular formats (CSV, XLSX): one layout for subnets, network totals and
 * grand totals, told apart by the first column. Values are String, Integer, BigInteger or BigDecimal; empty
 * strings for what does not apply.
 */
final class UsageColumns {
    static final List<String> HEADERS = List.of("kind", "network", "ip_version", "cidr", "name", "vlan", "depth",
            "size", "usable", "allocated", "reserved", "dhcp", "deprecated", "free", "free_64s", "percent", "level");

    private UsageColumns() {
    }

    static List<Object> subnet(SubnetRow r) {
        List<Object> row = new ArrayList<>(List.of("subnet", r.network(), r.ipVersion(), r.cidr().toString(),
                r.name(), r.vlan().isPresent() ? (Object) r.vlan().getAsInt() : "", r.depth(), r.size()));
        figures(row, r.usage(), r.free64s());
        row.add(r.percent());
        row.add(r.level().label());
        return row;
    }

    static List<Object> total(Total t) {
        List<Object> row = new ArrayList<>(List.of(t.network().isPresent() ? "network" : "total",
                t.network().orElse(""), t.ipVersion(), "", "", "", "", t.size()));
        figures(row, t.usage(), t.free64s());
        row.add(t.percent());
        row.add(t.level().label());
        return row;
    }

    private static void figures(List<Object> row, Usage u, Optional<java.math.BigDecimal> free64s) {
        row.addAll(List.of(u.usable(), u.allocated(), u.reserved(), u.dhcp(), u.deprecated(), u.free()));
        row.add(free64s.isPresent() ? free64s.get() : "");
    }

    /** Every line of the CSV: subnets, then network totals, then grand totals. */
    static List<List<Object>> all(UsageReport report) {
        List<List<Object>> rows = new ArrayList<>();
        report.subnets().forEach(r -> rows.add(subnet(r)));
        report.networks().forEach(t -> rows.add(total(t)));
        report.totals().forEach(t -> rows.add(total(t)));
        return rows;
    }
}
