package org.ipdesk.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn in a font: for sizing what must show a text whole (a column, a label, a form). */
public final class TextWidth {

    private TextWidth() {
    }

    /** The width of {@code text} drawn in {@code font}, in pixels, not rounded. */
    public static double of(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
