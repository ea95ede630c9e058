package org.ipdesk.ui.main;

import java.io.File;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Window;
import org.ipdesk.ui.copy.CopyDatabaseView;
import org.ipdesk.ui.copy.CopyDatabaseViewModel;
import org.ipdesk.ui.importer.ImportPreviewView;

/**
 * The file choosers of File → Import CSV…, Export addresses… and Export database…, and the window of Copy to team
 * database…: each asks for a file, adds the
 * extension of the chosen type when the name has none, and hands the file to the window's commands.
 */
final class FileChoosers {
    private final MainViewModel viewModel;
    private final Supplier<Window> window;

    FileChoosers(MainViewModel viewModel, Supplier<Window> window) {
        this.viewModel = viewModel;
        this.window = window;
    }

    void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import from CSV, or reservations from Kea, dhcpd, dnsmasq or a BIND zone");
        chooser.getExtensionFilters().setAll(
                new ExtensionFilter("CSV or TSV (*.csv, *.tsv, *.txt)", "*.csv", "*.tsv", "*.txt"),
                new ExtensionFilter("DHCP and DNS server files (*.json, *.conf, *.hosts, *.zone)", "*.json",
                        "*.conf", "*.hosts", "*.zone"),
                new ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            ImportPreviewView.showWindow(window.get(), window.get().getScene().getStylesheets(),
                    viewModel.windows().newImportPreview(file.toPath()));
        }
    }

    void exportAddresses() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(viewModel.files().exportAddressesTitle());
        chooser.getExtensionFilters().setAll(
                new ExtensionFilter("CSV (*.csv)", "*.csv"),
                new ExtensionFilter("Excel workbook (*.xlsx)", "*.xlsx"));
        chooser.setInitialFileName(viewModel.files().exportAddressesFileName());
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            String name = file.getName();
            boolean xlsx = chooser.getSelectedExtensionFilter() == chooser.getExtensionFilters().get(1);
            viewModel.files().exportAddresses(name.contains(".") ? file.toPath()
                    : file.toPath().resolveSibling(name + (xlsx ? ".xlsx" : ".csv")));
        }
    }

    void exportDatabase() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export every network, subnet, range and address to CSV");
        chooser.getExtensionFilters().setAll(new ExtensionFilter("CSV (*.csv)", "*.csv"));
        chooser.setInitialFileName("database.csv");
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            String name = file.getName();
            viewModel.files().exportDatabase(name.contains(".") ? file.toPath() : file.toPath().resolveSibling(name + ".csv"));
        }
    }

    void copyToTeam() {
        showCopy(viewModel.files().newDatabaseCopy(false));
    }

    void showCopy(CopyDatabaseViewModel copy) {
        CopyDatabaseView.showWindow(window.get(), window.get().getScene().getStylesheets(), copy);
    }
}
