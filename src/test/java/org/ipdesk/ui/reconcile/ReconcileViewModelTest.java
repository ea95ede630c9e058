package org.ipdesk.ui.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.undo.Undoable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Reconcile window's state on a file and on a team database: a scan recorded through the allocator shows as
 * findings; the actions chosen per row apply as one command, handed to the window as one undoable that takes them
 * all back and does them again; refusals come back in words and change nothing.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ReconcileViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Mac RECORDED = Mac.parse("00:11:22:33:44:aa");
    private static final Mac SWAPPED = Mac.parse("00:11:22:33:44:bb");
    private static final Mac UNKNOWN = Mac.parse("00:11:22:33:44:cc");

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<Undoable> undoables = new ArrayList<>();
    private Allocator allocator;
    private Subnet lan;
    private ReconcileViewModel reconcile;

    @BeforeEach
    void setUp() {
        Location location = engine.fresh(dir, "reconcile");
        Database.open(location, OpenMode.CREATE).close();
        allocator = new Allocator(Database.open(engine.desk(location, "alice").location(), OpenMode.EXISTING),
                Clock.fixed(NOW, ZoneOffset.UTC), "alice", new Random(1));
        allocator.createNetwork("dc1", "");
        lan = allocator.createSubnet("dc1", new SubnetSpec(Cidr.parse("10.0.0.0/24"), "lan", "", OptionalInt.empty(),
                Optional.empty()));
        allocator.reserve(lan.id(), ip("10.0.0.5"), new AddressDetails(AddressStatus.ALLOCATED, "web-01",
                Optional.of(RECORDED), "ops", ""));
        allocator.reserve(lan.id(), ip("10.0.0.6"), AddressDetails.allocated("db-01"));
        Instant seen = NOW.minus(Duration.ofHours(2));
        allocator.observe(List.of(
                new Observation(ip("10.0.0.5"), Optional.of(SWAPPED), Optional.of("web-01"), seen, SourceKind.NMAP,
                        "nmap-scan.xml"),
                new Observation(ip("10.0.0.20"), Optional.of(UNKNOWN), Optional.of("laptop-7"), seen,
                        SourceKind.NMAP, "nmap-scan.xml")));
        reconcile = new ReconcileViewModel(() -> allocator, tasks, new ReconcileViewModel.Scope.Network("dc1"),
                Clock.fixed(NOW, ZoneOffset.UTC), undoables::add);
    }

    @AfterEach
    void tearDown() {
        if (allocator != null) {
            allocator.close();
        }
    }

    private static Ip ip(String text) {
        return Ip.parse(text);
    }

    private ReconcileRow row(String address, String kind) {
        return reconcile.rows().stream().filter(r -> r.address().equals(address) && r.kind().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " row for " + address + " in "
                        + reconcile.rows().stream().map(r -> r.address() + " " + r.kind()).toList()));
    }

    private Optional<Address> held(String address) {
        return allocator.address(lan.id(), ip(address));
    }

    @Test
    void noFindingsAnywhereSaysSoInPlainWords() {
        Location location = engine.fresh(dir, "quiet");
        Database.open(location, OpenMode.CREATE).close();
        try (Allocator quiet = new Allocator(Database.open(engine.desk(location, "alice").location(),
                OpenMode.EXISTING), Clock.fixed(NOW, ZoneOffset.UTC), "alice", new Random(1))) {
            quiet.createNetwork("dc2", "");
            ReconcileViewModel everything = new ReconcileViewModel(() -> quiet, tasks,
                    new ReconcileViewModel.Scope.Everything(), Clock.fixed(NOW, ZoneOffset.UTC), undoables::add);
            everything.reload();
            assertThat(everything.countProperty().get())
                    .isEqualTo("No findings in any network: the records match what was seen.");
            ReconcileViewModel dc2 = new ReconcileViewModel(() -> quiet, tasks,
                    new ReconcileViewModel.Scope.Network("dc2"), Clock.fixed(NOW, ZoneOffset.UTC), undoables::add);
            dc2.reload();
            assertThat(dc2.countProperty().get())
                    .isEqualTo("No findings in network dc2: the records match what was seen.");
        }
    }

    @Test
    void listsTheFindingsWithKindSeenRecordedAndSuggestedAction() {
        reconcile.reload();

        assertThat(reconcile.rows()).extracting(ReconcileRow::address, ReconcileRow::kind, ReconcileRow::suggested)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10.0.0.5", "mac-differs", "update-mac"),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.6", "stale", "deprecate-stale"),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.20", "unknown-host", "record"));
        ReconcileRow macRow = row("10.0.0.5", "mac-differs");
        assertThat(macRow.seen()).contains("MAC 00:11:22:33:44:bb");
        assertThat(macRow.recorded()).contains("MAC 00:11:22:33:44:aa");
        assertThat(macRow.chosenProperty().get()).isEqualTo(ReconcileRow.NONE);
        assertThat(row("10.0.0.6", "stale").choices()).containsExactly("none", "deprecate-stale", "release-stale",
                "ignore");
        assertThat(reconcile.countProperty().get()).isEqualTo("3 findings in network dc1");
        assertThat(reconcile.titleProperty().get()).isEqualTo("Reconcile \u2014 network dc1");
    }

    @Test
    void appliesTheChosenActionsAsOneUndoableCommand() {
        reconcile.reload();
        row("10.0.0.20", "unknown-host").chosenProperty().set("record");
        row("10.0.0.5", "mac-differs").chosenProperty().set("update-mac");
        row("10.0.0.6", "stale").chosenProperty().set("release-stale");

        reconcile.apply();

        assertThat(reconcile.failedProperty().get()).as(reconcile.messageProperty().get()).isFalse();
        assertThat(undoables).hasSize(1);
        assertThat(held("10.0.0.20")).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AddressStatus.ALLOCATED);
            assertThat(a.details().hostname()).isEqualTo("laptop-7");
            assertThat(a.details().mac()).contains(UNKNOWN);
        });
        assertThat(held("10.0.0.5").orElseThrow().details().mac()).contains(SWAPPED);
        assertThat(held("10.0.0.6")).isEmpty();
        assertThat(reconcile.rows()).as("settled findings are gone after the reload").isEmpty();
        assertThat(reconcile.messageProperty().get()).isEqualTo("Reconcile: update-mac 10.0.0.5, release-stale 10.0.0.6,"
                + " record 10.0.0.20: applied as one change (Edit \u2192 Undo takes it back).");
        assertThat(undoables.get(0).description())
                .isEqualTo("Reconcile: update-mac 10.0.0.5, release-stale 10.0.0.6, record 10.0.0.20");

        Undoable undo = undoables.get(0);
        undo.undo(allocator);
        assertThat(held("10.0.0.20")).isEmpty();
        assertThat(held("10.0.0.5").orElseThrow().details().mac()).contains(RECORDED);
        assertThat(held("10.0.0.5").orElseThrow().details().owner()).isEqualTo("ops");
        assertThat(held("10.0.0.6").orElseThrow().details().hostname()).isEqualTo("db-01");
        reconcile.reload();
        assertThat(reconcile.rows()).hasSize(3);

        undo.redo(allocator);
        assertThat(held("10.0.0.20")).isPresent();
        assertThat(held("10.0.0.5").orElseThrow().details().mac()).contains(SWAPPED);
        assertThat(held("10.0.0.6")).isEmpty();
        undo.undo(allocator);
        assertThat(held("10.0.0.20")).isEmpty();
        assertThat(held("10.0.0.6")).isPresent();
    }

    @Test
    void aNewMacAndANewHostNameOfOneAddressAreOneUpdateAndOneUndo() {
        allocator.observe(List.of(new Observation(ip("10.0.0.5"), Optional.of(SWAPPED), Optional.of("web-01-new"),
                NOW.minus(Duration.ofHours(1)), SourceKind.NMAP, "nmap-scan-2.xml")));
        reconcile.reload();
        row("10.0.0.5", "mac-differs").chosenProperty().set("update-mac");
        row("10.0.0.5", "hostname-differs").chosenProperty().set("update-hostname");

        reconcile.apply();

        assertThat(reconcile.failedProperty().get()).as(reconcile.messageProperty().get()).isFalse();
        Address after = held("10.0.0.5").orElseThrow();
        assertThat(after.details().mac()).contains(SWAPPED);
        assertThat(after.details().hostname()).isEqualTo("web-01-new");
        assertThat(after.details().owner()).isEqualTo("ops");
        assertThat(undoables).hasSize(1);

        undoables.get(0).undo(allocator);
        Address back = held("10.0.0.5").orElseThrow();
        assertThat(back.details().mac()).contains(RECORDED);
        assertThat(back.details().hostname()).isEqualTo("web-01");
    }

    @Test
    void nothingChosenIsRefusedInWords() {
        reconcile.reload();

        reconcile.apply();

        assertThat(reconcile.failedProperty().get()).isTrue();
        assertThat(reconcile.messageProperty().get()).isEqualTo("Choose an action in at least one row to apply.");
        assertThat(undoables).isEmpty();
    }

    @Test
    void aFindingThatNoLongerAppliesRefusesTheWholeApply() {
        reconcile.reload();
        row("10.0.0.20", "unknown-host").chosenProperty().set("record");
        row("10.0.0.5", "mac-differs").chosenProperty().set("update-mac");
        allocator.update(held("10.0.0.5").orElseThrow(), AddressDetails.allocated("web-02"));

        reconcile.apply();

        assertThat(reconcile.failedProperty().get()).isTrue();
        assertThat(reconcile.messageProperty().get()).contains("nothing was applied").contains("10.0.0.5");
        assertThat(held("10.0.0.20")).as("the record was not applied either").isEmpty();
        assertThat(undoables).isEmpty();
    }

    @Test
    void staleDaysBelowOneAreRefusedAndMoreDaysFindNothingStale() {
        reconcile.sameStaleDaysProperty().set(true);
        reconcile.staleDaysProperty().set(0);
        reconcile.reload();
        assertThat(reconcile.failedProperty().get()).isTrue();
        assertThat(reconcile.messageProperty().get()).isEqualTo("The stale days must be at least 1, not 0.");

        allocator.observe(List.of(new Observation(ip("10.0.0.6"), Optional.empty(), Optional.empty(),
                NOW.minus(Duration.ofDays(40)), SourceKind.NMAP, "old-scan.xml")));
        reconcile.staleDaysProperty().set(30);
        reconcile.reload();
        assertThat(row("10.0.0.6", "stale").seen()).contains("old-scan.xml");
        reconcile.staleDaysProperty().set(60);
        reconcile.reload();
        assertThat(reconcile.rows()).extracting(ReconcileRow::kind).doesNotContain("stale");
    }

    @Test
    void eachSubnetsOwnStaleDaysCountUnlessOneNumberIsChosenForAll() {
        allocator.observe(List.of(new Observation(ip("10.0.0.6"), Optional.empty(), Optional.empty(),
                NOW.minus(Duration.ofDays(40)), SourceKind.NMAP, "old-scan.xml")));
        reconcile.reload();
        assertThat(row("10.0.0.6", "stale").seen()).as("30 days by default").contains("old-scan.xml");

        Subnet read = allocator.subnet(lan.id());
        allocator.updateSubnet(read, SubnetSpec.of(read).withStaleDays(OptionalInt.of(60)));
        reconcile.reload();
        assertThat(reconcile.rows()).as("the subnet says 60 days").extracting(ReconcileRow::kind)
                .doesNotContain("stale");

        reconcile.sameStaleDaysProperty().set(true);
        reconcile.staleDaysProperty().set(30);
        reconcile.reload();
        assertThat(row("10.0.0.6", "stale").seen()).as("30 days for every subnet, chosen in the window")
                .contains("old-scan.xml");
    }

    @Test
    void anIgnoreIsUndoneWithTheOtherActionsAndRedoneWithThem() {
        reconcile.reload();
        row("10.0.0.20", "unknown-host").chosenProperty().set("ignore");
        row("10.0.0.5", "mac-differs").chosenProperty().set("update-mac");

        reconcile.apply();

        assertThat(reconcile.failedProperty().get()).as(reconcile.messageProperty().get()).isFalse();
        assertThat(reconcile.rows()).extracting(ReconcileRow::address).doesNotContain("10.0.0.20", "10.0.0.5");
        Undoable undo = undoables.get(0);

        undo.undo(allocator);
        reconcile.reload();
        assertThat(row("10.0.0.20", "unknown-host")).as("the ignored finding shows again after the undo").isNotNull();
        assertThat(held("10.0.0.5").orElseThrow().details().mac()).contains(RECORDED);
        assertThat(held("10.0.0.20")).as("an ignore never recorded the address").isEmpty();

        undo.redo(allocator);
        reconcile.reload();
        assertThat(reconcile.rows()).extracting(ReconcileRow::address).doesNotContain("10.0.0.20", "10.0.0.5");
    }
}
