package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.allocator.AllocatorFixture.cidr;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.allocator.ImportPlan.Row;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.TextFields.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One message for one problem: the same bad value fed through a dialog's check ({@code check*}) and through an
 * import row is refused with the same words, because both ask the same rules class.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class OneMessageTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private Subnet lan;

    @BeforeEach
    void open() {
        allocator = AllocatorFixture.open(engine.fresh(dir, "ipdesk"));
        allocator.createNetwork("lab", "");
        lan = AllocatorFixture.subnet(allocator, "lab", "10.0.0.0/24");
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.120"), RangeKind.DHCP, "clients");
        allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web"));
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void aBadVlanReadsTheSame() {
        SubnetSpec spec = new SubnetSpec(cidr("10.1.0.0/24"), "", "", OptionalInt.of(5000), Optional.empty());
        sameForSubnet(spec, "VLAN 5000 is out of range (1-4094)");
        spec = new SubnetSpec(cidr("10.1.0.0/24"), "", "", OptionalInt.of(0), Optional.empty());
        sameForSubnet(spec, "VLAN 0 is out of range (1-4094)");
    }

    @Test
    void aNameWithAControlCharacterReadsTheSame() {
        SubnetSpec spec = SubnetSpec.of(cidr("10.1.0.0/24")).withName("core\u0007net");
        sameForSubnet(spec, "subnet name");
        sameForAddress(ip("10.0.0.7"), new AddressDetails(AddressStatus.ALLOCATED, "web\u0001", Optional.empty(), "", ""),
                "");
    }

    @Test
    void aTooLongOwnerReadsTheSame() {
        String owner = "o".repeat(Field.OWNER.limit() + 1);
        sameForAddress(ip("10.0.0.7"), new AddressDetails(AddressStatus.ALLOCATED, "db", Optional.empty(), owner, ""),
                "owner");
    }

    @Test
    void anAddressOutsideTheSubnetReadsTheSame() {
        sameForAddress(ip("10.9.0.7"), AddressDetails.allocated("db"), "10.9.0.7 is outside");
    }

    @Test
    void anUnusableAddressReadsTheSame() {
        sameForAddress(ip("10.0.0.255"), AddressDetails.allocated("db"), "broadcast");
    }

    @Test
    void anAddressInADhcpRangeReadsTheSame() {
        sameForAddress(ip("10.0.0.110"), AddressDetails.allocated("db"), "only status dhcp may be recorded there");
    }

    @Test
    void anAddressInUseReadsTheSame() {
        AddressDetails other = AddressDetails.allocated("mail");
        String dialog = allocator.checkReserve(lan.id(), ip("10.0.0.5"), other).orElseThrow();
        assertThat(dialog).isEqualTo("10.0.0.5 is already allocated to web");
        Row row = importRow(new ImportItem.AddressItem(2, "lab", Optional.of(lan.cidr()), ip("10.0.0.5"), other));
        assertThat(row.result()).isEqualTo(Result.CONFLICT);
        // the import adds what the file says instead, after the same words
        assertThat(row.message()).startsWith(dialog + "; the file says ");
    }

    private void sameForSubnet(SubnetSpec spec, String about) {
        String dialog = allocator.checkCreateSubnet("lab", spec).orElseThrow();
        Row row = importRow(new ImportItem.SubnetItem(2, "lab", spec));
        assertThat(dialog).contains(about);
        assertThat(row.result()).isEqualTo(Result.ERROR);
        assertThat(row.message()).isEqualTo(dialog);
    }

    private void sameForAddress(Ip ip, AddressDetails details, String about) {
        String dialog = allocator.checkReserve(lan.id(), ip, details).orElseThrow();
        Row row = importRow(new ImportItem.AddressItem(2, "lab", Optional.of(lan.cidr()), ip, details));
        assertThat(dialog).contains(about);
        assertThat(row.result()).isEqualTo(Result.ERROR);
        assertThat(row.message()).isEqualTo(dialog);
    }

    private Row importRow(ImportItem item) {
        List<Row> rows = allocator.previewImport("test.csv", "ipdesk", List.of(item)).rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
