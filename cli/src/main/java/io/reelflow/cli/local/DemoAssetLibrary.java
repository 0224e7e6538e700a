package io.reelflow.cli.local;

import io.reelflow.connectors.catalog.AssetDescription;
import io.reelflow.connectors.catalog.AssetDescriptions;
import io.reelflow.connectors.catalog.AssetImporter;
import io.reelflow.connectors.catalog.ImportReport;
import io.reelflow.connectors.catalog.ImportedFile.Outcome;
import io.reelflow.connectors.catalog.JdbcAssetCatalog;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.port.ObjectStore;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A small stock library for {@code local} mode, made at start-up (nothing is downloaded): six drawn
 * photos matching the sample requests, with tags in several languages so scenes in any sample's
 * language find them, and two synthesised music beds (calm, upbeat) for the mood match. Imported
 * like any stock library, through {@link AssetImporter} into the PostgreSQL asset catalog; the
 * drawings are deterministic, so a restart finds them unchanged.
 */
public final class DemoAssetLibrary {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    private static final String LICENCE = "CC0-1.0 (drawn by Reelflow's local mode)";
    private static final String AUTHOR = "Reelflow demo library";

    private record Demo(
            String id, String description, List<String> tags, Consumer<Graphics2D> painter) {}

    private DemoAssetLibrary() {}

    /**
     * Draws the demo photos into {@code workDir} and imports them into {@code catalog} (uploads and
     * thumbnails to {@code store}), where the job's retrieval stage finds them.
     */
    public static List<CatalogAsset> install(
            ObjectStore store, JdbcAssetCatalog catalog, Path workDir) throws IOException {
        Path photos = Files.createDirectories(workDir.resolve("library"));
        Map<String, AssetDescription> descriptions = new LinkedHashMap<>();
        for (Demo demo : demos()) {
            String fileName = demo.id() + ".jpg";
            ImageIO.write(draw(demo.painter()), "jpg", photos.resolve(fileName).toFile());
            descriptions.put(
                    fileName,
                    new AssetDescription(
                            demo.id(),
                            demo.id().replace('-', ' '),
                            demo.description(),
                            demo.tags(),
                            "en",
                            LICENCE,
                            AUTHOR,
                            null));
        }
        for (Tune tune : tunes()) {
            String fileName = tune.id() + ".wav";
            writeTune(tune, photos.resolve(fileName));
            descriptions.put(
                    fileName,
                    new AssetDescription(
                            tune.id(),
                            tune.id().replace('-', ' '),
                            tune.description(),
                            tune.tags(),
                            "en",
                            LICENCE,
                            AUTHOR,
                            null));
        }
        ImportReport report =
                AssetImporter.builder()
                        .catalog(catalog)
                        .objectStore(store)
                        .descriptions(AssetDescriptions.of(descriptions))
                        .build()
                        .importFolder(photos);
        if (report.hasRejections()) {
            throw new IOException(
                    "demo photos were rejected: " + report.withOutcome(Outcome.REJECTED));
        }
        return catalog.loadAll();
    }

    /** A music bed synthesised at start-up: a chord that swells, optionally on a beat. */
    private record Tune(
            String id,
            String description,
            List<String> tags,
            double[] chordHz,
            double beatsPerSecond) {}

    private static List<Tune> tunes() {
        return List.of(
                new Tune(
                        "calm-ambient-pad",
                        "A calm, slowly swelling ambient pad in A minor",
                        List.of("music", "calm", "peaceful", "ambient", "soft", "relaxing"),
                        new double[] {220.0, 261.63, 329.63, 440.0},
                        0),
                new Tune(
                        "upbeat-pulse",
                        "An upbeat, happy pulse in C major for lively videos",
                        List.of("music", "upbeat", "happy", "joyful", "energetic", "bright"),
                        new double[] {261.63, 329.63, 392.0, 523.25},
                        2.0));
    }

    private static final int TUNE_RATE = 48_000;
    private static final double TUNE_SECONDS = 24.0;

    /** Writes {@code tune} as a 16-bit stereo WAV, a few MB, so the importer finds MUSIC. */
    private static void writeTune(Tune tune, Path file) throws IOException {
        int frames = (int) (TUNE_RATE * TUNE_SECONDS);
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            double t = (double) i / TUNE_RATE;
            double swell = 0.6 + 0.4 * Math.sin(2 * Math.PI * t / 8);
            double beat =
                    tune.beatsPerSecond() > 0
                            ? Math.exp(-6 * ((t * tune.beatsPerSecond()) % 1.0))
                            : 1.0;
            double left = 0;
            double right = 0;
            for (int n = 0; n < tune.chordHz().length; n++) {
                double tone = Math.sin(2 * Math.PI * tune.chordHz()[n] * t);
                // Alternate notes lean left and right, for a little width.
                left += tone * (n % 2 == 0 ? 0.6 : 0.4);
                right += tone * (n % 2 == 0 ? 0.4 : 0.6);
            }
            double gain = 6000 * swell * beat / tune.chordHz().length;
            putSample(pcm, i * 4, left * gain);
            putSample(pcm, i * 4 + 2, right * gain);
        }
        AudioFormat format = new AudioFormat(TUNE_RATE, 16, 2, true, false);
        try (AudioInputStream stream =
                new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static void putSample(byte[] pcm, int at, double value) {
        short sample = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
        pcm[at] = (byte) sample;
        pcm[at + 1] = (byte) (sample >> 8);
    }

    private static BufferedImage draw(Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
        return image;
    }

    private static List<Demo> demos() {
        return List.of(
                new Demo(
                        "mountain-lake-dawn",
                        "A calm mountain lake at dawn, snowy peaks, mist over the water",
                        List.of(
                                "mountain",
                                "lake",
                                "dawn",
                                "mist",
                                "peak",
                                "snow",
                                "water",
                                "berg",
                                "see",
                                "montaña",
                                "lago",
                                "montagne",
                                "montagna",
                                "гора",
                                "озеро"),
                        g ->
                                landscape(
                                        g,
                                        new Color(250, 180, 120),
                                        new Color(90, 120, 170),
                                        new Color(70, 80, 100))),
                new Demo(
                        "city-night-traffic",
                        "City lights and traffic at night seen from a rooftop",
                        List.of(
                                "city", "night", "traffic", "light", "street", "rooftop", "stadt",
                                "nacht", "verkehr", "straße", "licht", "ciudad", "ville", "città",
                                "город", "ночь"),
                        DemoAssetLibrary::city),
                new Demo(
                        "ocean-beach-sunset",
                        "Ocean waves on a sandy beach at sunset, orange and pink sky",
                        List.of(
                                "ocean",
                                "beach",
                                "wave",
                                "sunset",
                                "sand",
                                "sea",
                                "océano",
                                "playa",
                                "ola",
                                "olas",
                                "atardecer",
                                "arena",
                                "meer",
                                "strand",
                                "plage",
                                "mer",
                                "mare",
                                "spiaggia"),
                        g -> seaside(g)),
                new Demo(
                        "autumn-forest",
                        "Autumn forest with red and golden leaves and a clearing",
                        List.of(
                                "forest",
                                "autumn",
                                "leaves",
                                "tree",
                                "deer",
                                "clearing",
                                "forêt",
                                "automne",
                                "feuilles",
                                "cerf",
                                "clairière",
                                "wald",
                                "herbst",
                                "bosque",
                                "otoño",
                                "лес"),
                        DemoAssetLibrary::forest),
                new Demo(
                        "coffee-close-up",
                        "Close-up of a cappuccino with a heart in the milk foam in a small café",
                        List.of(
                                "coffee",
                                "cappuccino",
                                "café",
                                "caffè",
                                "barista",
                                "bar",
                                "foam",
                                "schiuma",
                                "cuore",
                                "kaffee",
                                "close-up",
                                "morning",
                                "mattina"),
                        DemoAssetLibrary::coffee),
                new Demo(
                        "rocket-launch-night",
                        "A rocket lifting off from the launch pad into the night sky",
                        List.of(
                                "rocket",
                                "launch",
                                "space",
                                "night",
                                "sky",
                                "engine",
                                "ракета",
                                "старт",
                                "площадке",
                                "небо",
                                "ночное",
                                "двигатели",
                                "корабль",
                                "rakete",
                                "cohete",
                                "fusée"),
                        DemoAssetLibrary::rocket));
    }

    private static void sky(Graphics2D g, Color top, Color bottom) {
        g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT * 0.6f, bottom));
        g.fillRect(0, 0, WIDTH, HEIGHT);
    }

    private static void landscape(Graphics2D g, Color skyTop, Color skyBottom, Color rock) {
        sky(g, skyTop, skyBottom);
        g.setColor(rock);
        g.fillPolygon(
                new Polygon(
                        new int[] {0, 420, 820, 1200, 1600, 1600, 0},
                        new int[] {620, 220, 560, 180, 600, 700, 700},
                        7));
        g.setColor(Color.WHITE);
        g.fillPolygon(new Polygon(new int[] {360, 420, 480}, new int[] {290, 220, 290}, 3));
        g.fillPolygon(new Polygon(new int[] {1130, 1200, 1270}, new int[] {260, 180, 260}, 3));
        g.setPaint(
                new GradientPaint(
                        0, 700, new Color(60, 110, 160), 0, HEIGHT, new Color(20, 50, 90)));
        g.fillRect(0, 700, WIDTH, HEIGHT - 700);
    }

    private static void city(Graphics2D g) {
        sky(g, new Color(10, 10, 40), new Color(40, 30, 80));
        Random random = new Random(7);
        for (int x = 0; x < WIDTH; x += 130) {
            int top = 250 + random.nextInt(400);
            g.setColor(new Color(25, 25, 35));
            g.fillRect(x, top, 120, HEIGHT - top);
            for (int y = top + 20; y < HEIGHT - 40; y += 40) {
                for (int wx = x + 12; wx < x + 110; wx += 28) {
                    g.setColor(
                            random.nextInt(3) == 0
                                    ? new Color(255, 210, 110)
                                    : new Color(40, 40, 55));
                    g.fillRect(wx, y, 14, 20);
                }
            }
        }
        g.setColor(new Color(255, 80, 60));
        for (int x = 0; x < WIDTH; x += 60) {
            g.fillOval(x, HEIGHT - 60, 22, 10);
        }
    }

    private static void seaside(Graphics2D g) {
        sky(g, new Color(250, 120, 90), new Color(250, 190, 160));
        g.setColor(new Color(255, 220, 120));
        g.fillOval(680, 380, 240, 240);
        g.setPaint(
                new GradientPaint(0, 560, new Color(40, 90, 140), 0, 800, new Color(90, 160, 190)));
        g.fillRect(0, 560, WIDTH, 240);
        g.setColor(new Color(230, 200, 150));
        g.fillRect(0, 800, WIDTH, HEIGHT - 800);
        g.setColor(Color.WHITE);
        for (int x = 0; x < WIDTH; x += 90) {
            g.fillArc(x, 780, 90, 40, 0, 180);
        }
    }

    private static void forest(Graphics2D g) {
        sky(g, new Color(150, 190, 220), new Color(230, 220, 190));
        g.setColor(new Color(110, 140, 60));
        g.fillRect(0, 760, WIDTH, HEIGHT - 760);
        Random random = new Random(11);
        Color[] leaves = {new Color(200, 60, 30), new Color(230, 160, 40), new Color(180, 110, 30)};
        for (int x = 20; x < WIDTH; x += 110) {
            if (x > 640 && x < 900) {
                continue;
            }
            g.setColor(new Color(90, 60, 40));
            g.fillRect(x + 40, 500, 24, 280);
            g.setColor(leaves[random.nextInt(leaves.length)]);
            g.fillOval(x - 10, 300 + random.nextInt(80), 130, 260);
        }
    }

    private static void coffee(Graphics2D g) {
        sky(g, new Color(90, 60, 40), new Color(140, 100, 70));
        g.setColor(Color.WHITE);
        g.fillOval(450, 200, 700, 600);
        g.setColor(new Color(160, 110, 70));
        g.fillOval(520, 260, 560, 480);
        g.setColor(new Color(245, 235, 220));
        g.fillOval(700, 400, 110, 110);
        g.fillOval(790, 400, 110, 110);
        g.fillPolygon(new Polygon(new int[] {706, 800, 894}, new int[] {480, 600, 480}, 3));
    }

    private static void rocket(Graphics2D g) {
        sky(g, new Color(5, 5, 25), new Color(30, 30, 70));
        Random random = new Random(3);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 200; i++) {
            g.fillRect(random.nextInt(WIDTH), random.nextInt(600), 2, 2);
        }
        g.setColor(new Color(220, 220, 230));
        g.fillRect(740, 260, 120, 520);
        g.fillPolygon(new Polygon(new int[] {740, 800, 860}, new int[] {260, 140, 260}, 3));
        g.setColor(new Color(255, 150, 40));
        g.fillPolygon(new Polygon(new int[] {740, 800, 860}, new int[] {780, 960, 780}, 3));
        g.setColor(new Color(60, 60, 70));
        g.fillRect(0, 900, WIDTH, HEIGHT - 900);
    }
}
