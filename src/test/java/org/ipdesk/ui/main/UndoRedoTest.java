package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.undo.UndoStack;
import org.ipdesk.ui.undo.Undoables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Undo and redo on their own: each goes through the allocator, then the window is read again with a report. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class UndoRedoTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final List<String> refreshed = new ArrayList<>();

    @Test
    void undoAndRedoChangeTheDatabaseAndReportWhatWasDone() {
        try (Allocator allocator = Allocator.open(engine.fresh(dir, "lab"))) {
            UndoStack stack = new UndoStack(() -> allocator, new CurrentThreadTaskExecutor());
            UndoRedo undoRedo = new UndoRedo(stack, (operation, failed) -> refreshed.add(operation + (failed ? " (failed)" : "")));
            Network lab = allocator.createNetwork("lab", "");
            stack.done(Undoables.networkCreated("Create network lab", lab));

            undoRedo.undo();
            assertThat(allocator.networks()).isEmpty();
            assertThat(refreshed).containsExactly("Undone: Create network lab");

            undoRedo.redo();
            assertThat(allocator.networks()).extracting(Network::name).containsExactly("lab");
            assertThat(refreshed).last().isEqualTo("Redone: Create network lab");
            assertThat(undoRedo.stack().undoTextProperty().get()).isEqualTo("Undo create network lab");
        }
    }

    @Test
    void anUndoTheRulesNoLongerAllowIsRefusedWithTheAllocatorsMessage() {
        try (Allocator allocator = Allocator.open(engine.fresh(dir, "lab"))) {
            UndoStack stack = new UndoStack(() -> allocator, new CurrentThreadTaskExecutor());
            UndoRedo undoRedo = new UndoRedo(stack, (operation, failed) -> refreshed.add(operation + (failed ? " (failed)" : "")));
            Network lab = allocator.createNetwork("lab", "");
            stack.done(Undoables.networkCreated("Create network lab", lab));
            allocator.deleteNetwork("lab"); // someone else deleted it meanwhile

            undoRedo.undo();

            assertThat(refreshed).singleElement().asString().startsWith("Cannot undo: ").endsWith(" (failed)")
                    .contains("lab");
        }
    }
}
