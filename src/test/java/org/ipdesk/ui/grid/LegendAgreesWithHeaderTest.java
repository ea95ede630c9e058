package org.ipdesk.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.subnet.SubnetHeaderViewModel;
import org.ipdesk.ui.subnet.UsageSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The subnet header and the grid's legend count one subnet the same way: same names, same numbers. The subnet has
 * every state: an unheld gateway, a DHCP pool with leases, a reserved range, a child subnet holding an address of its
 * own (which is the child's, not the parent's).
 */
class LegendAgreesWithHeaderTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private Allocator allocator;

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (executor != null) {
            executor.close();
        }
        allocator.close();
    }

    @Test
    void headerSegmentsAndLegendEntriesHaveTheSameNamesAndCounts() throws Exception {
        allocator = Allocator.open(Location.of(dir.resolve("counts.db")));
        Subnet lan = GridFixtures.mixed24(allocator);
        Subnet child = allocator.subnets("lab").stream().filter(s -> s.cidr().equals(Cidr.parse("192.168.1.192/27")))
                .findFirst().orElseThrow();
        allocator.reserve(child.id(), Ip.parse("192.168.1.200"), AddressDetails.allocated("in-child"));

        SubnetHeaderViewModel header = new SubnetHeaderViewModel(() -> allocator, new CurrentThreadTaskExecutor());
        header.show(lan);

        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor();
        AddressGridViewModel[] vm = new AddressGridViewModel[1];
        GridLegend[] legend = new GridLegend[1];
        FxToolkit.setupStage(stage -> {
            vm[0] = new AddressGridViewModel(() -> allocator, executor);
            AddressGrid grid = new AddressGrid(vm[0]);
            legend[0] = new GridLegend(grid);
            stage.setScene(new Scene(new BorderPane(grid, null, null, legend[0], null), 900, 600));
            stage.show();
        });
        robot.interact(() -> vm[0].show(lan));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm[0].getContent() != null
                && vm[0].getContent().subnet().id() == lan.id() && !vm[0].loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        Map<String, BigInteger> inLegend = new LinkedHashMap<>();
        for (String entry : legend[0].summary().split(", ")) {
            int space = entry.lastIndexOf(' ');
            inLegend.put(entry.substring(0, space), new BigInteger(entry.substring(space + 1).replace(",", "")));
        }
        Map<String, BigInteger> inHeader = new LinkedHashMap<>();
        for (UsageSegment s : header.segments()) {
            inHeader.put(s.label(), s.count());
        }

        // what a user compares: the new /24's gateway is "gateway 1" in both, its pool "DHCP pool" in both
        assertThat(inHeader).containsEntry("gateway", BigInteger.ONE).containsEntry("allocated", BigInteger.valueOf(20))
                .containsEntry("reserved", BigInteger.valueOf(4)).containsEntry("DHCP pool", BigInteger.valueOf(47))
                .containsEntry("child subnet", BigInteger.valueOf(32));
        // every header segment is a legend entry with the same count, and every usable legend entry is in the header
        assertThat(inLegend).containsAllEntriesOf(inHeader);
        Map<String, BigInteger> usable = new LinkedHashMap<>(inLegend);
        usable.remove(CellState.UNUSABLE.label());
        // the seen mark's entry counts cells scans saw, not a state: the header has no such segment
        assertThat(usable.remove("seen in the last " + GridSeen.RECENT_DAYS + " days")).isZero();
        assertThat(usable).isEqualTo(inHeader);
        assertThat(header.usageTextProperty().get()).contains("20 allocated", "1 gateway", "47 DHCP pool",
                "32 child subnet");
    }
}
