package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/** A hidden part stays out of the scene graph until first shown, then returns to its place and stays. */
class AttachedWhenShownTest {

    private final Region placeholder = new Region();
    private final Region part = new Region();
    private final Region after = new Region();
    private final StackPane parent = new StackPane(placeholder, part, after);
    private final SimpleBooleanProperty shown = new SimpleBooleanProperty();

    @Test
    void aHiddenPartJoinsAtItsPlaceWhenFirstShownAndStays() {
        AttachedWhenShown.attach(parent, part, shown);
        assertThat(parent.getChildren()).containsExactly(placeholder, after);
        assertThat(part.getParent()).isNull();

        shown.set(true);
        assertThat(parent.getChildren()).containsExactly(placeholder, part, after);

        shown.set(false);
        shown.set(true);
        assertThat(parent.getChildren()).containsExactly(placeholder, part, after);
    }

    @Test
    void aPartAlreadyShownIsLeftWhereItIs() {
        shown.set(true);
        AttachedWhenShown.attach(parent, part, shown);
        assertThat(parent.getChildren()).containsExactly(placeholder, part, after);
    }

    @Test
    void aPartTheParentLostMeanwhileJoinsAtTheEnd() {
        AttachedWhenShown.attach(parent, part, shown);
        parent.getChildren().remove(after);
        shown.set(true);
        assertThat(parent.getChildren()).containsExactly(placeholder, part);
    }

    @Test
    void refusesANodeThatIsNotAChild() {
        assertThatThrownBy(() -> AttachedWhenShown.attach(parent, new Region(), shown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a child");
    }
}
