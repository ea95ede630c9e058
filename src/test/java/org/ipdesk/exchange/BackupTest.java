package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.exchange.ImportTestSupport.open;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Backup;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {
    @TempDir
    Path dir;

    @Test
    void aBackupWhileAnotherConnectionWritesIsConsistentAndOpens() throws Exception {
        Path db = dir.resolve("live.db");
        Path copy = Files.createDirectories(dir.resolve("copies")).resolve("backup.db");
        try (Allocator reader = open(db)) {
            reader.createNetwork("dc1", "");
            Subnet subnet = reader.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/20")));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try (Allocator other = open(db)) {
                    while (!stop.get() && written.get() < 3000) {
                        other.allocateNext(subnet.id(), 5, Strategy.FIRST, AddressDetails.allocated("w"));
                        written.addAndGet(5);
                    }
                }
            });
            writer.start();
            while (written.get() < 200) {
                Thread.sleep(5);
            }
            reader.backup().orElseThrow().to(copy, OutputTargets.IfDatabase.REFUSE);
            stop.set(true);
            writer.join();
            assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (Allocator restored = open(copy)) {
                long held = restored.addressCount();
                assertThat(held).isGreaterThanOrEqualTo(200).isLessThanOrEqualTo(written.get());
                assertThat(held % 5).as("every allocation of five is in the copy whole, or not at all").isZero();
                assertThat(restored.subnets()).extracting(Subnet::cidr).containsExactly(Cidr.parse("10.0.0.0/20"));
                assertThat(restored.history("", "", 10_000)).hasSize((int) held + 2);
            }
        }
    }

    @Test
    void theDatabaseItselfIsRefusedAsTheTarget() {
        Path db = dir.resolve("live.db");
        try (Allocator allocator = open(db)) {
            allocator.createNetwork("dc1", "");
            Backup backup = allocator.backup().orElseThrow();
            assertThatThrownBy(() -> backup.to(db, OutputTargets.IfDatabase.REFUSE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("onto itself");
            assertThatThrownBy(() -> backup.to(dir.resolve("./live.db"), OutputTargets.IfDatabase.REFUSE))
                    .isInstanceOf(StoreException.class);
            assertThat(allocator.networks()).hasSize(1);
        }
    }
}
