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
import org.ipdesk.ui.edit.NetworkDialogViewModel;
import org.ipdesk.ui.edit.RangeDialogViewModel;
import org.ipdesk.ui.edit.SubnetDialogViewModel;
import org.ipdesk.ui.settings.PreferencesViewModel;

/** The answers of a user who cancels every dialog (tests of reading and selecting). */
public final class CancellingDialogs implements DialogService {

    @Override
    public Optional<Network> editNetwork(NetworkDialogViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public Optional<Subnet> editSubnet(SubnetDialogViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public Optional<AddressRange> editRange(RangeDialogViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return false;
    }

    @Override
    public void showError(String title, String message) {
    }

    @Override
    public Optional<Path> chooseDatabaseToOpen(Path initialFolder) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseNewDatabase(Path initialFolder) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToWrite(String title, Path initial, String suggestedName) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFolderToWrite(String title, Path initial) {
        return Optional.empty();
    }

    @Override
    public Optional<AddressResult> editAddress(AddressDialogViewModel viewModel) {
        viewModel.cancel();
        return Optional.empty();
    }

    @Override
    public Optional<AddressResult> allocateBlock(BlockDialogViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public Optional<AddressResult> allocatePair(PairDialogViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public Optional<ChildSubnetResult> createChildSubnet(ChildSubnetDialogViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public Optional<Preferences> editPreferences(PreferencesViewModel viewModel) {
        return Optional.empty();
    }

    @Override
    public Optional<org.ipdesk.ui.connect.ConnectDialogViewModel.Connection> connectToTeamDatabase(
            org.ipdesk.ui.connect.ConnectDialogViewModel viewModel) {
        return Optional.empty();
    }
}
