package org.ipdesk.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.ui.ToolWindow;
import org.ipdesk.ui.grid.GridPalette;
import org.ipdesk.ui.help.HowItWorks.Legend;
import org.ipdesk.ui.help.HowItWorks.LegendEntry;
import org.ipdesk.ui.help.HowItWorks.Paragraph;
import org.ipdesk.ui.help.HowItWorks.Place;
import org.ipdesk.ui.help.HowItWorks.Places;
import org.ipdesk.ui.help.HowItWorks.Section;

/**
 * Help → How IPDesk works: the sections of {@link HowItWorks} as a page (headings, paragraphs with bold and code
 * words, the grid's colour legend painted with the real {@link GridPalette} of the theme in use, and the folders
 * and files as selectable text). Plain text to lay out, so the view builds itself; there is nothing to bind but
 * the theme.
 */
public final class HowItWorksView {

    /** The widest a paragraph runs, in px: lines stay easy to read in a wide window. */
    private static final double TEXT_WIDTH = 720;
    private static final double SWATCH = 16;
    private static final Pattern MARKUP = Pattern.compile("\\*\\*(.+?)\\*\\*|`(.+?)`");

    private final ScrollPane root;
    private final List<Runnable> repaints = new ArrayList<>();
    private GridPalette palette;

    private HowItWorksView(List<Section> sections, ObservableBooleanValue dark) {
        palette = GridPalette.of(dark.get());
        Label title = new Label("How IPDesk works");
        title.getStyleClass().addAll("title-2", "how-title");
        VBox page = new VBox(title);
        page.getStyleClass().add("how-page");
        for (Section section : sections) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().addAll("title-4", "how-heading");
            page.getChildren().add(heading);
            for (HowItWorks.Block block : section.blocks()) {
                if (block instanceof Paragraph paragraph) {
                    page.getChildren().add(paragraph(paragraph.markup()));
                } else if (block instanceof Legend legend) {
                    page.getChildren().add(legend(legend));
                } else if (block instanceof Places places) {
                    page.getChildren().add(places(places));
                }
            }
        }
        page.setMaxWidth(TEXT_WIDTH + 48);
        VBox centred = new VBox(page);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("how-background");
        root = new ScrollPane(centred);
        root.setFitToWidth(true);
        root.getStyleClass().add("how-it-works");
        root.getStylesheets().add(Objects.requireNonNull(HowItWorksView.class.getResource("help.css"), "help.css")
                .toExternalForm());
        // the swatches follow the theme, as the grid does
        dark.addListener((property, before, now) -> {
            palette = GridPalette.of(now);
            repaints.forEach(Runnable::run);
        });
    }

    /** The page of {@code sections}, its legend in the light or dark palette as {@code dark} says. */
    public static HowItWorksView create(List<Section> sections, ObservableBooleanValue dark) {
        return new HowItWorksView(List.copyOf(sections), dark);
    }

    /**
     * Opens the page in a window of its own, not modal, owned by {@code owner} (may be null), with the given
     * stylesheets on its scene; Escape or Ctrl+W (Cmd+W) closes it. Returns the window.
     */
    public static Stage showWindow(Window owner, List<String> stylesheets, List<Section> sections,
                                   ObservableBooleanValue dark) {
        HowItWorksView view = create(sections, dark);
        Stage stage = ToolWindow.create(owner, view.root(), stylesheets, 860, 760);
        stage.setTitle("How IPDesk works");
        stage.show();
        return stage;
    }

    /** The pane. */
    public Parent root() {
        return root;
    }

    /** A paragraph: plain runs, {@code **bold**} runs and {@code `code`} runs, wrapping at the page's width. */
    private static TextFlow paragraph(String markup) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("how-paragraph");
        Matcher m = MARKUP.matcher(markup);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                flow.getChildren().add(run(markup.substring(at, m.start()), null));
            }
            flow.getChildren().add(m.group(1) != null ? run(m.group(1), "how-bold") : run(m.group(2), "how-code"));
            at = m.end();
        }
        if (at < markup.length()) {
            flow.getChildren().add(run(markup.substring(at), null));
        }
        flow.setMaxWidth(TEXT_WIDTH);
        return flow;
    }

    private static Text run(String text, String styleClass) {
        Text run = new Text(text);
        run.getStyleClass().add("how-text");
        if (styleClass != null) {
            run.getStyleClass().add(styleClass);
        }
        return run;
    }

    /** Each state: a swatch painted as the grid paints the cell, its name, and what it means. */
    private Node legend(Legend legend) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("how-legend");
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints meaning = new ColumnConstraints();
        meaning.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(name, meaning);
        int row = 0;
        for (LegendEntry entry : legend.entries()) {
            Canvas swatch = new Canvas(SWATCH, SWATCH);
            Runnable paint = () -> {
                swatch.getGraphicsContext2D().clearRect(0, 0, SWATCH, SWATCH);
                palette.paint(swatch.getGraphicsContext2D(), entry.state(), 0, 0, SWATCH, SWATCH);
            };
            paint.run();
            repaints.add(paint);
            Label label = new Label(entry.state().label(), swatch);
            label.getStyleClass().add("how-legend-state");
            label.setGraphicTextGap(8);
            label.setId("how-" + entry.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            Label what = new Label(entry.meaning());
            what.getStyleClass().add("how-legend-meaning");
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(row++, label, what);
        }
        grid.setMaxWidth(TEXT_WIDTH);
        return grid;
    }

    /** Folders and files as read-only text fields: the user can select and copy a path. */
    private static Node places(Places places) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("how-places");
        ColumnConstraints what = new ColumnConstraints();
        what.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints path = new ColumnConstraints();
        path.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(what, path);
        int row = 0;
        for (Place place : places.places()) {
            Label label = new Label(place.what());
            label.getStyleClass().add("how-place-label");
            TextField field = new TextField(place.path());
            field.setEditable(false);
            // selectable with the mouse, but not a stop for Tab: the page opens at its top, not at the first path
            field.setFocusTraversable(false);
            field.getStyleClass().add("how-path");
            HBox.setHgrow(field, Priority.ALWAYS);
            grid.addRow(row++, label, field);
        }
        grid.setMaxWidth(TEXT_WIDTH);
        return grid;
    }
}
