package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Usage;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The network tree on its own: reading the sample, its figures, the filter; plain JUnit, no window. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class NetworkTreeViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private NetworkTreeViewModel.Snapshot readSample() {
        try (Allocator allocator = Allocator.open(SampleDatabase.fresh(engine, dir))) {
            return NetworkTreeViewModel.read(allocator);
        }
    }

    @Test
    void readsTheNetworksWithTheirFiguresAndTheStatusLineCounts() {
        NetworkTreeViewModel.Snapshot snapshot = readSample();

        assertThat(snapshot.summary()).isEqualTo("2 networks \u00b7 7 subnets \u00b7 45 addresses");
        TreeRow branch = snapshot.rows().stream().filter(r -> r.label().equals("branch-office")).findFirst()
                .orElseThrow();
        assertThat(branch.used()).isEqualTo("126 of 268");
        assertThat(branch.usage()).isEqualTo("47.01 %");
        TreeRow dc1 = snapshot.rows().stream().filter(r -> r.label().equals("dc1")).findFirst().orElseThrow();
        assertThat(dc1.usage()).isEqualTo(NetworkTreeViewModel.NOT_APPLICABLE);
    }

    @Test
    void theFilterShowsMatchesWithTheirPathAndTellsTheWindowEachTime() {
        NetworkTreeViewModel tree = new NetworkTreeViewModel();
        AtomicInteger filtered = new AtomicInteger();
        tree.setOnFiltered(filtered::incrementAndGet);
        tree.show(readSample().rows());
        assertThat(filtered).hasValue(1);
        assertThat(tree.visibleNetworks()).hasSize(2);

        tree.filterProperty().set("databases");
        assertThat(tree.visibleNetworks()).extracting(TreeRow::label).containsExactly("dc1");
        assertThat(tree.visibleNetworks().get(0).children().get(0).children()).extracting(TreeRow::label)
                .containsExactly("10.10.2.0/24");
        assertThat(filtered).hasValue(2);
        String web = tree.findRow(r -> r.label().equals("10.10.1.0/24")).orElseThrow().key();
        assertThat(tree.find(web)).isPresent();
        assertThat(tree.isVisible(web)).isFalse();

        tree.filterProperty().set("");
        assertThat(tree.isVisible(web)).isTrue();
        assertThat(tree.networks()).hasSize(2);

        tree.clear();
        assertThat(tree.networks()).isEmpty();
        assertThat(tree.visibleNetworks()).isEmpty();
    }

    @Test
    void figuresAreFormattedForTheTree() {
        Usage quarter = new Usage(BigInteger.valueOf(254), BigInteger.valueOf(32), BigInteger.ZERO,
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(222));
        assertThat(NetworkTreeViewModel.percent(quarter)).isEqualTo("12.60 %");
        assertThat(NetworkTreeViewModel.fraction(quarter)).isEqualTo(0.126);
        assertThat(NetworkTreeViewModel.used(quarter)).isEqualTo("32 of 254");
        assertThat(NetworkTreeViewModel.count(1, "address")).isEqualTo("1 address");
        assertThat(NetworkTreeViewModel.count(2_000, "address")).isEqualTo("2,000 addresses");
    }
}
