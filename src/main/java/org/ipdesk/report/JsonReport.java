package org.ipdesk.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.ipdesk.model.Usage;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.report.UsageReport.Total;

/**
 * The usage report as JSON, keys in snake_case like {@code ipdesk usage --json}: counts are decimal strings (an
 * IPv6 count overflows a JSON number's precision), percentages numbers with two decimals, absent values null.
 * <pre>{generated_at, database, network, thresholds: {warn, critical}, subnets: [...], networks: [...],
 *  totals: [...], fullest: [...], over_threshold: [...]}</pre>
 */
public final class JsonReport implements UsageExporter {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    record SubnetJson(String network, String cidr, int ipVersion, String name, Integer vlan, int depth,
                      String size, String usable, String allocated, String reserved, String dhcp,
                      String deprecated, String free, @JsonProperty("free_64s") BigDecimal free64s, BigDecimal percent, String level) {
        static SubnetJson of(SubnetRow r) {
            Usage u = r.usage();
            return new SubnetJson(r.network(), r.cidr().toString(), r.ipVersion(), r.name(),
                    r.vlan().isPresent() ? r.vlan().getAsInt() : null, r.depth(), str(r.size()), str(u.usable()),
                    str(u.allocated()), str(u.reserved()), str(u.dhcp()), str(u.deprecated()), str(u.free()),
                    r.free64s().orElse(null), r.percent(), r.level().label());
        }
    }

    /** A network's total ({@code network} set) or a grand total ({@code network} null), per IP version. */
    record TotalJson(String network, int ipVersion, int subnets, String size, String usable, String allocated,
                     String reserved, String dhcp, String deprecated, String free, @JsonProperty("free_64s") BigDecimal free64s,
                     BigDecimal percent, String level) {
        static TotalJson of(Total t) {
            Usage u = t.usage();
            return new TotalJson(t.network().orElse(null), t.ipVersion(), t.subnets(), str(t.size()),
                    str(u.usable()), str(u.allocated()), str(u.reserved()), str(u.dhcp()), str(u.deprecated()),
                    str(u.free()), t.free64s().orElse(null), t.percent(), t.level().label());
        }
    }

    private static String str(BigInteger value) {
        return value.toString();
    }

    record Ranked(String network, String cidr, BigDecimal percent, String level) {
        static Ranked of(SubnetRow r) {
            return new Ranked(r.network(), r.cidr().toString(), r.percent(), r.level().label());
        }
    }

    record ThresholdsJson(BigDecimal warn, BigDecimal critical) {
    }

    record ReportJson(String generatedAt, String database, String network, ThresholdsJson thresholds,
                      List<SubnetJson> subnets, List<TotalJson> networks, List<TotalJson> totals,
                      List<Ranked> fullest, List<Ranked> overThreshold) {
    }

    @Override
    public void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException {
        monitor.checkCancelled();
        ReportJson json = new ReportJson(
                report.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), report.databaseName(),
                report.network().orElse(null),
                new ThresholdsJson(report.thresholds().warn(), report.thresholds().critical()),
                report.subnets().stream().map(SubnetJson::of).toList(),
                report.networks().stream().map(TotalJson::of).toList(),
                report.totals().stream().map(TotalJson::of).toList(),
                report.fullest().stream().map(Ranked::of).toList(),
                report.overThreshold().stream().map(Ranked::of).toList());
        MAPPER.writeValue(out, json);
        out.write('\n');
        monitor.step(report.rowCount(), report.rowCount());
    }
}
