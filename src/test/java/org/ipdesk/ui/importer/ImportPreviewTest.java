package org.ipdesk.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The import preview: every row with its result before anything is written, then one all-or-nothing import. */
class ImportPreviewTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    Allocator allocator;
    Path good;
    Path bad;

    @BeforeEach
    void setUp() throws Exception {
        allocator = Allocator.open(Location.of(dir.resolve("import.db")));
        good = dir.resolve("good.csv");
        Files.copy(Path.of("src/test/resources/import/ipdesk-mixed.csv"), good);
        bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readString(good).replace("10.0.0.10,allocated", "10.0.0.300,allocated"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (FxToolkit.isFXApplicationThreadRunning()) {
            FxToolkit.cleanupStages();
        }
        if (executor != null) {
            executor.close();
        }
        allocator.close();
    }

    /** The network lab with its subnet 10.0.0.0/24, for the addresses of a DHCP server's file. */
    private org.ipdesk.model.Subnet labWithItsLan() {
        allocator.createNetwork("lab", "");
        return allocator.createSubnet("lab", org.ipdesk.model.SubnetSpec.of(
                org.ipdesk.address.Cidr.parse("10.0.0.0/24")));
    }

    /** The preview of a file in its window, reading it on the background executor. */
    private record Opened(ImportPreviewViewModel vm, Stage window) {
    }

    /** Opens the preview's window on {@code file} with {@code stylesheets}; its executor is closed after the test. */
    private Opened openWindow(Path file, List<String> stylesheets) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor();
        ImportPreviewViewModel vm = new ImportPreviewViewModel(() -> allocator, executor, file);
        Stage[] window = new Stage[1];
        robot.interact(() -> window[0] = ImportPreviewView.showWindow(null, stylesheets, vm));
        return new Opened(vm, window[0]);
    }

    /** {@link #openWindow} in the app's theme. */
    private Opened openThemed(Path file) throws TimeoutException {
        return openWindow(file, List.of(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void aBadRowIsNamedAndNothingCanBeImported() {
        String before = ContentSnapshot.of(dir.resolve("import.db"));
        ImportPreviewViewModel vm = new ImportPreviewViewModel(() -> allocator, new CurrentThreadTaskExecutor(), bad);
        vm.preview();
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Nothing can be imported while a row is a conflict or an error: row 5: error: ")
                .contains("10.0.0.300");
        assertThat(vm.rows()).anySatisfy(row -> assertThat(row.result()).isEqualTo("error"));
        vm.importAll();
        assertThat(ContentSnapshot.of(dir.resolve("import.db"))).isEqualTo(before);
    }

    @Test
    void aFolderGivenAsTheFileIsNamedOnceWithTheReason() {
        ImportPreviewViewModel vm = new ImportPreviewViewModel(() -> allocator, new CurrentThreadTaskExecutor(), dir);
        vm.preview();
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot read " + dir + ": it is a folder, not a file");
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.emptyTextProperty().get()).isEmpty();
    }

    @Test
    void aFileWithOnlyItsHeaderSaysThereIsNothingToImportAsTheCommandLineDoes() throws Exception {
        Path header = Files.writeString(dir.resolve("header-only.csv"), "kind,network,cidr,ip,status,hostname\n");
        ImportPreviewViewModel vm = new ImportPreviewViewModel(() -> allocator, new CurrentThreadTaskExecutor(),
                header);
        vm.preview();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Nothing to import: header-only.csv has no data rows.");
        assertThat(vm.canImportProperty().get()).isFalse();
    }

    @Test
    void aFileWhoseLayoutCannotBeToldIsReadInTheLayoutChosenInTheList() throws Exception {
        labWithItsLan();
        // a dnsmasq hosts file without MAC addresses: nothing in it says it is one
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), "web02,10.0.0.7\n");
        Opened preview = openThemed(hosts);
        ImportPreviewViewModel vm = preview.vm();
        PaneStage.waitUntil(() -> !vm.busyProperty().get() && !vm.errorProperty().get().isEmpty());
        // the window's own way to name the layout, not the command line's
        assertThat(vm.errorProperty().get()).isEqualTo("The header of hosts.txt (web02, 10.0.0.7) matches no "
                + "layout: choose the file's layout in the Layout list above.");
        javafx.scene.control.ChoiceBox<?> layouts = robot.lookup(".import-layout")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(robot.lookup(".import-layout .label").queryLabeled().getText())
                .isEqualTo(ImportPreviewView.TELL_FROM_THE_FILE);
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
        PaneStage.screenshot(robot, preview.window(), "import-preview-no-layout.png");

        // by keyboard, as an admin would: Alt+L opens the list, the arrows choose dnsmasq
        robot.press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.L)
                .release(javafx.scene.input.KeyCode.ALT);
        PaneStage.waitUntil(layouts::isFocused);
        robot.interact(layouts::show);
        int steps = ImportPreviewViewModel.layouts().indexOf(org.ipdesk.exchange.ImportLayout.DNSMASQ);
        for (int i = 0; i < steps; i++) {
            robot.type(javafx.scene.input.KeyCode.DOWN);
        }
        robot.type(javafx.scene.input.KeyCode.ENTER);
        PaneStage.waitUntil(() -> vm.rows().size() == 1 && !vm.busyProperty().get());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("1 entry (layout dnsmasq): 1 new");
        assertThat(robot.lookup(".import-layout .label").queryLabeled().getText())
                .isEqualTo("dnsmasq configuration or hosts file");
        PaneStage.screenshot(robot, preview.window(), "import-preview-layout-chosen.png");
        robot.clickOn("#importButton");
        PaneStage.waitUntil(() -> vm.importedProperty().get());
        assertThat(allocator.find("web02")).singleElement()
                .satisfies(found -> assertThat(found.address().ip().toString()).isEqualTo("10.0.0.7"));
        assertThat(layouts.isDisabled()).as("the list stays as imported").isTrue();
    }

    @Test
    void aFileOfOneRowSaysOneRow() throws Exception {
        Path one = Files.writeString(dir.resolve("one.csv"), "kind,network\nnetwork,lab\n");
        ImportPreviewViewModel vm = new ImportPreviewViewModel(() -> allocator, new CurrentThreadTaskExecutor(), one);
        vm.preview();
        assertThat(vm.summaryProperty().get()).startsWith("1 row (layout ipdesk, delimiter ','): 1 new");
    }

    @Test
    void aGoodFileIsPreviewedThenImportedOnceAndTheSecondPreviewIsUnchanged() {
        List<String> done = new ArrayList<>();
        ImportPreviewViewModel vm = new ImportPreviewViewModel(() -> allocator, new CurrentThreadTaskExecutor(), good);
        vm.setOnImported(done::add);
        vm.preview();
        assertThat(vm.summaryProperty().get()).startsWith("6 rows (layout ipdesk, delimiter ','): 6 new");
        assertThat(allocator.networks()).isEmpty(); // the preview wrote nothing
        vm.importAll();
        assertThat(done).singleElement().asString().startsWith("Imported good.csv: 1 network, 1 subnet, 1 range, ");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(allocator.networks()).hasSize(1);

        ImportPreviewViewModel again = new ImportPreviewViewModel(() -> allocator, new CurrentThreadTaskExecutor(), good);
        again.preview();
        assertThat(again.rows()).allSatisfy(row -> assertThat(row.result()).isEqualTo("unchanged"));
        assertThat(again.canImportProperty().get()).isFalse();
    }

    @Test
    void aCancelledImportWritesNothingAndCanBeStartedAgain() {
        String before = ContentSnapshot.of(dir.resolve("import.db"));
        ImportPreviewViewModel[] vm = new ImportPreviewViewModel[1];
        // the user presses Cancel as the import job starts
        org.ipdesk.ui.TaskExecutor cancelling = new org.ipdesk.ui.TaskExecutor() {
            @Override
            public <T> void submit(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                   java.util.function.Consumer<? super Throwable> failed) {
                if (vm[0] != null && vm[0].importingProperty().get()) {
                    vm[0].cancelImport();
                }
                new CurrentThreadTaskExecutor().submit(work, ok, failed);
            }
        };
        vm[0] = new ImportPreviewViewModel(() -> allocator, cancelling, good);
        vm[0].preview();
        vm[0].importAll();
        assertThat(vm[0].summaryProperty().get()).isEqualTo("Import cancelled; nothing was written");
        assertThat(vm[0].errorProperty().get()).isEmpty();
        assertThat(vm[0].importingProperty().get()).isFalse();
        assertThat(vm[0].canImportProperty().get()).isTrue();
        assertThat(ContentSnapshot.of(dir.resolve("import.db"))).isEqualTo(before);
    }

    @Test
    void theWindowListsTheRowsAndImports() throws Exception {
        Opened preview = openWindow(good, List.of());
        ImportPreviewViewModel vm = preview.vm();
        PaneStage.waitUntil(() -> robot.lookup(".import-rows").queryAs(TableView.class).getItems().size() == 6);
        PaneStage.screenshot(robot, preview.window(), "import-preview.png");
        // every note shows in full on hover, however narrow its column
        List<javafx.scene.control.TableCell<?, ?>> notes = new ArrayList<>();
        for (javafx.scene.control.TableCell<?, ?> cell : robot.lookup(".import-rows .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class)) {
            if (cell.getTableColumn().getText().equals("Note") && cell.getItem() instanceof String text
                    && !text.isBlank()) {
                notes.add(cell);
            }
        }
        assertThat(notes).isNotEmpty().allSatisfy(cell -> assertThat(cell.getTooltip()).isNotNull()
                .extracting(javafx.scene.control.Tooltip::getText).isEqualTo(cell.getItem()));
        Button importButton = robot.lookup("#importButton").queryButton();
        assertThat(importButton.isDisabled()).isFalse();
        robot.clickOn(importButton);
        PaneStage.waitUntil(() -> vm.importedProperty().get());
        assertThat(allocator.networks()).hasSize(1);
        assertThat(importButton.isDisabled()).isTrue();
    }

    @Test
    void aKeaConfigurationIsPreviewedByLineAndImported() throws Exception {
        org.ipdesk.model.Subnet lan = labWithItsLan();
        Path kea = dir.resolve("kea-dhcp4.conf");
        Files.writeString(kea, """
                // Kea DHCPv4
                {
                  "Dhcp4": {
                    "subnet4": [ {
                      "id": 1,
                      "subnet": "10.0.0.0/24",
                      "reservations": [
                        { "hw-address": "aa:bb:cc:00:00:05", "ip-address": "10.0.0.5", "hostname": "web01" },
                        { "hw-address": "aa:bb:cc:00:00:06", "ip-address": "10.0.0.6", "hostname": "web02" },
                        { "hw-address": "aa:bb:cc:00:00:07", "ip-address": "10.0.0.7", "hostname": "print01" }
                      ]
                    } ]
                  }
                }
                """);
        Opened preview = openThemed(kea);
        ImportPreviewViewModel vm = preview.vm();
        TableView<?> table = robot.lookup(".import-rows").queryAs(TableView.class);
        PaneStage.waitUntil(() -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        PaneStage.screenshot(robot, preview.window(), "import-preview-kea.png");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 entries (layout kea): 3 new \u00b7 0 unchanged "
                + "\u00b7 0 conflicts \u00b7 0 errors");
        // the entries are numbered by their line in the file
        assertThat(table.getColumns().get(0).getText()).isEqualTo("Line");
        assertThat(vm.rows()).extracting(ImportPreviewViewModel.PreviewRow::row).containsExactly(8, 9, 10);
        assertThat(vm.rows()).extracting(ImportPreviewViewModel.PreviewRow::what)
                .containsExactly("10.0.0.5 in 10.0.0.0/24 in lab", "10.0.0.6 in 10.0.0.0/24 in lab",
                        "10.0.0.7 in 10.0.0.0/24 in lab");
        Button importButton = robot.lookup("#importButton").queryButton();
        robot.clickOn(importButton);
        PaneStage.waitUntil(() -> vm.importedProperty().get());
        assertThat(allocator.address(lan.id(), org.ipdesk.address.Ip.parse("10.0.0.7")).orElseThrow().details()
                .hostname()).isEqualTo("print01");
    }

    @Test
    void aDnsmasqFileWithProblemsNamesTheirLinesAndCannotBeImported() throws Exception {
        org.ipdesk.model.Subnet lan = labWithItsLan();
        allocator.reserve(lan.id(), org.ipdesk.address.Ip.parse("10.0.0.5"), new org.ipdesk.model.AddressDetails(
                org.ipdesk.model.AddressStatus.RESERVED, "web01", java.util.Optional.of(
                org.ipdesk.address.Mac.parse("aa:bb:cc:00:00:05")), "", ""));
        Path hosts = dir.resolve("dnsmasq.conf");
        Files.writeString(hosts, """
                # dnsmasq
                domain=example.com
                dhcp-host=aa:bb:cc:00:00:05,10.0.0.5,web01
                dhcp-host=aa:bb:cc:00:00:99,10.0.0.6,web02
                dhcp-host=aa:bb:cc:00:00:07,10.0.0.300,print01
                dhcp-host=aa:bb:cc:00:00:08,192.0.2.8,far
                """);
        Opened preview = openThemed(hosts);
        ImportPreviewViewModel vm = preview.vm();
        PaneStage.waitUntil(() -> robot.lookup(".import-rows").queryAs(TableView.class).getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        PaneStage.screenshot(robot, preview.window(), "import-preview-dnsmasq-problems.png");
        assertThat(vm.rows()).extracting(r -> r.row() + " " + r.kind() + " " + r.result()).containsExactly(
                "3 address unchanged", "4 address new", "5 line error", "6 address error");
        assertThat(vm.errorProperty().get()).isEqualTo("Nothing can be imported while an entry is a conflict or "
                + "an error: line 5: error: '10.0.0.300' is not a valid IPv4 address (and 1 more)");
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void conflictAndErrorRowsHaveTintsOfTheirOwnALegendAndTheReasonOnHover() throws Exception {
        allocator.applyImport(org.ipdesk.exchange.CsvImport.preview(allocator,
                org.ipdesk.exchange.CsvImport.read(good, java.util.Optional.empty())));
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, Files.readString(good).replace("web-01", "web-99")
                .replace("10.0.0.11,reserved", "10.0.0.300,reserved"));
        Opened preview = openThemed(mixed);
        ImportPreviewViewModel vm = preview.vm();
        PaneStage.waitUntil(() -> robot.lookup(".import-rows").queryAs(TableView.class).getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        PaneStage.screenshot(robot, preview.window(), "import-preview-problems.png");

        java.util.Map<String, javafx.scene.control.TableRow<?>> byResult = new java.util.HashMap<>();
        for (javafx.scene.control.TableRow<?> row : robot.lookup(".import-rows .table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class)) {
            if (row.getItem() instanceof ImportPreviewViewModel.PreviewRow item) {
                byResult.putIfAbsent(item.result(), row);
            }
        }
        javafx.scene.control.TableRow<?> conflict = byResult.get("conflict");
        javafx.scene.control.TableRow<?> error = byResult.get("error");
        assertThat(conflict).as("a conflict row in " + byResult.keySet()).isNotNull();
        assertThat(error).as("an error row in " + byResult.keySet()).isNotNull();
        assertThat(conflict.getPseudoClassStates()).extracting(Object::toString).contains("conflict")
                .doesNotContain("error");
        assertThat(error.getPseudoClassStates()).extracting(Object::toString).contains("error")
                .doesNotContain("conflict");
        javafx.scene.paint.Paint[] fills = new javafx.scene.paint.Paint[2];
        robot.interact(() -> {
            fills[0] = conflict.getBackground().getFills().get(0).getFill();
            fills[1] = error.getBackground().getFills().get(0).getFill();
        });
        assertThat(fills[0]).as("conflict and error tints").isNotEqualTo(fills[1]);
        // the legend says which tint is which; each row's reason is whole in its tooltip
        javafx.scene.control.Label conflictLegend = robot.lookup("#conflictLegend").queryAs(javafx.scene.control.Label.class);
        assertThat(conflictLegend.isVisible()).isTrue();
        assertThat(conflictLegend.getText()).startsWith("Conflict:");
        assertThat(robot.lookup("#errorLegend").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("Error:");
        ImportPreviewViewModel.PreviewRow errorRow = (ImportPreviewViewModel.PreviewRow) error.getItem();
        assertThat(error.getTooltip().getText()).contains(errorRow.note()).contains("10.0.0.300");
    }
}
