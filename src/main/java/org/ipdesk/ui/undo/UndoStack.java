package org.ipdesk.ui.undo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.ui.TaskExecutor;

/**
 * The window's undo and redo: the commands done in this window, newest on top ({@value #LIMIT} at most). Undo
 * takes the newest back and moves it to the redo stack; a new command empties the redo stack. A refused undo
 * or redo (the database changed meanwhile) leaves both stacks as they were and reports why.
 */
public final class UndoStack {

    static final int LIMIT = 100;

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final Deque<Undoable> undo = new ArrayDeque<>();
    private final Deque<Undoable> redo = new ArrayDeque<>();
    private boolean running;

    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");

    public UndoStack(Supplier<Allocator> allocator, TaskExecutor tasks) {
        this.allocator = allocator;
        this.tasks = tasks;
    }

    /** True when there is a command to undo and none is running. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo reserve 10.0.0.5 in 10.0.0.0/24 in lab", or "Undo" when there is nothing. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Records a command just done. */
    public void done(Undoable command) {
        undo.push(command);
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** Forgets every command (another database was opened). */
    public void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    /**
     * Takes the newest command back on the database thread; then {@code onDone} with "Undone: ..." or
     * {@code onRefused} with the allocator's reason.
     */
    public void undo(Consumer<String> onDone, Consumer<Throwable> onRefused) {
        move(undo, redo, true, onDone, onRefused);
    }

    /** Does the newest undone command again. */
    public void redo(Consumer<String> onDone, Consumer<Throwable> onRefused) {
        move(redo, undo, false, onDone, onRefused);
    }

    private void move(Deque<Undoable> from, Deque<Undoable> to, boolean back, Consumer<String> onDone,
                      Consumer<Throwable> onRefused) {
        if (running || from.isEmpty()) {
            return;
        }
        Undoable command = from.peek();
        running = true;
        update();
        tasks.submit(() -> {
            if (back) {
                command.undo(allocator.get());
            } else {
                command.redo(allocator.get());
            }
            return command;
        }, ok -> {
            running = false;
            from.pop();
            to.push(ok);
            update();
            onDone.accept((back ? "Undone: " : "Redone: ") + ok.description());
        }, problem -> {
            running = false;
            update();
            onRefused.accept(problem);
        });
    }

    private void update() {
        canUndo.set(!running && !undo.isEmpty());
        canRedo.set(!running && !redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + lower(undo.peek().description()));
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + lower(redo.peek().description()));
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
