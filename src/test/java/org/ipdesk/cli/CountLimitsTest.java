package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge counts: {@code ip next} and {@code ip block} check the subnet's free space and the per-command cap
 * ({@link Allocator#MAX_ADDRESSES_PER_COMMAND}) before they write or build anything, so a mistyped count is
 * refused at once in one line (exit 1), with the normal test heap, and the database stays as it was.
 */
class CountLimitsTest {
    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "lab");
        cli.ok("subnet", "add", "lab", "10.20.1.0/24", "--gateway", "10.20.1.1");
        cli.ok("subnet", "add", "lab", "10.30.0.0/15");
        cli.ok("subnet", "add", "lab", "10.40.0.0/15");
        cli.ok("subnet", "add", "lab", "2001:db8:5::/64");
    }

    private Cli.Result refused(String... args) {
        String before = ContentSnapshot.of(db);
        Cli.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as("stdout of a refused command").isEmpty();
        assertThat(r.err().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("ipdesk: ").doesNotContain("\tat ", "Exception", "Error");
        assertThat(ContentSnapshot.of(db)).as("database after " + String.join(" ", args)).isEqualTo(before);
        return r;
    }

    @Test
    void aCountInOtherDigitsThanZeroToNineIsAUsageError() {
        String before = ContentSnapshot.of(db);
        for (String count : List.of("\u0662", "\uff12", "\u0968", "2\u0660", "99999999999999999999", "1e3", "0x10")) {
            Cli.Result r = cli.run("ip", "next", "10.20.1.0/24", "--count", count);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains("'" + count + "' is")
                    .containsAnyOf("is not a whole number (digits 0-9 only)", "is too large");
        }
        assertThat(cli.run("subnet", "next-free", "lab", "10.30.0.0/15", "--prefix", "\u0662\u0664").code()).isEqualTo(2);
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    @Timeout(60)
    void aCountBeyondTheFreeSpaceIsRefusedAtOnceNamingBoth() {
        assertThat(refused("ip", "next", "10.20.1.0/24", "--count", "2147483647").err().strip())
                .isEqualTo("ipdesk: 10.20.1.0/24 in lab has 253 free addresses; 2147483647 were asked for");
        assertThat(refused("ip", "next", "10.20.1.0/24", "--count", "2147483647", "--strategy", "random").err())
                .contains("10.20.1.0/24 in lab has 253 free addresses; 2147483647 were asked for");
        assertThat(refused("ip", "block", "10.20.1.0/24", "--count", "2147483647").err())
                .contains("10.20.1.0/24 in lab has 253 free addresses; 2147483647 were asked for");
        assertThat(refused("ip", "next", "10.20.1.0/24", "--count", "254").err())
                .contains("10.20.1.0/24 in lab has 253 free addresses; 254 were asked for");
    }

    @Test
    @Timeout(60)
    void aCountOverTheCapIsRefusedNamingTheCap() {
        String cap = "at most 65536 addresses can be allocated in one command; 65537 were asked for";
        assertThat(refused("ip", "next", "10.30.0.0/15", "--count", "65537").err()).contains(cap);
        assertThat(refused("ip", "block", "10.30.0.0/15", "--count", "65537").err()).contains(cap);
        // a /64 has room for far more, but one command never takes more than the cap
        assertThat(refused("ip", "next", "2001:db8:5::/64", "--count", "5000000").err())
                .contains("at most 65536 addresses can be allocated in one command; 5000000 were asked for");
        assertThat(refused("ip", "next", "2001:db8:5::/64", "--count", "2147483647", "--strategy", "random").err())
                .contains("at most 65536 addresses can be allocated in one command; 2147483647 were asked for");
        assertThat(refused("ip", "block", "2001:db8:5::/64", "--count", "2147483647").err())
                .contains("at most 65536 addresses can be allocated in one command; 2147483647 were asked for");
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertThat(refused("ip", "next", "10.20.1.0/24", "--count", "0").err())
                .contains("the count must be at least 1, not 0");
        assertThat(refused("ip", "block", "10.20.1.0/24", "--count", "-5").err())
                .contains("a block needs at least 1 address, not -5");
    }

    @Test
    void theHelpNamesTheCap() {
        for (String command : List.of("next", "block")) {
            Cli.Result help = cli.run("ip", command, "--help");
            assertThat(help.code()).isZero();
            assertThat(help.out()).as("ip %s --help", command).contains("at most 65536");
        }
    }

    @Test
    @Timeout(300)
    void exactlyTheCapIsAllocatedInOneCommand() {
        Cli.Result next = cli.ok("ip", "next", "10.30.0.0/15", "--count", "65536", "--hostname", "bulk");
        List<String> lines = next.lines();
        assertThat(lines).hasSize(65_536);
        assertThat(new HashSet<>(lines)).hasSize(65_536);
        assertThat(lines.get(0)).isEqualTo("10.30.0.1");
        assertThat(lines.get(65_535)).isEqualTo("10.31.0.0");
        Cli.Result block = cli.ok("ip", "block", "10.40.0.0/15", "--count", "65536", "--hostname", "bulk");
        assertThat(block.lines()).hasSize(65_536).startsWith("10.40.0.1").endsWith("10.41.0.0")
                .doesNotHaveDuplicates();
        assertThat(cli.run("ip", "next", "10.30.0.0/15", "--count", "65535").err())
                .contains("10.30.0.0/15 in lab has 65534 free addresses; 65535 were asked for");
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            long subnet = allocator.findSubnet(Cidr.parse("10.30.0.0/15"), Optional.empty()).id();
            assertThat(allocator.heldAddressCount(subnet)).isEqualTo(65_536);
            assertThat(allocator.freeExtents(subnet)).extracting(Object::toString)
                    .containsExactly("10.31.0.1-10.31.255.254");
            assertThat(allocator.history("address", "", 200_000)).hasSize(2 * 65_536);
            long other = allocator.findSubnet(Cidr.parse("10.40.0.0/15"), Optional.empty()).id();
            assertThat(allocator.freeExtents(other)).extracting(Object::toString)
                    .containsExactly("10.41.0.1-10.41.255.254");
        }
    }
}
