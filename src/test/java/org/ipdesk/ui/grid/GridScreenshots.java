package org.ipdesk.ui.grid;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.ipdesk.ui.FxTaskExecutor;

/**
 * Renders the grid in a real window and writes PNGs: {@code docs/screenshots/grid-*.png}. Not a test; run it
 * with the test classpath, on a display (for example {@code xvfb-run -s "-screen 0 1600x1000x24"}):
 * {@code java -cp target/classes:target/test-classes:CLASSPATH org.ipdesk.ui.grid.GridScreenshots docs/screenshots}.
 */
public final class GridScreenshots {

    private GridScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path folder = Files.createTempDirectory("ipdesk-grid-shots");
        Path file = folder.resolve("shots.db");
        Subnet lan;
        Subnet slash16;
        Subnet slash8;
        try (Allocator seed = Allocator.open(Location.of(file))) {
            lan = GridFixtures.mixed24(seed);
            slash16 = seed.createSubnet("lab", SubnetSpec.of(Cidr.parse("172.16.0.0/16")).withName("Campus")
                    .withGateway(Ip.parse("172.16.0.1")));
            seed.addRange(slash16.id(), Ip.parse("172.16.200.0"), Ip.parse("172.16.203.255"), RangeKind.DHCP, "wifi");
            seed.addRange(slash16.id(), Ip.parse("172.16.250.0"), Ip.parse("172.16.251.255"), RangeKind.RESERVED, "");
            seed.createSubnet("lab", SubnetSpec.of(Cidr.parse("172.16.240.0/22")).withName("lab"));
            seed.createNetwork("wan", "");
            slash8 = seed.createSubnet("wan", SubnetSpec.of(Cidr.parse("10.0.0.0/8")).withName("WAN"));
            long[] fills = {65_534, 52_000, 40_000, 30_000, 17_000, 9_000, 2_000, 150};
            for (int i = 0; i < fills.length; i++) {
                Subnet child = seed.createSubnet("wan", SubnetSpec.of(Cidr.parse("10." + (i + 1) + ".0.0/16")));
                try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
                    generator.fill(child.id(), fills[i], 0, i);
                }
            }
            seed.addRange(slash8.id(), Ip.parse("10.20.0.0"), Ip.parse("10.21.255.255"), RangeKind.RESERVED, "");
            seed.addRange(slash8.id(), Ip.parse("10.64.0.0"), Ip.parse("10.64.191.255"), RangeKind.DHCP, "");
            seed.reserve(slash8.id(), Ip.parse("10.99.1.1"), AddressDetails.of(AddressStatus.RESERVED));
            try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
                generator.fill(slash16.id(), 30_000, 15_000, 42);
                // 10.0.0.0/16, the /8's own first block, holds 40,000 addresses among its first 50,000
                generator.fill(slash8.id(), 40_000, 10_000, 7);
            }
            slash16 = seed.subnet(slash16.id());
        }

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskExecutor executor = new FxTaskExecutor();
        Allocator allocator = Allocator.open(Location.of(file));
        AddressGridViewModel vm = new AddressGridViewModel(() -> allocator, executor);
        Stage[] stage = new Stage[1];
        AddressGrid[] grid = new AddressGrid[1];
        BorderPane[] root = new BorderPane[1];
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            grid[0] = new AddressGrid(vm);
            GridBreadcrumb breadcrumb = new GridBreadcrumb(vm);
            GridLegend legend = new GridLegend(grid[0]);
            breadcrumb.setPadding(new Insets(6, 10, 6, 10));
            legend.setPadding(new Insets(8, 10, 8, 10));
            root[0] = new BorderPane(grid[0], breadcrumb, null, legend, null);
            stage[0] = new Stage();
            stage[0].setTitle("IPDesk address grid");
            stage[0].setScene(new Scene(root[0], 1200, 760));
            stage[0].show();
        });

        show(vm, lan);
        onFx(() -> {
            vm.select(10);
            vm.extendSelection(29);
        });
        shoot(stage[0], out.resolve("grid-24.png"));
        hoverShot(grid[0], 12, out.resolve("grid-tooltip.png"));
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            grid[0].darkProperty().set(true);
        });
        shoot(stage[0], out.resolve("grid-24-dark.png"));
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            grid[0].darkProperty().set(false);
            vm.clearSelection();
        });

        show(vm, slash16);
        onFx(() -> vm.select(300));
        shoot(stage[0], out.resolve("grid-16.png"));

        show(vm, slash8);
        onFx(() -> vm.select(3));
        shoot(stage[0], out.resolve("grid-8-blocks.png"));
        onFx(() -> vm.zoomInto(0));
        waitUntil(() -> vm.path().size() == 2 && !vm.loadingProperty().get());
        shoot(stage[0], out.resolve("grid-8-zoomed.png"));

        onFx(() -> stage[0].close());
        executor.close();
        allocator.close();
        Platform.exit();
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Moves the real mouse over a cell and grabs the screen with ImageMagick's import (tooltip included). */
    private static void hoverShot(AddressGrid grid, int index, Path png) throws Exception {
        double[] at = new double[4];
        onFx(() -> {
            javafx.geometry.Bounds cell = grid.cellBounds(index);
            javafx.geometry.Point2D screen = grid.localToScreen(cell.getCenterX(), cell.getCenterY());
            javafx.geometry.Point2D origin = grid.getScene().getRoot().localToScreen(0, 0);
            at[0] = screen.getX();
            at[1] = screen.getY();
            at[2] = origin.getX();
            at[3] = origin.getY();
            new javafx.scene.robot.Robot().mouseMove(screen);
        });
        Thread.sleep(1500);
        int x = (int) at[2];
        int y = (int) at[3];
        Process grab = new ProcessBuilder("import", "-window", "root", "-crop", "640x200+" + x + "+" + y,
                png.toString()).inheritIO().start();
        if (grab.waitFor() != 0) {
            System.out.println("could not grab the screen for " + png);
        } else {
            System.out.println(png);
        }
    }

    private static void show(AddressGridViewModel vm, Subnet subnet) throws Exception {
        onFx(() -> vm.show(subnet));
        waitUntil(() -> !vm.loadingProperty().get() && vm.getContent() != null
                && vm.getContent().subnet().id() == subnet.id());
    }

    private static void waitUntil(BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean[] ok = new boolean[1];
            onFx(() -> ok[0] = done.getAsBoolean());
            if (ok[0]) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

    private static void shoot(Stage stage, Path png) throws Exception {
        Thread.sleep(300);
        WritableImage[] image = new WritableImage[1];
        onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            image[0] = stage.getScene().snapshot(null);
        });
        write(image[0], png);
        System.out.println(png);
    }

    static void write(WritableImage image, Path png) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", png.toFile());
    }

    private static void onFx(Runnable work) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.runLater(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer");
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }
}
