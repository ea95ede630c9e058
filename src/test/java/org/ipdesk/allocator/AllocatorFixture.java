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

/** A fresh allocator on a temporary file, with a fixed clock, user and random seed. */
final class AllocatorFixture {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private AllocatorFixture() {
    }

    static Allocator open(Path file) {
        return new Allocator(Database.open(file), Clock.fixed(NOW, ZoneOffset.UTC), "alice", new Random(7));
    }

    static Ip ip(String text) {
        return Ip.parse(text);
    }

    static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    static Subnet subnet(Allocator allocator, String network, String cidr) {
        return allocator.createSubnet(network, SubnetSpec.of(Cidr.parse(cidr)));
    }
}
