package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

/** {@link WindowDriver} for tests of other packages that start from the real window. */
public final class MainWindowDriverAccess {
    private final WindowDriver driver = new WindowDriver();

    public void open(Path file) throws TimeoutException {
        driver.open(file);
    }

    public void close() throws TimeoutException {
        driver.close();
    }

    /** The first line of the tree row selected now, or "". */
    public String selectedLabel() {
        var item = driver.tree().getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? "" : item.getValue().label();
    }
}
