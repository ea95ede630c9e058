package org.ipdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application icon files the window and the installers rely on (icons/README.md): every PNG size, the
 * Windows .ico and the macOS .icns, read from the classpath folder {@code /icons/} (they are resources) or,
 * failing that, from the project's {@code icons/} folder. Each image must be a real icon, not a blank or
 * wrong file: the size its name says, transparent corners, an opaque centre and more than a few colours.
 */
class IconFilesTest {

    private static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    private static final List<Integer> ICNS_SIZES = List.of(16, 32, 128, 256, 512);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The size of a PNG entry of each known .icns type. */
    private static final Map<String, Integer> ICNS_TYPE_SIZES = Map.ofEntries(
            Map.entry("icp4", 16), Map.entry("icp5", 32), Map.entry("icp6", 64), Map.entry("ic07", 128),
            Map.entry("ic08", 256), Map.entry("ic09", 512), Map.entry("ic10", 1024), Map.entry("ic11", 32),
            Map.entry("ic12", 64), Map.entry("ic13", 256), Map.entry("ic14", 512));

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512})
    void eachPngHasItsSizeAndLooksLikeAnIcon(int size) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(read("ipdesk-" + size + ".png")));

        assertThat(image).as("ipdesk-%d.png decodes", size).isNotNull();
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertLooksLikeTheIcon(image, "ipdesk-" + size + ".png");
    }

    @Test
    void icoListsExactlyTheWindowsSizes() throws IOException {
        byte[] ico = read("ipdesk.ico");
        ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(in.getShort(0)).as("reserved").isZero();
        assertThat(in.getShort(2)).as("type (1 = icon)").isEqualTo((short) 1);
        int count = Short.toUnsignedInt(in.getShort(4));
        assertThat(ico.length).isGreaterThanOrEqualTo(6 + 16 * count);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico[entry]);
            int height = Byte.toUnsignedInt(ico[entry + 1]);
            long length = Integer.toUnsignedLong(in.getInt(entry + 8));
            long offset = Integer.toUnsignedLong(in.getInt(entry + 12));
            assertThat(width).as("entry %d is square", i).isEqualTo(height);
            assertThat(offset + length).as("entry %d lies inside the file", i).isLessThanOrEqualTo(ico.length);
            assertThat(length).as("entry %d has image data", i).isGreaterThan(40);
            sizes.add(width == 0 ? 256 : width);
        }

        assertThat(sizes).containsExactlyInAnyOrderElementsOf(ICO_SIZES);
    }

    @Test
    void icnsHoldsPngEntriesForTheMacSizes() throws IOException {
        byte[] icns = read("ipdesk.icns");
        ByteBuffer in = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);

        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(Integer.toUnsignedLong(in.getInt(4))).as("length field").isEqualTo(icns.length);
        Map<String, BufferedImage> pngs = new TreeMap<>();
        int at = 8;
        while (at < icns.length) {
            assertThat(icns.length - at).as("room for an entry header at %d", at).isGreaterThanOrEqualTo(8);
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = in.getInt(at + 4);
            assertThat(length).as("length of %s", type).isGreaterThanOrEqualTo(8)
                    .isLessThanOrEqualTo(icns.length - at);
            byte[] data = Arrays.copyOfRange(icns, at + 8, at + length);
            if (startsWithPngSignature(data)) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
                assertThat(image).as("%s decodes", type).isNotNull();
                assertThat(image.getWidth()).as("%s is square", type).isEqualTo(image.getHeight());
                if (ICNS_TYPE_SIZES.containsKey(type)) {
                    assertThat(image.getWidth()).as("size of %s", type).isEqualTo(ICNS_TYPE_SIZES.get(type));
                }
                pngs.put(type, image);
            }
            at += length;
        }
        assertThat(at).as("entries end with the file").isEqualTo(icns.length);

        Set<Integer> sizes = new HashSet<>();
        pngs.forEach((type, image) -> {
            assertLooksLikeTheIcon(image, "ipdesk.icns " + type);
            sizes.add(image.getWidth());
        });
        assertThat(sizes).containsAll(ICNS_SIZES);
    }

    private static void assertLooksLikeTheIcon(BufferedImage image, String name) {
        int last = image.getWidth() - 1;
        int[][] corners = {{0, 0}, {last, 0}, {0, last}, {last, last}};
        for (int[] corner : corners) {
            assertThat(alpha(image, corner[0], corner[1])).as("%s: corner %d,%d is transparent", name, corner[0],
                    corner[1]).isLessThanOrEqualTo(16);
        }
        int middle = image.getWidth() / 2;
        assertThat(alpha(image, middle, middle)).as("%s: centre is opaque", name).isEqualTo(255);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (alpha(image, x, y) == 255) {
                    colours.add(image.getRGB(x, y));
                }
            }
        }
        assertThat(colours.size()).as("%s: distinct opaque colours", name).isGreaterThan(5);
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static boolean startsWithPngSignature(byte[] data) {
        if (data.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (data[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file from the classpath folder {@code /icons/}, or else from the project's {@code icons/} folder. */
    private static byte[] read(String name) throws IOException {
        try (InputStream in = IconFilesTest.class.getResourceAsStream("/icons/" + name)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        Path file = Path.of("icons", name);
        assertThat(file).as("icon file %s (neither on the classpath under /icons/ nor in icons/)", name)
                .isRegularFile();
        return Files.readAllBytes(file);
    }
}
