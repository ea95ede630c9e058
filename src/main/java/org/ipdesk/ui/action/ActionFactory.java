package org.ipdesk.ui.action;

import javafx.beans.property.Property;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Builds menu items, toolbar buttons and context menu items (check items and toggle buttons for a toggle action)
 * from the {@link StandardAction} catalogue.
 */
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

    /** A menu bar check item for a toggle action: label and accelerator, its check bound both ways to {@code on}. */
    public static CheckMenuItem checkMenuItem(StandardAction action, Property<Boolean> on) {
        CheckMenuItem item = new CheckMenuItem(action.text(),
                action.iconInMenus() ? action.icon().map(FontIcon::new).orElse(null) : null);
        action.keys().ifPresent(keys -> item.setAccelerator(KeyCombination.keyCombination(keys)));
        item.selectedProperty().bindBidirectional(on);
        return item;
    }

    /**
     * A toolbar toggle button for a toggle action, bound both ways to {@code on}: the action's icon while off, its
     * {@link StandardAction#iconWhenOn() icon when on} while on, the toolbar text if any, and the tooltip.
     */
    public static ToggleButton toggleButton(StandardAction action, Property<Boolean> on) {
        ToggleButton button = new ToggleButton(action.toolText().orElse(null));
        button.setTooltip(new Tooltip(action.tooltip()));
        button.setMnemonicParsing(false);
        button.selectedProperty().bindBidirectional(on);
        button.graphicProperty().bind(button.selectedProperty().map(
                selected -> (selected ? action.iconWhenOn() : action.icon()).map(FontIcon::new).orElse(null)));
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
