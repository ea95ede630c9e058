package org.ipdesk.allocator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;

/** A fresh allocator on a temporary file or a team database, with a fixed clock, user and random seed. */
public final class AllocatorFixture {
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private AllocatorFixture() {
    }

    public static Allocator open(Path file) {
        return open(Location.of(file));
    }

    /** A fresh allocator on {@code location} (a file or a team database; see {@code store.Engine}). */
    public static Allocator open(Location location) {
        return new Allocator(Database.open(location, OpenMode.CREATE), Clock.fixed(NOW, ZoneOffset.UTC), "alice",
                new Random(7));
    }

    public static Ip ip(String text) {
        return Ip.parse(text);
    }

    public static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    public static Subnet subnet(Allocator allocator, String network, String cidr) {
        return allocator.createSubnet(network, SubnetSpec.of(Cidr.parse(cidr)));
    }
}
