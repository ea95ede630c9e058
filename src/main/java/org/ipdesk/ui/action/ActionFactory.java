package org.ipdesk.ui.action;

import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/** Builds menu items, toolbar buttons and context menu items from the {@link StandardAction} catalogue. */
public final class ActionFactory {

    private ActionFactory() {
    }

    /** A menu bar item: label, icon (where the catalogue shows it in menus) and accelerator. */
    public static MenuItem menuItem(StandardAction action, Command command) {
        MenuItem item = item(action.text(), action.iconInMenus() ? action : null, command);
        action.keys().ifPresent(keys -> item.setAccelerator(KeyCombination.keyCombination(keys)));
        return item;
    }

    /** A context menu item: the context label and the icon, no accelerator shown. */
    public static MenuItem contextItem(StandardAction action, Command command) {
        return item(action.contextText(), action, command);
    }

    /** A toolbar button: icon, the toolbar text if any, and the tooltip naming the accelerator. */
    public static Button button(StandardAction action, Command command) {
        Button button = new Button(action.toolText().orElse(null), action.icon().map(FontIcon::new).orElse(null));
        button.setTooltip(new Tooltip(action.tooltip()));
        button.setOnAction(event -> command.execute());
        button.setMnemonicParsing(false);
        button.disableProperty().bind(command.executableProperty().not());
        return button;
    }

    /** The action's accelerator, for a key handler on one control (Ctrl+C in the grid). */
    public static KeyCombination accelerator(StandardAction action) {
        return KeyCombination.keyCombination(action.keys().orElseThrow());
    }

    /** The action's second accelerator, for the scene (Ctrl+Y for redo). */
    public static KeyCombination alternativeAccelerator(StandardAction action) {
        return KeyCombination.keyCombination(action.alternativeKeys().orElseThrow());
    }

    private static MenuItem item(String text, StandardAction withIcon, Command command) {
        MenuItem item = withIcon == null ? new MenuItem(text)
                : new MenuItem(text, withIcon.icon().map(FontIcon::new).orElse(null));
        item.setOnAction(event -> command.execute());
        item.disableProperty().bind(command.executableProperty().not());
        return item;
    }
}
