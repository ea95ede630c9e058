package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's open paths: File → Open makes an empty file a database only after the user confirms it; a file
 * given at start that is empty or foreign is refused and left as it was; a missing one is still created.
 */
class OpenUntouchedFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void openingAnEmptyFileAsksFirstAndLeavesItUnchangedWhenTheAnswerIsNo() throws IOException {
        Path first = dir.resolve("first.db");
        SampleDatabase.seed(first);
        Path empty = Files.createFile(dir.resolve("empty.db"));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel vm = new MainViewModel(first, new CurrentThreadTaskExecutor(),
                new SettingsStore(dir.resolve("settings.json")), dialogs);
        vm.fileSwitch().load();
        List<String> before = names();

        dialogs.answer = false;
        vm.fileSwitch().open(empty);
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0)).contains(empty.toAbsolutePath().toString()).contains("is empty");
        assertThat(Files.size(empty)).isZero();
        assertThat(names()).isEqualTo(before);
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(first.toAbsolutePath());
        assertThat(vm.tree().networks()).hasSize(2);
        assertThat(vm.status().lastOperationProperty().get()).contains("left unchanged");

        dialogs.answer = true;
        vm.fileSwitch().open(empty);
        assertThat(dialogs.asked).hasSize(2);
        assertThat(vm.status().lastOperationFailedProperty().get()).as(vm.status().lastOperationProperty().get()).isFalse();
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(empty.toAbsolutePath());
        assertThat(vm.tree().networks()).isEmpty();
        assertThat(Files.size(empty)).isPositive();
        vm.close();
    }

    @Test
    void anotherProgramsFileIsRefusedWithoutAQuestionAndLeftUnchanged() throws Exception {
        Path first = dir.resolve("first.db");
        SampleDatabase.seed(first);
        Path foreign = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 42");
        }
        byte[] bytes = Files.readAllBytes(foreign);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.answer = true;
        MainViewModel vm = new MainViewModel(first, new CurrentThreadTaskExecutor(),
                new SettingsStore(dir.resolve("settings.json")), dialogs);
        vm.fileSwitch().load();
        List<String> before = names();

        vm.fileSwitch().open(foreign);
        assertThat(dialogs.asked).isEmpty();
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get()).contains("not an IPDesk database");
        assertThat(Files.readAllBytes(foreign)).isEqualTo(bytes);
        assertThat(names()).isEqualTo(before);
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(first.toAbsolutePath());
        vm.close();
    }

    @Test
    void anEmptyFileGivenAtStartIsRefusedAndAMissingOneIsCreated() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        MainViewModel vm = new MainViewModel(empty, new CurrentThreadTaskExecutor(), null, new CancellingDialogs());
        vm.fileSwitch().load();
        assertThat(vm.state().errorProperty().get()).contains("is empty");
        assertThat(Files.size(empty)).isZero();
        assertThat(names()).containsExactly("empty.db");
        vm.close();

        Path missing = dir.resolve("new.db");
        MainViewModel created = new MainViewModel(missing, new CurrentThreadTaskExecutor(), null, new CancellingDialogs());
        created.fileSwitch().load();
        assertThat(created.state().errorProperty().get()).isEmpty();
        assertThat(missing).exists();
        created.close();
    }
}
