package org.ipdesk.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.settings.Preferences;
import org.ipdesk.ui.address.AddressDialogViewModel;
import org.ipdesk.ui.address.AddressResult;
import org.ipdesk.ui.address.BlockDialogViewModel;
import org.ipdesk.ui.address.ChildSubnetDialogViewModel;
import org.ipdesk.ui.address.ChildSubnetResult;
import org.ipdesk.ui.address.PairDialogViewModel;
import org.ipdesk.ui.connect.ConnectDialogViewModel;
import org.ipdesk.ui.edit.NetworkDialogViewModel;
import org.ipdesk.ui.edit.RangeDialogViewModel;
import org.ipdesk.ui.edit.SubnetDialogViewModel;
import org.ipdesk.ui.settings.PreferencesViewModel;

/**
 * The windows a view model may open: the edit dialogs, confirmations, errors and file choosers. The application
 * uses {@link FxDialogService}; tests pass their own answers, so view models and the main window are tested
 * without windows.
 */
public interface DialogService {

    /** Shows the network dialog until it saves or is cancelled; returns what was saved, empty on Cancel. */
    Optional<Network> editNetwork(NetworkDialogViewModel viewModel);

    /** Shows the subnet dialog until it saves or is cancelled; returns what was saved, empty on Cancel. */
    Optional<Subnet> editSubnet(SubnetDialogViewModel viewModel);

    /** Shows the range dialog until it saves or is cancelled; returns the range added, empty on Cancel. */
    Optional<AddressRange> editRange(RangeDialogViewModel viewModel);

    /**
     * Asks before something that cannot be undone, e.g. ("Delete subnet", "Delete 10.0.0.0/24 ...?", "Delete").
     * True only when the user chose {@code confirmLabel}; Cancel is the default button.
     */
    boolean confirm(String title, String message, String confirmLabel);

    /** Tells the user why something was refused or failed. */
    void showError(String title, String message);

    /** Lets the user pick an existing database file ("IPDesk database (*.db)"); empty when cancelled. */
    Optional<Path> chooseDatabaseToOpen(Path initialFolder);

    /** Lets the user name a new database file; ".db" is appended when the name has no extension. Empty when cancelled. */
    Optional<Path> chooseNewDatabase(Path initialFolder);

    /**
     * Lets the user name a file to write ({@code title} says what; {@code suggestedName} is filled in), starting in
     * the folder of {@code initial} or in {@code initial} when it is a folder; empty when cancelled.
     */
    Optional<Path> chooseFileToWrite(String title, Path initial, String suggestedName);

    /** Lets the user pick a folder to write files into, starting at {@code initial}; empty when cancelled. */
    Optional<Path> chooseFolderToWrite(String title, Path initial);

    /**
     * Shows the address dialog (reserve, edit or allocate next) until it saves or is cancelled; returns what was
     * saved, empty on Cancel. On Cancel an allocate-next dialog gives its held address back
     * ({@link AddressDialogViewModel#cancel()}).
     */
    Optional<AddressResult> editAddress(AddressDialogViewModel viewModel);

    /** Shows the block dialog until it allocates or is cancelled; returns the block taken, empty on Cancel. */
    Optional<AddressResult> allocateBlock(BlockDialogViewModel viewModel);

    /** Shows the dual-stack dialog until it allocates or is cancelled; returns the pair taken, empty on Cancel. */
    Optional<AddressResult> allocatePair(PairDialogViewModel viewModel);

    /** Shows the child-subnet dialog until it creates the subnet or is cancelled; empty on Cancel. */
    Optional<ChildSubnetResult> createChildSubnet(ChildSubnetDialogViewModel viewModel);

    /**
     * Shows Edit → Preferences until OK or Cancel; returns the preferences as edited on OK (OK is enabled only while
     * they are valid), empty on Cancel, Escape or the close button.
     */
    Optional<Preferences> editPreferences(PreferencesViewModel viewModel);

    /**
     * Shows File → Connect to a team database… until Connect or Cancel; returns where to connect and the password
     * typed on Connect (enabled only while the fields are right), empty on Cancel, Escape or the close button.
     */
    Optional<ConnectDialogViewModel.Connection> connectToTeamDatabase(ConnectDialogViewModel viewModel);
}
