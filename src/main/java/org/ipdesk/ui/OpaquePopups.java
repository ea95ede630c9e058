package org.ipdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;

/**
 * Popups (menus, lists, tooltips, the search results) on desktops whose windows cannot be see-through: an X11
 * desktop without a compositing manager. JavaFX then gives a popup an opaque window, and the theme's drop shadow
 * and round corners around the panel showed as a white frame. Where {@link #needed()}, {@code opaque-popups.css}
 * draws the panels square and without shadow; on a compositing desktop nothing changes.
 */
public final class OpaquePopups {

    private OpaquePopups() {
    }

    /**
     * Overrides what the toolkit says: {@code -Dipdesk.opaquePopups=true} draws popups square where a compositing
     * desktop still shows a frame around them, {@code =false} keeps the theme's shadows.
     */
    static final String PROPERTY = "ipdesk.opaquePopups";

    /**
     * Whether this desktop's windows cannot be see-through, or {@link #PROPERTY} says to draw popups as if (call on
     * the JavaFX thread, after the toolkit started).
     */
    public static boolean needed() {
        String forced = System.getProperty(PROPERTY, "");
        if (forced.equalsIgnoreCase("true") || forced.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(forced);
        }
        return !Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW);
    }

    /** The URL of the stylesheet that draws popups without what only a see-through window can show. */
    public static String stylesheet() {
        return Objects.requireNonNull(OpaquePopups.class.getResource("opaque-popups.css"), "opaque-popups.css")
                .toExternalForm();
    }

    /** {@code stylesheets}, followed by {@link #stylesheet()} when {@code opaque}. */
    public static List<String> with(List<String> stylesheets, boolean opaque) {
        List<String> all = new ArrayList<>(stylesheets);
        if (opaque) {
            all.add(stylesheet());
        }
        return List.copyOf(all);
    }
}
