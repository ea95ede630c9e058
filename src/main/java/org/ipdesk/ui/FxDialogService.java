package org.ipdesk.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.settings.Preferences;
import org.ipdesk.ui.address.AddressDialogView;
import org.ipdesk.ui.address.AddressDialogViewModel;
import org.ipdesk.ui.address.AddressResult;
import org.ipdesk.ui.address.BlockDialogView;
import org.ipdesk.ui.address.BlockDialogViewModel;
import org.ipdesk.ui.address.ChildSubnetDialogView;
import org.ipdesk.ui.address.ChildSubnetDialogViewModel;
import org.ipdesk.ui.address.ChildSubnetResult;
import org.ipdesk.ui.address.PairDialogView;
import org.ipdesk.ui.address.PairDialogViewModel;
import org.ipdesk.ui.edit.EditDialogViewModel;
import org.ipdesk.ui.edit.NetworkDialogView;
import org.ipdesk.ui.edit.NetworkDialogViewModel;
import org.ipdesk.ui.edit.RangeDialogView;
import org.ipdesk.ui.edit.RangeDialogViewModel;
import org.ipdesk.ui.edit.SubnetDialogView;
import org.ipdesk.ui.edit.SubnetDialogViewModel;
import org.ipdesk.ui.connect.ConnectDialogView;
import org.ipdesk.ui.connect.ConnectDialogViewModel;
import org.ipdesk.ui.settings.PreferencesView;
import org.ipdesk.ui.settings.PreferencesViewModel;

/**
 * The real dialogs: modal, owned by the main window, styled with the application's stylesheets (the AtlantaFX
 * theme is the user-agent stylesheet, so it applies by itself). An edit dialog closes only when its view model
 * has saved (its {@code savedProperty()} is set) or on Cancel / Escape / the window's close button.
 */
public final class FxDialogService implements DialogService {

    /** The file chooser's filter. */
    public static final String DATABASE_FILTER = "IPDesk database (*.db)";

    private final Supplier<Window> owner;
    private final List<String> stylesheets;

    /** @param stylesheets the URLs of the application's stylesheets (ipdesk.css), added to every dialog */
    public FxDialogService(Supplier<Window> owner, List<String> stylesheets) {
        this.owner = owner;
        this.stylesheets = List.copyOf(stylesheets);
    }

    public FxDialogService(Window owner, List<String> stylesheets) {
        this(() -> owner, stylesheets);
    }

    @Override
    public Optional<Network> editNetwork(NetworkDialogViewModel viewModel) {
        return show("/fxml/edit/NetworkDialog.fxml", new NetworkDialogView(viewModel), viewModel);
    }

    @Override
    public Optional<Subnet> editSubnet(SubnetDialogViewModel viewModel) {
        return show("/fxml/edit/SubnetDialog.fxml", new SubnetDialogView(viewModel), viewModel);
    }

    @Override
    public Optional<AddressRange> editRange(RangeDialogViewModel viewModel) {
        return show("/fxml/edit/RangeDialog.fxml", new RangeDialogView(viewModel), viewModel);
    }

    private <T> Optional<T> show(String fxml, Object view, EditDialogViewModel<T> viewModel) {
        DialogPane pane = load(fxml, view);
        Dialog<T> dialog = new Dialog<>();
        dialog.setDialogPane(pane);
        dialog.setTitle(viewModel.title());
        dialog.setResizable(true);
        own(dialog);
        // Cancel, Escape and the close button give no result; Save gives the view model's, once stored
        dialog.setResultConverter(button -> null);
        ChangeListener<T> closeOnSave = (obs, before, saved) -> {
            if (saved != null) {
                dialog.setResult(saved);
                dialog.close();
            }
        };
        viewModel.savedProperty().addListener(closeOnSave);
        try {
            return dialog.showAndWait();
        } finally {
            viewModel.savedProperty().removeListener(closeOnSave);
        }
    }

    /** Loads a dialog's FXML with its view as the controller. */
    static DialogPane load(String fxml, Object view) {
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(FxDialogService.class.getResource(fxml), fxml));
        loader.setControllerFactory(type -> {
            if (type.isInstance(view)) {
                return view;
            }
            throw new IllegalArgumentException("no controller " + type + " for " + fxml);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    private void own(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        } else {
            dialog.initModality(Modality.APPLICATION_MODAL);
        }
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        own(alert);
        // the destructive choice is never the default: Enter and Escape both cancel
        Button confirm = (Button) alert.getDialogPane().lookupButton(yes);
        confirm.setDefaultButton(false);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setId("confirmButton");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        own(alert);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseDatabaseToOpen(Path initialFolder) {
        FileChooser chooser = chooser("Open IPDesk database", initialFolder);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseNewDatabase(Path initialFolder) {
        FileChooser chooser = chooser("New IPDesk database", initialFolder);
        chooser.setInitialFileName("ipdesk.db");
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath)
                .map(FxDialogService::withDatabaseExtension);
    }

    private static FileChooser chooser(String title, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(DATABASE_FILTER, "*.db"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseFileToWrite(String title, Path initial, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        folderOf(initial).ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolderToWrite(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        folderOf(initial).ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    /** {@code path} when it is a folder, else its parent when that is one. */
    private static Optional<Path> folderOf(Path path) {
        if (path == null) {
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            return Optional.of(path);
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? Optional.of(parent) : Optional.empty();
    }

    /** {@code file} with ".db" appended when its name has no extension ("lab" becomes "lab.db"; "lab.sqlite" stays). */
    public static Path withDatabaseExtension(Path file) {
        String name = file.getFileName().toString();
        return name.lastIndexOf('.') > 0 ? file : file.resolveSibling(name + ".db");
    }

    @Override
    public Optional<AddressResult> editAddress(AddressDialogViewModel viewModel) {
        Optional<AddressResult> saved = show("/fxml/address/AddressDialog.fxml", new AddressDialogView(viewModel), viewModel);
        if (saved.isEmpty()) {
            viewModel.cancel(); // Cancel, Escape or the close button: an allocate-next dialog gives its address back
        }
        return saved;
    }

    @Override
    public Optional<AddressResult> allocateBlock(BlockDialogViewModel viewModel) {
        return show("/fxml/address/BlockDialog.fxml", new BlockDialogView(viewModel), viewModel);
    }

    @Override
    public Optional<AddressResult> allocatePair(PairDialogViewModel viewModel) {
        return show("/fxml/address/PairDialog.fxml", new PairDialogView(viewModel), viewModel);
    }

    @Override
    public Optional<ChildSubnetResult> createChildSubnet(ChildSubnetDialogViewModel viewModel) {
        return show("/fxml/address/ChildSubnetDialog.fxml", new ChildSubnetDialogView(viewModel), viewModel);
    }

    @Override
    public Optional<Preferences> editPreferences(PreferencesViewModel viewModel) {
        PreferencesView view = new PreferencesView(viewModel);
        DialogPane pane = load(PreferencesView.FXML, view);
        Dialog<Preferences> dialog = new Dialog<>();
        dialog.setDialogPane(pane);
        dialog.setTitle("Preferences");
        dialog.setResizable(true);
        own(dialog);
        // OK (enabled only while every field is valid) gives the edited preferences; Cancel, Escape and the close
        // button give none, so nothing changes
        dialog.setResultConverter(button -> button == view.okButtonType() ? viewModel.result().orElse(null) : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<ConnectDialogViewModel.Connection> connectToTeamDatabase(ConnectDialogViewModel viewModel) {
        ConnectDialogView view = new ConnectDialogView(viewModel);
        DialogPane pane = load(ConnectDialogView.FXML, view);
        Dialog<ConnectDialogViewModel.Connection> dialog = new Dialog<>();
        dialog.setDialogPane(pane);
        dialog.setTitle("Connect to a team database");
        dialog.setResizable(true);
        own(dialog);
        // Connect (enabled only while the fields are right) gives where to connect; Cancel, Escape and the close
        // button give nothing, and the database shown stays open
        dialog.setResultConverter(button -> button == view.connectButtonType() ? viewModel.result().orElse(null) : null);
        return dialog.showAndWait();
    }
}
