package org.ipdesk.ui.main;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's status bar: the open database, the summary of what it holds, and the last operation with
 * whether it failed. Every part of the window reports through {@link #report}.
 */
public final class StatusLine {

    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper lastOperation = new ReadOnlyStringWrapper(this, "lastOperation", "");
    private final ReadOnlyBooleanWrapper lastOperationFailed = new ReadOnlyBooleanWrapper(this, "lastOperationFailed");

    /** "Database: /data/lab.db". */
    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    /** "2 networks · 7 subnets · 45 addresses" once loaded, "Cannot open the database" after an error. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last operation and its result, e.g. "Opened /data/lab.db" or "Cannot open /tmp/x: ...". */
    public ReadOnlyStringProperty lastOperationProperty() {
        return lastOperation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lastOperationFailedProperty() {
        return lastOperationFailed.getReadOnlyProperty();
    }

    /** Puts an operation and its result in the status line. */
    public void report(String operation, boolean failed) {
        lastOperation.set(operation);
        lastOperationFailed.set(failed);
    }

    void showDatabase(String text) {
        databaseText.set(text);
    }

    void showSummary(String text) {
        summary.set(text);
    }
}
