package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.exchange.ImportTestSupport.importFixture;
import static org.ipdesk.exchange.ImportTestSupport.open;
import static org.ipdesk.exchange.ImportTestSupport.read;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Change;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPlanPreviewTest {
    @TempDir
    Path dir;

    @Test
    void aFreshImportIsAllNewAndThePreviewWritesNothing() {
        Path db = dir.resolve("a.db");
        try (Allocator allocator = open(db)) {
            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(allocator, read("ipdesk-mixed.csv"));
            assertThat(plan.rows()).extracting(ImportPlan.Row::row).containsExactly(2, 3, 4, 5, 6, 7);
            assertThat(plan.rows()).allMatch(r -> r.result() == Result.NEW);
            assertThat(plan.canApply()).isTrue();
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }

    @Test
    void theSameFileTwiceIsUnchangedTheSecondTime() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            importFixture(allocator, "ipdesk-mixed.csv");
            ImportPlan again = CsvImport.preview(allocator, read("ipdesk-mixed.csv"));
            assertThat(again.rows()).allMatch(r -> r.result() == Result.UNCHANGED);
            ImportPlan.Applied applied = allocator.applyImport(again);
            assertThat(applied.addresses()).isZero();
            assertThat(applied.unchanged()).isEqualTo(6);
        }
    }

    @Test
    void anAddressHeldBySomeoneElseIsAConflictThatSaysWhat() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            allocator.createNetwork("dc1", "Data centre 1");
            var subnet = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withName("servers")
                    .withVlan(100).withGateway(Ip.parse("10.0.0.1")).withDescription("Server LAN"));
            allocator.reserve(subnet.id(), Ip.parse("10.0.0.10"), AddressDetails.allocated("mail-01"));
            ImportPlan plan = CsvImport.preview(allocator, read("ipdesk-mixed.csv"));
            assertThat(plan.rows()).extracting(ImportPlan.Row::result).containsExactly(Result.UNCHANGED,
                    Result.UNCHANGED, Result.NEW, Result.CONFLICT, Result.NEW, Result.NEW);
            assertThat(plan.problems()).singleElement().satisfies(r -> {
                assertThat(r.row()).isEqualTo(5);
                assertThat(r.describe()).startsWith("row 5: conflict: 10.0.0.10 is already allocated to mail-01; "
                        + "the file says host name 'web-01'");
            });
            assertThat(plan.canApply()).isFalse();
        }
    }

    @Test
    void aSubnetWithOtherDetailsIsAConflict() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            allocator.createNetwork("dc1", "Data centre 1");
            allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withName("clients"));
            ImportPlan plan = CsvImport.preview(allocator, read("ipdesk-mixed.csv"));
            assertThat(plan.rows().get(1).result()).isEqualTo(Result.CONFLICT);
            assertThat(plan.rows().get(1).message()).contains("name 'clients' (the file says 'servers')");
        }
    }

    @Test
    void rulesOfTheAllocatorAreErrorsWithTheRowAndReason() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            String csv = """
                    kind,network,cidr,ip,status,hostname,start,end,range_kind
                    subnet,dc1,10.0.0.0/24,,,,,,
                    range,dc1,10.0.0.0/24,,,,10.0.0.100,10.0.0.120,dhcp
                    address,dc1,10.0.0.0/24,10.0.0.255,,,,,
                    address,dc1,10.0.0.0/24,10.0.0.110,allocated,pc-1,,,
                    address,dc1,10.0.0.0/24,10.0.0.5,,bad_host!,,,
                    address,dc1,,10.9.9.9,,,,,
                    address,dc1,10.0.0.0/24,10.0.0.6,,a,,,
                    address,dc1,10.0.0.0/24,10.0.0.6,,b,,,
                    """;
            ImportPlan plan = CsvImport.preview(allocator, CsvImport.parse("rules.csv", csv, Optional.empty()));
            assertThat(plan.problems()).extracting(ImportPlan.Row::describe).containsExactly(
                    "row 4: error: 10.0.0.255 is the broadcast address of 10.0.0.0/24 and cannot be assigned",
                    "row 5: error: 10.0.0.110 lies in the DHCP pool 10.0.0.100-10.0.0.120; only status dhcp may be "
                            + "recorded there",
                    plan.problems().get(2).describe(),
                    "row 7: error: no subnet of network 'dc1' holds 10.9.9.9; add a subnet row for it or create the "
                            + "subnet first",
                    "row 9: error: 10.0.0.6 is also on row 8");
            assertThat(plan.problems().get(2).row()).isEqualTo(6);
            assertThat(plan.counts()).containsEntry(Result.NEW, 3L).containsEntry(Result.ERROR, 5L);
        }
    }

    @Test
    void theBadRow999LeavesTheDatabaseUnchangedAndIsNamed() {
        Path db = dir.resolve("a.db");
        try (Allocator allocator = open(db)) {
            allocator.createNetwork("dc1", "");
            allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.1.0.0/16")));
            StringBuilder csv = new StringBuilder("ip,subnet,network,status,hostname\n");
            for (int i = 0; i < 1000; i++) {
                int line = i + 2;
                String ip = line == 999 ? "10.1.3.300" : "10.1." + (1 + i / 250) + "." + (1 + i % 250);
                csv.append(ip).append(",10.1.0.0/16,dc1,allocated,host-").append(i).append('\n');
            }
            CsvImport.ParsedFile file = CsvImport.parse("thousand.csv", csv.toString(), Optional.empty());
            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(allocator, file);
            assertThat(plan.rows()).hasSize(1000);
            assertThat(plan.problems()).extracting(ImportPlan.Row::describe)
                    .containsExactly("row 999: error: '10.1.3.300' is not a valid IP address");
            assertThatThrownBy(() -> allocator.applyImport(plan)).isInstanceOf(AllocatorException.class)
                    .hasMessageContaining("nothing was written")
                    .hasMessageContaining("row 999: error: '10.1.3.300' is not a valid IP address");
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }

    @Test
    void oneImportIsOneChangeLogEntry() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            long before = allocator.history("", "", 1000).size();
            importFixture(allocator, "ipdesk-mixed.csv");
            var changes = allocator.history("", "", 1000);
            assertThat(changes).hasSize((int) before + 1);
            Change entry = changes.get(0);
            assertThat(entry.objectType()).isEqualTo("import");
            assertThat(entry.objectKey()).isEqualTo("ipdesk-mixed.csv");
            assertThat(entry.after()).contains("\"networks\":1", "\"subnets\":1", "\"ranges\":1", "\"addresses\":3",
                    "\"layout\":\"ipdesk\"");
        }
    }

    @Test
    void tenThousandAddressesImportQuickly() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            StringBuilder csv = new StringBuilder("kind,network,cidr,ip,hostname\nsubnet,lab,10.50.0.0/16,,\n");
            for (int i = 0; i < 10_000; i++) {
                csv.append("address,lab,10.50.0.0/16,10.50.").append(i / 200).append('.').append(1 + i % 200)
                        .append(",h").append(i).append('\n');
            }
            ImportPlan plan = CsvImport.preview(allocator, CsvImport.parse("10k.csv", csv.toString(), Optional.empty()));
            ImportPlan.Applied applied = allocator.applyImport(plan);
            assertThat(applied.addresses()).isEqualTo(10_000);
            assertThat(allocator.addressCount()).isEqualTo(10_000);
            var subnet = allocator.findSubnet(Cidr.parse("10.50.0.0/16"), Optional.of("lab"));
            assertThat(allocator.allocateNext(subnet.id(), 1, org.ipdesk.allocator.Strategy.FIRST,
                    AddressDetails.allocated("next")).get(0).ip()).isEqualTo(Ip.parse("10.50.0.201"));
        }
    }
}
