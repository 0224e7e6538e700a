package io.reelflow.operators.quality;

import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.Renderer;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;

/**
 * The labelled validation set: short videos rendered by our own {@link Renderer} with real FFmpeg,
 * clean ones and ones with exactly one known defect in a known scene. Every video has a title card,
 * a photo shown with a Ken Burns move and a moving clip; a defect replaces one of them (or, for the
 * duration, the length the spec asked for). Sound, subtitle and relevance cases join by adding a
 * {@link Labelled} built the same way.
 *
 * <pre>{@code
 * LabelledVideos set = new LabelledVideos(tempDir);
 * for (LabelledVideos.Labelled video : set.picture()) { ... video.defect() ... }
 * }</pre>
 */
public final class LabelledVideos {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final int FPS = 25;

    /** Scene boundaries of every video: title card, photo, clip. */
    static final double[] BOUNDS = {0, 1.5, 3.5, 5.0};

    public static final int TITLE_SCENE = 0;
    public static final int PHOTO_SCENE = 1;
    public static final int CLIP_SCENE = 2;

    private static final String[] TEXTS = {
        "Mountains at dawn", "A lake reflects the first light.", "Birds rise over the water."
    };

    /**
     * One video of the set.
     *
     * @param name what it shows, also its request id
     * @param file the rendered MP4
     * @param video the rendered video with its job, as the scorer receives it
     * @param defect the one defect it has; {@code null} for a clean video
     * @param scene the scene with the defect, or {@link Finding#WHOLE_VIDEO}
     */
    public record Labelled(String name, Path file, RenderedVideo video, String defect, int scene) {

        public boolean clean() {
            return defect == null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Path media;
    private final Path work;
    private final DirectoryObjectStore store;

    public LabelledVideos(Path directory) throws IOException {
        this.media = Files.createDirectories(directory.resolve("media"));
        this.work = directory.resolve("work");
        this.store = new DirectoryObjectStore(directory.resolve("store"));
    }

    /** Clean videos and one per picture defect, rendered now (a few seconds in all). */
    public List<Labelled> picture() throws IOException {
        Path photo = photo("photo.jpg", 7, LabelledVideos::asIs);
        Path otherPhoto = photo("other.jpg", 11, LabelledVideos::asIs);
        Path clip = movingClip("clip.mp4", 3);
        List<Labelled> set = new ArrayList<>();
        set.add(clean("clean-crossfade", Transition.CROSSFADE, true, photo, clip));
        set.add(clean("clean-cut", Transition.CUT, false, otherPhoto, clip));
        set.add(clean("clean-fade-black", Transition.FADE_BLACK, true, photo, clip));
        set.add(
                defective(
                        "black-photo",
                        Defect.BLACK,
                        PHOTO_SCENE,
                        photo("black.jpg", 1, image -> TestMedia.solid(640, 360, Color.BLACK)),
                        clip));
        set.add(
                defective(
                        "blurred-photo",
                        Defect.BLURRED,
                        PHOTO_SCENE,
                        photo("blurred.jpg", 7, LabelledVideos::blurred),
                        clip));
        set.add(
                defective(
                        "over-exposed-photo",
                        Defect.OVEREXPOSED,
                        PHOTO_SCENE,
                        photo("bright.jpg", 7, LabelledVideos::overExposed),
                        clip));
        set.add(defective("frozen-clip", Defect.FROZEN, CLIP_SCENE, photo, stillClip()));
        Labelled wrongLength = clean("wrong-duration", Transition.CROSSFADE, true, photo, clip);
        RenderedVideo claimed =
                RenderedVideo.newBuilder(wrongLength.video())
                        .setSpec(
                                RenderSpec.newBuilder(wrongLength.video().getSpec())
                                        .setTargetDurationSeconds(BOUNDS[3] * 2)
                                        .build())
                        .build();
        set.add(
                new Labelled(
                        "wrong-duration",
                        wrongLength.file(),
                        claimed,
                        Defect.WRONG_DURATION,
                        Finding.WHOLE_VIDEO));
        return set;
    }

    private Labelled clean(
            String name, Transition transition, boolean subtitles, Path photo, Path clip)
            throws IOException {
        Rendered rendered = render(name, transition, subtitles, photo, clip);
        return new Labelled(name, rendered.file(), rendered.video(), null, Finding.WHOLE_VIDEO);
    }

    private Labelled defective(String name, String defect, int scene, Path photo, Path clip)
            throws IOException {
        Rendered rendered = render(name, Transition.CROSSFADE, true, photo, clip);
        return new Labelled(name, rendered.file(), rendered.video(), defect, scene);
    }

    private Rendered render(
            String name, Transition transition, boolean subtitles, Path photo, Path clip)
            throws IOException {
        RenderSpec spec =
                RenderSpec.newBuilder(TestMedia.spec(BOUNDS[3], subtitles))
                        .setTransition(transition)
                        .build();
        List<SceneClip> clips =
                List.of(
                        scene(TITLE_SCENE, ClipSource.TITLE_CARD, null),
                        scene(PHOTO_SCENE, ClipSource.STOCK_PHOTO, photo),
                        scene(CLIP_SCENE, ClipSource.STOCK_CLIP, clip));
        RenderJob job = RenderJob.newBuilder(TestMedia.job(spec, clips)).setRequestId(name).build();
        RenderedVideo video =
                new Renderer(store, RenderConfig.defaults().withWorkDirectory(work)).render(job);
        return new Rendered(
                store.pathOf(Renderer.videoKey(job.getRunId(), name)),
                RenderedVideo.newBuilder(video).setJob(job).build());
    }

    private record Rendered(Path file, RenderedVideo video) {}

    private static SceneClip scene(int index, ClipSource source, Path media) {
        SceneClip clip =
                TestMedia.clip(
                        index,
                        TEXTS[index],
                        BOUNDS[index],
                        BOUNDS[index + 1],
                        source,
                        media == null ? null : media.toUri().toString(),
                        TEXTS.length);
        clip.getScene().setCameraMoves(List.of(CameraMove.CLOSE_UP));
        return clip;
    }

    /** A detailed photo (shapes, lines, text on a gradient), 640x360, made with {@code seed}. */
    public static BufferedImage detailed(int seed) {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setPaint(
                new GradientPaint(
                        0, 0, new Color(40, 70, 110), 640, 360, new Color(200, 170, 120)));
        g.fillRect(0, 0, 640, 360);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(640);
            int y = random.nextInt(360);
            int size = 10 + random.nextInt(70);
            if (i % 3 == 0) {
                g.fillOval(x, y, size, size);
            } else if (i % 3 == 1) {
                g.fillRect(x, y, size, size / 2);
            } else {
                g.setStroke(new BasicStroke(1 + random.nextInt(3)));
                g.drawLine(x, y, random.nextInt(640), random.nextInt(360));
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.setColor(Color.WHITE);
        g.drawString("Reelflow " + seed, 40 + random.nextInt(200), 60 + random.nextInt(200));
        g.dispose();
        return image;
    }

    private static BufferedImage asIs(BufferedImage image) {
        return image;
    }

    /** Out of focus: shrunk to an eighth and scaled back up smoothly. */
    static BufferedImage blurred(BufferedImage image) {
        return scaled(scaled(image, image.getWidth() / 8, image.getHeight() / 8), 640, 360);
    }

    /** Most of the picture pushed to white. */
    static BufferedImage overExposed(BufferedImage image) {
        BufferedImage bright =
                new BufferedImage(
                        image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = Math.min(255, ((rgb >> 16) & 0xff) * 3 + 120);
                int g = Math.min(255, ((rgb >> 8) & 0xff) * 3 + 120);
                int b = Math.min(255, (rgb & 0xff) * 3 + 120);
                bright.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return bright;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    private Path photo(
            String name, int seed, java.util.function.UnaryOperator<BufferedImage> change)
            throws IOException {
        Path file = media.resolve(name);
        ImageIO.write(change.apply(detailed(seed)), "jpg", file.toFile());
        return file;
    }

    /** Shapes crossing a detailed background, 2 s at the video's size and rate. */
    private Path movingClip(String name, int seed) throws IOException {
        BufferedImage background = scaled(detailed(seed), WIDTH, HEIGHT);
        return clip(
                name,
                i -> {
                    BufferedImage frame =
                            new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = frame.createGraphics();
                    g.drawImage(background, -(i * 2) % 40, 0, WIDTH + 40, HEIGHT, null);
                    g.setColor(Color.ORANGE);
                    g.fillOval(10 + i * 6, 40 + (i % 20) * 3, 40, 40);
                    g.setColor(Color.CYAN);
                    g.fillRect(WIDTH - 50 - i * 4, 100, 30, 30);
                    g.dispose();
                    return frame;
                });
    }

    /** A clip whose every frame is the same still: what a stuck decoder or generator gives. */
    private Path stillClip() throws IOException {
        BufferedImage still = scaled(detailed(5), WIDTH, HEIGHT);
        return clip("still.mp4", i -> still);
    }

    private Path clip(String name, IntFunction<BufferedImage> painter) throws IOException {
        return TestMedia.writeClip(
                media.resolve(name), "libx264", WIDTH, HEIGHT, FPS, 2 * FPS, painter);
    }
}
