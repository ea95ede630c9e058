package org.ipdesk.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.Random;
import org.ipdesk.store.Database;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The SOA serial kept per DNS zone, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class ZoneSerialStoreTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator open(Location location) {
        return new Allocator(Database.open(location, OpenMode.CREATE),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC), "admin", new Random(1));
    }

    @Test
    void aZoneHasNoSerialUntilOneIsStoredAndThenTheNewestOneSurvivesReopening() {
        Location location = engine.fresh(dir, "zones");
        try (Allocator allocator = open(location)) {
            assertThat(allocator.zoneSerial("example.com")).isEmpty();
            allocator.storeZoneSerial("example.com", 2026112800L);
            allocator.storeZoneSerial("example.com", 2026112801L);
            allocator.storeZoneSerial("2.0.192.in-addr.arpa", 4294967295L);
        }
        try (Allocator allocator = open(location)) {
            assertThat(allocator.zoneSerial("example.com")).isEqualTo(OptionalLong.of(2026112801L));
            // one zone whatever the case and the final dot
            assertThat(allocator.zoneSerial("Example.COM.")).isEqualTo(OptionalLong.of(2026112801L));
            assertThat(allocator.zoneSerial("2.0.192.in-addr.arpa.")).isEqualTo(OptionalLong.of(4294967295L));
            assertThat(allocator.zoneSerial("example.org")).isEmpty();
        }
    }

    @Test
    void aSerialOutsideThirtyTwoBitsOrAZoneWithoutANameIsRefusedAndNothingIsStored() {
        try (Allocator allocator = open(engine.fresh(dir, "bad"))) {
            assertThatThrownBy(() -> allocator.storeZoneSerial("example.com", 4294967296L))
                    .isInstanceOf(AllocatorException.InvalidInput.class)
                    .hasMessage("SOA serial 4294967296 of zone example.com is outside 0 to 4294967295");
            assertThatThrownBy(() -> allocator.storeZoneSerial("example.com", -1))
                    .isInstanceOf(AllocatorException.InvalidInput.class);
            assertThatThrownBy(() -> allocator.storeZoneSerial(" . ", 1))
                    .hasMessage("a zone needs a name");
            assertThat(allocator.zoneSerial("example.com")).isEmpty();
        }
    }
}
