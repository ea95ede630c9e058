package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.store.Location;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.grid.GridContent;
import org.ipdesk.ui.grid.GridPalette;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's picture of the main window, on the sample database with a subnet and an address selected.
 * Every run writes it to {@code target/screenshots/}; to refresh the README's copy run
 * {@code mvn -B test -Dtest=ReadmeScreenshotsTest -Dipdesk.screenshots=docs/screenshots}.
 */
class ReadmeScreenshotsTest {

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void mainWindowOnTheSampleDatabase() throws Exception {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            SampleData.create(allocator);
        }
        window.open(file);
        window.clickTreeRow("10.20.1.0/24");
        GridContent.Addresses cells = window.waitForAddresses("10.20.1.0/24");
        int index = cells.indexOf(Ip.parse("10.20.1.6"));
        window.clickCell(index);
        WindowDriver.waitUntil(() -> window.robot.lookup("#hostnameField").queryTextInputControl().getText()
                .equals("web-005"));

        WritableImage image = PaneStage.snapshot(window.robot, window.stage);
        // a real picture: many colours, not a blank or single-colour frame
        PixelReader pixels = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(20);

        Path written = PaneStage.screenshot(window.robot, window.stage, "main-window.png");
        assertThat(written).exists();
        // the dark theme: the whole window and the grid's palette switch together, and back
        window.robot.clickOn("#themeButton");
        WindowDriver.waitUntil(() -> window.grid().getPalette() == GridPalette.DARK);
        Path dark = PaneStage.screenshot(window.robot, window.stage, "main-window-dark.png");
        assertThat(dark).exists();
        window.robot.clickOn("#themeButton");
        WindowDriver.waitUntil(() -> window.grid().getPalette() == GridPalette.LIGHT);

        String target = System.getProperty("ipdesk.screenshots", "");
        if (!target.isBlank()) {
            Files.createDirectories(Path.of(target));
            Files.copy(written, Path.of(target).resolve("main-window.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dark, Path.of(target).resolve("main-window-dark.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
