package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Change;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipdesk range edit}: a range changed in place by the rules and messages of {@code range add}. */
class RangeEditTest {
    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24", "--gateway", "10.0.0.1");
        cli.ok("range", "add", "10.0.0.0/24", "10.0.0.100", "10.0.0.199", "--kind", "dhcp", "--description", "clients");
        cli.ok("range", "add", "10.0.0.0/24", "10.0.0.10", "10.0.0.19", "--kind", "reserved");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.50", "--hostname", "web-01");
    }

    private String ranges() {
        try (Allocator a = Allocator.open(org.ipdesk.store.Location.of(db))) {
            Subnet s = a.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.empty());
            return a.ranges(s.id()).stream().map(r -> r.kind().label() + " " + r.range() + " " + r.description())
                    .toList().toString();
        }
    }

    @Test
    void aRangeGrowsShrinksAndChangesKindInPlaceAndTheChangeIsLogged() {
        assertThat(cli.ok("range", "edit", "10.0.0.0/24", "10.0.0.150", "--start", "10.0.0.60", "--end",
                "10.0.0.220").lines()).containsExactly("Changed dhcp range 10.0.0.100-10.0.0.199 of 10.0.0.0/24 in"
                + " dc1 to dhcp range 10.0.0.60-10.0.0.220 (clients)");
        // overlapping its own old extent is fine; the description stays when not given
        assertThat(ranges()).isEqualTo("[reserved 10.0.0.10-10.0.0.19 , dhcp 10.0.0.60-10.0.0.220 clients]");

        cli.ok("range", "edit", "10.0.0.0/24", "10.0.0.10", "--kind", "dhcp", "--description", "phones");
        assertThat(ranges()).isEqualTo("[dhcp 10.0.0.10-10.0.0.19 phones, dhcp 10.0.0.60-10.0.0.220 clients]");

        try (Allocator a = Allocator.open(org.ipdesk.store.Location.of(db))) {
            Change last = a.history("range", "", 1).get(0);
            assertThat(last.action().label()).isEqualTo("update");
            assertThat(last.objectKey()).isEqualTo("10.0.0.0/24 in dc1 10.0.0.10-10.0.0.19");
        }
    }

    @Test
    void anEditThatBreaksARuleIsRefusedWithTheAddMessageAndChangesNothing() {
        String before = ContentSnapshot.of(db);

        assertThat(cli.run("range", "edit", "10.0.0.0/24", "10.0.0.100", "--start", "10.0.0.15").err())
                .contains("the range 10.0.0.15-10.0.0.199 overlaps the reserved range 10.0.0.10-10.0.0.19");
        assertThat(cli.run("range", "edit", "10.0.0.0/24", "10.0.0.100", "--start", "10.0.0.40").err())
                .contains("the DHCP pool 10.0.0.40-10.0.0.199 would include 10.0.0.50, allocated to web-01");
        assertThat(cli.run("range", "edit", "10.0.0.0/24", "10.0.0.10", "--start", "10.0.0.1").err())
                .contains("the range 10.0.0.1-10.0.0.19 includes the gateway 10.0.0.1");
        assertThat(cli.run("range", "edit", "10.0.0.0/24", "10.0.0.100", "--end", "10.0.0.255").err())
                .contains("the range 10.0.0.100-10.0.0.255 includes 10.0.0.255, ");
        assertThat(cli.run("range", "edit", "10.0.0.0/24", "10.0.0.30", "--end", "10.0.0.40").err())
                .contains("10.0.0.30 is in no DHCP pool or reserved range of 10.0.0.0/24 in dc1");
        assertThat(cli.run("range", "edit", "10.0.0.0/24", "10.0.0.100", "--kind", "pool").err())
                .contains("'pool' is not a range kind (dhcp or reserved)");

        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }
}
