package org.ipdesk.ui.subnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.ipdesk.model.CellState;
import org.ipdesk.ui.grid.GridPalette;

/**
 * A horizontal bar split into coloured segments whose widths follow their fractions, in the colours of the
 * address grid ({@link GridPalette#colorOf(CellState)}), so the bar, the grid and its legend agree. A segment
 * with any address is at least {@value #MIN_SEGMENT} px wide, however small its share. Each segment has a
 * tooltip with its count and share; the bar's accessible text lists them all, so nothing relies on colour.
 */
public class UsageBar extends Region {

    /** The narrowest a segment with a count above zero is drawn. */
    public static final double MIN_SEGMENT = 2;
    private static final double RADIUS = 4;

    private final ObservableList<UsageSegment> segments = FXCollections.observableArrayList();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final List<Region> parts = new ArrayList<>();
    private final Rectangle clip = new Rectangle();

    public UsageBar() {
        getStyleClass().add("usage-bar");
        setAccessibleRole(AccessibleRole.TEXT);
        setMinHeight(8);
        setPrefHeight(14);
        setMaxHeight(USE_PREF_SIZE);
        clip.setArcWidth(2 * RADIUS);
        clip.setArcHeight(2 * RADIUS);
        setClip(clip);
        segments.addListener((ListChangeListener<UsageSegment>) change -> rebuild());
        dark.addListener((property, before, now) -> recolour());
        rebuild();
    }

    /** The segments, left to right; bind them with {@code Bindings.bindContent(bar.getSegments(), vm.segments())}. */
    public ObservableList<UsageSegment> getSegments() {
        return segments;
    }

    /** Dark theme colours (the grid's {@link GridPalette#DARK}). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    public GridPalette getPalette() {
        return GridPalette.of(dark.get());
    }

    /** The segment regions, left to right, one per segment (for tests). */
    List<Region> parts() {
        return List.copyOf(parts);
    }

    private void rebuild() {
        parts.clear();
        BigInteger total = segments.stream().map(UsageSegment::count).reduce(BigInteger.ZERO, BigInteger::add);
        StringBuilder summary = new StringBuilder();
        for (UsageSegment segment : segments) {
            Region part = new Region();
            part.getStyleClass().add("usage-segment");
            part.setId("usage-" + segment.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            String text = segment.describe(total);
            Tooltip tip = new Tooltip(text);
            tip.setShowDelay(Duration.millis(200));
            Tooltip.install(part, tip);
            part.setManaged(false);
            parts.add(part);
            summary.append(summary.isEmpty() ? "" : ", ").append(text);
        }
        getChildren().setAll(parts);
        setAccessibleText(summary.isEmpty() ? "usage not known" : summary.toString());
        recolour();
        requestLayout();
    }

    /** Paints the bar and its segments in the palette of the current theme. */
    private void recolour() {
        GridPalette palette = getPalette();
        setBackground(new Background(new BackgroundFill(palette.colorOf(CellState.FREE), new CornerRadii(RADIUS),
                Insets.EMPTY)));
        setBorder(new Border(new BorderStroke(palette.freeBorder(), BorderStrokeStyle.SOLID, new CornerRadii(RADIUS),
                BorderWidths.DEFAULT)));
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).setBackground(new Background(new BackgroundFill(palette.colorOf(segments.get(i).state()),
                    CornerRadii.EMPTY, Insets.EMPTY)));
        }
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = Math.max(0, getWidth() - left - snappedRightInset());
        double height = Math.max(0, getHeight() - top - snappedBottomInset());
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        double[] widths = widths(segments.stream().mapToDouble(UsageSegment::fraction).toArray(),
                segments.stream().map(s -> s.count().signum() > 0).toList(), width);
        double x = 0;
        for (int i = 0; i < parts.size(); i++) {
            double from = Math.round(left + x);
            x += widths[i];
            double to = Math.round(left + x);
            parts.get(i).resizeRelocate(from, top, Math.max(0, to - from), height);
        }
    }

    /**
     * The width of each segment: its fraction of {@code width}, but at least {@value #MIN_SEGMENT} px for a
     * segment with addresses (taken from the wider ones), and none for an empty one.
     */
    static double[] widths(double[] fractions, List<Boolean> nonEmpty, double width) {
        int n = fractions.length;
        double[] widths = new double[n];
        boolean[] fixed = new boolean[n];
        double totalFraction = 0;
        for (double f : fractions) {
            totalFraction += Math.max(0, f);
        }
        if (n == 0 || width <= 0 || totalFraction <= 0) {
            return widths;
        }
        // pin the slivers to the minimum, then share what is left among the others by their fractions
        for (int round = 0; round <= n; round++) {
            double pinned = 0;
            double freeFraction = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    pinned += widths[i];
                } else if (nonEmpty.get(i)) {
                    freeFraction += Math.max(0, fractions[i]);
                }
            }
            double rest = Math.max(0, width - pinned);
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    continue;
                }
                if (!nonEmpty.get(i)) {
                    widths[i] = 0;
                    continue;
                }
                widths[i] = freeFraction <= 0 ? 0 : rest * Math.max(0, fractions[i]) / freeFraction;
                if (widths[i] < MIN_SEGMENT) {
                    widths[i] = Math.min(MIN_SEGMENT, width);
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return widths;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }
}
