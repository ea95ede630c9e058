package org.ipdesk.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ipdesk.ui.connect.ConnectDialogViewModel;
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

/**
 * A dialog service for view-model tests: the edit dialogs do what the test's script does with their view model
 * (fill fields, save; empty is Cancel), confirmations answer {@link #answer}, files come from {@link #files};
 * everything asked is recorded.
 */
public final class ScriptedDialogs implements DialogService {
    public boolean answer;
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<Path> files = new ArrayList<>();
    public Function<NetworkDialogViewModel, Optional<Network>> network = vm -> Optional.empty();
    public Function<SubnetDialogViewModel, Optional<Subnet>> subnet = vm -> Optional.empty();
    public Function<RangeDialogViewModel, Optional<AddressRange>> range = vm -> Optional.empty();
    /** The address dialog; an empty answer is Cancel, which gives an allocate-next address back as the real dialog does. */
    public Function<AddressDialogViewModel, Optional<AddressResult>> address = vm -> Optional.empty();
    public Function<BlockDialogViewModel, Optional<AddressResult>> block = vm -> Optional.empty();
    public Function<PairDialogViewModel, Optional<AddressResult>> pair = vm -> Optional.empty();
    public Function<ChildSubnetDialogViewModel, Optional<ChildSubnetResult>> childSubnet = vm -> Optional.empty();
    /** Edit → Preferences; an empty answer is Cancel. */
    public Function<PreferencesViewModel, Optional<Preferences>> preferences = vm -> Optional.empty();
    public Function<ConnectDialogViewModel, Optional<ConnectDialogViewModel.Connection>> connect = vm -> Optional.empty();

    @Override
    public Optional<Network> editNetwork(NetworkDialogViewModel viewModel) {
        return network.apply(viewModel);
    }

    @Override
    public Optional<Subnet> editSubnet(SubnetDialogViewModel viewModel) {
        return subnet.apply(viewModel);
    }

    @Override
    public Optional<AddressRange> editRange(RangeDialogViewModel viewModel) {
        return range.apply(viewModel);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(title + ": " + message + " [" + confirmLabel + "]");
        return answer;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseDatabaseToOpen(Path initialFolder) {
        return files.isEmpty() ? Optional.empty() : Optional.of(files.remove(0));
    }

    @Override
    public Optional<Path> chooseNewDatabase(Path initialFolder) {
        return chooseDatabaseToOpen(initialFolder);
    }

    @Override
    public Optional<Path> chooseFileToWrite(String title, Path initial, String suggestedName) {
        asked.add(title);
        return chooseDatabaseToOpen(initial);
    }

    @Override
    public Optional<Path> chooseFolderToWrite(String title, Path initial) {
        asked.add(title);
        return chooseDatabaseToOpen(initial);
    }

    @Override
    public Optional<AddressResult> editAddress(AddressDialogViewModel viewModel) {
        Optional<AddressResult> saved = address.apply(viewModel);
        if (saved.isEmpty()) {
            viewModel.cancel();
        }
        return saved;
    }

    @Override
    public Optional<AddressResult> allocateBlock(BlockDialogViewModel viewModel) {
        return block.apply(viewModel);
    }

    @Override
    public Optional<AddressResult> allocatePair(PairDialogViewModel viewModel) {
        return pair.apply(viewModel);
    }

    @Override
    public Optional<ChildSubnetResult> createChildSubnet(ChildSubnetDialogViewModel viewModel) {
        return childSubnet.apply(viewModel);
    }

    @Override
    public Optional<Preferences> editPreferences(PreferencesViewModel viewModel) {
        return preferences.apply(viewModel);
    }

    @Override
    public Optional<ConnectDialogViewModel.Connection> connectToTeamDatabase(ConnectDialogViewModel viewModel) {
        return connect.apply(viewModel);
    }
}
