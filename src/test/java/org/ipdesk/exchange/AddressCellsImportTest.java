package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.exchange.ImportTestSupport.open;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad address cells (issue 11, items 2, 3 and 12): each one is that row's error with its reason; the other rows
 * are previewed as usual and nothing is written.
 */
class AddressCellsImportTest {
    @TempDir
    Path dir;

    @Test
    void aBarePrefixOctalAndASlashZeroSubnetAreRowErrors() {
        Path db = dir.resolve("a.db");
        try (Allocator allocator = open(db)) {
            String csv = """
                    kind,network,cidr,ip,status,hostname,mac
                    subnet,dc1,10.0.0.0/24,,,,
                    subnet,dc1,/24,,,,
                    subnet,dc1,::ffff:010.1.1.0/120,,,,
                    subnet,dc1,0.0.0.0/0,,,,
                    subnet,dc1,10.1.1.0/0.0.0.255,,,,
                    address,dc1,10.0.0.0/24,10.0.0.5,allocated,web-01,
                    address,dc1,/24,10.0.0.6,allocated,web-02,
                    address,dc1,10.0.0.0/24,10.0.0.7,allocated,web-03,ff:ff:ff:ff:ff:ff
                    address,dc1,10.0.0.0/24,10.0.0.8,allocated,web-04,01:00:5e:00:00:01
                    address,dc1,10.0.0.0/24,10.0.0.9,allocated,web-05,a:b:c:d:e:f
                    """;
            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(allocator, CsvImport.parse("cells.csv", csv, Optional.empty()));
            assertThat(plan.rows()).extracting(ImportPlan.Row::result).containsExactly(Result.NEW, Result.ERROR,
                    Result.ERROR, Result.ERROR, Result.ERROR, Result.NEW, Result.ERROR, Result.ERROR, Result.ERROR,
                    Result.NEW);
            assertThat(plan.problems()).extracting(ImportPlan.Row::row).containsExactly(3, 4, 5, 6, 8, 9, 10);
            assertThat(plan.problems().get(0).describe()).startsWith("row 3: error: ")
                    .contains("has no address before the prefix length");
            assertThat(plan.problems().get(1).describe()).startsWith("row 4: error: ")
                    .contains("the IPv4 part has a leading zero (010); octal is not accepted");
            assertThat(plan.problems().get(2).describe())
                    .isEqualTo("row 5: error: '0.0.0.0/0' is /0, the whole address space; give a longer prefix");
            assertThat(plan.problems().get(3).describe()).startsWith("row 6: error: ")
                    .contains("0.0.0.255 is not a netmask");
            assertThat(plan.problems().get(4).describe()).startsWith("row 8: error: ")
                    .contains("has no address before the prefix length");
            assertThat(plan.problems().get(5).describe())
                    .isEqualTo("row 9: error: the broadcast MAC address ff:ff:ff:ff:ff:ff is not a host's MAC");
            assertThat(plan.problems().get(6).describe()).startsWith("row 10: error: ")
                    .contains("the multicast MAC address 01:00:5e:00:00:01");
            assertThat(plan.canApply()).isFalse();
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }
}
