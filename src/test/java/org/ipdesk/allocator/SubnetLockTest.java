package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every address command locks the one subnet it writes to ({@link Session#lockSubnet}) before it reads the free
 * space or writes an address: the seam a server engine needs for per-subnet locking (a no-op under SQLite). The
 * calls of the real SQLite session are recorded through a proxy, in order.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SubnetLockTest {
    @Parameter
    Engine engine;

    /** Session calls that read the free space or write addresses: each must come after the subnet's lock. */
    private static final Set<String> GUARDED = Set.of("firstExtent", "extentContaining", "extentEndingAt",
            "extentStartingAt", "scanExtents", "extents", "insertExtent", "deleteExtent", "deleteExtents",
            "insertAddress", "insertAddresses", "updateAddress", "deleteAddress");

    @TempDir
    Path dir;

    private Database real;
    private final List<String> calls = new ArrayList<>();
    private Allocator allocator;
    private Subnet v4;
    private Subnet v6;

    @BeforeEach
    void setUp() {
        real = engine.open(dir, "lock");
        allocator = new Allocator(recording(real), Clock.systemUTC(), "tester", new Random(7));
        allocator.createNetwork("lab", "");
        v4 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
        v6 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("2001:db8::/64")));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    @Test
    void everyAddressCommandLocksItsSubnetBeforeTouchingTheFreeSpaceOrAnAddress() {
        AddressDetails details = AddressDetails.allocated("h1");
        assertLocksFirst(v4, () -> allocator.reserve(v4.id(), Ip.parse("10.0.0.5"), details));
        assertLocksFirst(v4, () -> allocator.allocateNext(v4.id(), 2, Strategy.FIRST, details));
        assertLocksFirst(v4, () -> allocator.allocateNext(v4.id(), 1, Strategy.RANDOM, details));
        assertLocksFirst(v4, () -> allocator.allocateBlock(v4.id(), 4, details));
        assertLocksFirst(v4, () -> allocator.update(v4.id(), Ip.parse("10.0.0.5"),
                details.withStatus(AddressStatus.RESERVED)));
        assertLocksFirst(v4, () -> allocator.release(v4.id(), Ip.parse("10.0.0.5")));
        assertLocksFirst(v4, () -> allocator.releaseAll(v4.id(), List.of(Ip.parse("10.0.0.1"), Ip.parse("10.0.0.2"))));
        Subnet fresh = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.1.0/24")));
        assertLocksFirst(fresh, () -> assertThat(allocator.checkReserve(fresh.id(), Ip.parse("10.0.1.9"), details)).isEmpty());
    }

    @Test
    void rangeAndSubnetCommandsLockTheSubnetWhoseFreeSpaceTheyChange() {
        assertLocksFirst(v4, () -> allocator.addRange(v4.id(), Ip.parse("10.0.0.100"), Ip.parse("10.0.0.150"),
                RangeKind.DHCP, "pool"));
        long range = allocator.ranges(v4.id()).get(0).id();
        assertLocksFirst(v4, () -> allocator.updateRange(range, Ip.parse("10.0.0.100"), Ip.parse("10.0.0.160"),
                RangeKind.DHCP, "pool"));
        assertLocksFirst(v4, () -> allocator.deleteRange(range));
        // a child takes its parent's addresses and free space; deleting it gives them back
        assertLocksFirst(v4, () -> allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.128/25"))));
        Subnet child = allocator.findSubnet(Cidr.parse("10.0.0.128/25"), Optional.of("lab"));
        assertLocksFirst(v4, () -> allocator.deleteSubnet(child.id()));
        assertLocksFirst(v4, () -> allocator.updateSubnet(v4.id(), SubnetSpec.of(v4.cidr()).withGateway(Ip.parse("10.0.0.1"))));
    }

    @Test
    void subnetCommandsLockTheNetworksTreeBeforeReadingIt() {
        for (Runnable command : List.<Runnable>of(
                () -> allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/25"))),
                () -> allocator.deleteSubnet(allocator.findSubnet(Cidr.parse("10.0.0.0/25"), Optional.of("lab")).id()),
                () -> allocator.createNextFreeChild("lab", v4.cidr(), 26, "child"))) {
            calls.clear();
            command.run();
            int lock = calls.indexOf("lockNetwork");
            assertThat(lock).as("lockNetwork in " + calls).isNotNegative();
            assertThat(calls.subList(0, lock)).as("calls before the network's lock")
                    .noneMatch(c -> c.startsWith("lockSubnet") || c.startsWith("subnetsContaining")
                            || c.startsWith("children") || c.startsWith("insertSubnet") || c.startsWith("deleteSubnet"));
        }
    }

    @Test
    void aDualStackPairLocksBothSubnetsInIdOrderBeforeAnyWrite() {
        calls.clear();
        allocator.allocateGroup(List.of(new GroupRequest(v6.id(), Optional.empty(), AddressDetails.allocated("h2")),
                new GroupRequest(v4.id(), Optional.empty(), AddressDetails.allocated("h2"))));
        List<String> locks = calls.stream().filter(c -> c.startsWith("lockSubnet")).toList();
        assertThat(locks).containsExactly("lockSubnet " + Math.min(v4.id(), v6.id()),
                "lockSubnet " + Math.max(v4.id(), v6.id()));
        int lastLock = calls.lastIndexOf(locks.get(1));
        assertThat(calls.subList(0, lastLock)).noneMatch(c -> GUARDED.contains(c.split(" ")[0]));
    }

    @Test
    void anImportLocksEverySubnetItWritesAddressesIntoInIdOrderBeforeCheckingOrWritingAny() {
        Subnet fresh = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.1.0/24")));
        List<ImportItem> items = List.of(
                new ImportItem.AddressItem(2, "lab", Optional.of(fresh.cidr()), Ip.parse("10.0.1.7"),
                        AddressDetails.allocated("a")),
                new ImportItem.AddressItem(3, "lab", Optional.empty(), Ip.parse("2001:db8::7"),
                        AddressDetails.allocated("b")),
                new ImportItem.AddressItem(4, "lab", Optional.of(v4.cidr()), Ip.parse("10.0.0.7"),
                        AddressDetails.allocated("c")),
                new ImportItem.AddressItem(5, "lab", Optional.empty(), Ip.parse("10.0.0.8"),
                        AddressDetails.allocated("d")),
                new ImportItem.AddressItem(6, "lab", Optional.empty(), Ip.parse("192.0.2.1"),
                        AddressDetails.allocated("nowhere")));
        List<String> expected = java.util.stream.Stream.of(v4.id(), v6.id(), fresh.id()).sorted()
                .map(id -> "lockSubnet " + id).toList();

        calls.clear();
        ImportPlan plan = allocator.previewImport("lab.csv", "IPDesk", items);
        assertImportLocked(expected);
        assertThat(plan.rows()).extracting(ImportPlan.Row::result).containsExactly(ImportPlan.Result.NEW,
                ImportPlan.Result.NEW, ImportPlan.Result.NEW, ImportPlan.Result.NEW, ImportPlan.Result.ERROR);

        ImportPlan valid = allocator.previewImport("lab.csv", "IPDesk", items.subList(0, 4));
        calls.clear();
        assertThat(allocator.applyImport(valid).addresses()).isEqualTo(4);
        assertImportLocked(expected);
        assertThat(calls).contains("insertAddresses");
    }

    /** The import locked exactly {@code expected}, in that order, before it read or wrote any address or extent. */
    private void assertImportLocked(List<String> expected) {
        List<String> locks = calls.stream().filter(c -> c.startsWith("lockSubnet")).toList();
        assertThat(locks).isEqualTo(expected);
        int lastLock = calls.lastIndexOf(locks.get(locks.size() - 1));
        assertThat(calls.subList(0, lastLock)).as("calls before the last lock")
                .noneMatch(c -> GUARDED.contains(c) || c.equals("addresses"));
        assertThat(calls.subList(lastLock, calls.size())).as("the held addresses are read after the locks")
                .contains("addresses");
    }

    private void assertLocksFirst(Subnet subnet, Runnable command) {
        calls.clear();
        command.run();
        int lock = calls.indexOf("lockSubnet " + subnet.id());
        assertThat(lock).as("lockSubnet in " + calls).isNotNegative();
        assertThat(calls.subList(0, lock)).as("calls before the lock").noneMatch(c -> GUARDED.contains(c.split(" ")[0]));
        assertThat(calls).as("some guarded call happened").anyMatch(c -> GUARDED.contains(c.split(" ")[0]));
    }

    /** The real database, whose sessions record each call's name (and, for lockSubnet, the subnet id). */
    private Database recording(Database database) {
        return (Database) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Database.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof Function<?, ?> work
                            && Set.of("write", "read", "rehearse").contains(method.getName())) {
                        @SuppressWarnings("unchecked")
                        Function<Session, Object> inner = (Function<Session, Object>) work;
                        Function<Session, Object> wrapped = s -> inner.apply(recordingSession(s));
                        return invoke(method, database, new Object[] {wrapped});
                    }
                    return invoke(method, database, args);
                });
    }

    private Session recordingSession(Session session) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    calls.add(method.getName().equals("lockSubnet") ? "lockSubnet " + args[0] : method.getName());
                    return invoke(method, session, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
