package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers of the pane tests: a window holding one pane, the theme, waiting, and PNG snapshots. */
public final class PaneStage {

    /** Where the pane tests write their snapshots. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private PaneStage() {
    }

    /** Shows {@code root} alone in the primary stage, in a scene of the given size, with PrimerLight. */
    public static Stage show(Parent root, double width, double height) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Stage stage = FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            // the primary stage is shared: a main window shown before may have left its size, minimum or maximised state
            s.setMaximized(false);
            s.setMinWidth(0);
            s.setMinHeight(0);
            s.setScene(new Scene(root, width, height));
            s.sizeToScene();
            if (width >= 0 && height >= 0) { // Monocle has no window decorations: the stage is the scene's size
                s.setWidth(width);
                s.setHeight(height);
            }
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    /** AtlantaFX Primer, dark or light, for the whole application. */
    public static void theme(FxRobot robot, boolean dark) {
        robot.interact(() -> Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
    }

    /** Waits (at most 10 s) until {@code done} holds, read on the JavaFX thread. */
    public static void waitUntil(BooleanSupplier done) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(done::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The scene as rendered now. */
    public static WritableImage snapshot(FxRobot robot, Stage stage) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            image[0] = stage.getScene().snapshot(null);
        });
        return image[0];
    }

    /** The colour rendered now at the centre of {@code node}. */
    public static Color centrePixel(FxRobot robot, Stage stage, Node node) {
        WritableImage image = snapshot(robot, stage);
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return image.getPixelReader().getColor((int) bounds.getCenterX(), (int) bounds.getCenterY());
    }

    /** Red, green and blue each within 2 % (the software renderer blends edges a little). */
    public static void assertColor(Color actual, Color expected) {
        assertThat(actual.getRed()).as("red of %s, wanted %s", actual, expected).isCloseTo(expected.getRed(), within(0.02));
        assertThat(actual.getGreen()).as("green of %s, wanted %s", actual, expected)
                .isCloseTo(expected.getGreen(), within(0.02));
        assertThat(actual.getBlue()).as("blue of %s, wanted %s", actual, expected).isCloseTo(expected.getBlue(), within(0.02));
    }

    /** Writes the scene as rendered now to {@code target/screenshots/NAME}. */
    public static Path screenshot(FxRobot robot, Stage stage, String name) {
        return screenshot(robot, stage, false, name);
    }

    /**
     * The same; with {@code fitHeight} the window first takes the pane's preferred height (a scene made with
     * height -1), so the picture has no empty band below the pane.
     */
    public static Path screenshot(FxRobot robot, Stage stage, boolean fitHeight, String name) {
        if (fitHeight) {
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.sizeToScene();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        return write(snapshot(robot, stage), name);
    }

    /** Writes {@code image} as {@code target/screenshots/NAME}; returns the file. */
    public static Path write(WritableImage image, String name) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        Path file = SCREENSHOTS.resolve(name);
        try {
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
