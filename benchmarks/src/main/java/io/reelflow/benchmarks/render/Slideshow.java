package io.reelflow.benchmarks.render;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The timing and size of the reference slideshow (issue 5): {@code sceneCount} photos, each shown
 * as a zoom over {@code step + transition} seconds, clip {@code k} starting at {@code k × step},
 * joined by crossfades of {@code transition} seconds. The ffmpeg CLI places {@code xfade k} at
 * offset {@code k × step}; our renderer centres its crossfades on scene boundaries, so boundary
 * {@code k} lies at {@code k × step + transition / 2} and the two pictures match frame for frame.
 *
 * <p>Times are kept in whole frames, so offsets such as 14.7 s carry no floating-point noise.
 *
 * @param name variant name used on the command line and in the JSON, e.g. {@code 720p}
 * @param width output width in pixels (even)
 * @param height output height in pixels (even)
 * @param fps output frame rate
 * @param sceneCount number of photos shown (cycled over the available photos)
 * @param stepFrames frames between the starts of consecutive clips (4.9 s at 30 fps: 147)
 * @param transitionFrames frames of each crossfade (1.2 s at 30 fps: 36); even, so the centre falls
 *     on a frame boundary
 */
public record Slideshow(
        String name,
        int width,
        int height,
        int fps,
        int sceneCount,
        int stepFrames,
        int transitionFrames) {

    /** The reference of the issue: 12 photos, 60 s, 1280x720 at 30 fps, 1.2 s crossfades. */
    public static final Slideshow P720 = new Slideshow("720p", 1280, 720, 30, 12, 147, 36);

    /** The reference graph at 1920x1080. */
    public static final Slideshow P1080 = new Slideshow("1080p", 1920, 1080, 30, 12, 147, 36);

    /** The reference graph in portrait 9:16, 720x1280. */
    public static final Slideshow PORTRAIT = new Slideshow("9x16", 720, 1280, 30, 12, 147, 36);

    /**
     * At least ten minutes at 1080p (123 scenes, 603.9 s), photos cycled: peak memory of a long
     * render.
     */
    public static final Slideshow MEMORY =
            new Slideshow("memory-1080p", 1920, 1080, 30, 123, 147, 36);

    /** Every named variant, in the order {@link #named} knows them. */
    public static final List<Slideshow> VARIANTS = List.of(P720, P1080, PORTRAIT, MEMORY);

    public Slideshow {
        Objects.requireNonNull(name, "name");
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException(
                    "width and height must be positive and even, were " + width + "x" + height);
        }
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive, was " + fps);
        }
        if (sceneCount < 1) {
            throw new IllegalArgumentException("sceneCount must be at least 1, was " + sceneCount);
        }
        if (transitionFrames < 0 || transitionFrames % 2 != 0) {
            throw new IllegalArgumentException(
                    "transitionFrames must be even and not negative, was " + transitionFrames);
        }
        if (stepFrames <= transitionFrames) {
            throw new IllegalArgumentException(
                    "stepFrames must exceed transitionFrames so crossfades do not overlap, were "
                            + stepFrames
                            + " and "
                            + transitionFrames);
        }
    }

    /** The variant called {@code name} (case-insensitive), e.g. {@code 720p} or {@code 9x16}. */
    public static Slideshow named(String name) {
        for (Slideshow variant : VARIANTS) {
            if (variant.name.equalsIgnoreCase(name.trim())) {
                return variant;
            }
        }
        throw new IllegalArgumentException(
                "unknown variant "
                        + name
                        + ", expected one of "
                        + VARIANTS.stream().map(Slideshow::name).toList());
    }

    /** Frames of each photo's zoom in the CLI graph: step plus transition (183). */
    public int clipFrames() {
        return stepFrames + transitionFrames;
    }

    /** Frames of the whole video: {@code (sceneCount - 1) × step + clip}. */
    public int totalFrames() {
        return (sceneCount - 1) * stepFrames + clipFrames();
    }

    public double durationSeconds() {
        return seconds(totalFrames());
    }

    public double transitionSeconds() {
        return seconds(transitionFrames);
    }

    /** The CLI's {@code xfade} offset joining clip {@code k} (1-based up to sceneCount - 1). */
    public int xfadeOffsetFrame(int k) {
        if (k < 1 || k >= sceneCount) {
            throw new IllegalArgumentException(
                    "xfade index must be within 1.." + (sceneCount - 1) + ", was " + k);
        }
        return k * stepFrames;
    }

    /** The middle of crossfade {@code k}: where our renderer's scene {@code k} begins. */
    public int crossfadeCentreFrame(int k) {
        return xfadeOffsetFrame(k) + transitionFrames / 2;
    }

    /** First frame of scene {@code index} for our renderer (0-based). */
    public int sceneStartFrame(int index) {
        checkScene(index);
        return index == 0 ? 0 : crossfadeCentreFrame(index);
    }

    /** End (exclusive) of scene {@code index} for our renderer. */
    public int sceneEndFrame(int index) {
        checkScene(index);
        return index == sceneCount - 1 ? totalFrames() : crossfadeCentreFrame(index + 1);
    }

    /** Frames as seconds, e.g. 147 frames at 30 fps is 4.9 s. */
    public double seconds(int frames) {
        return (double) frames / fps;
    }

    /**
     * Frames as a decimal string for an ffmpeg option: exact where the fraction terminates ({@code
     * 4.9}, {@code 49}), else rounded to microseconds.
     */
    public String secondsText(int frames) {
        if (frames % fps == 0) {
            return Integer.toString(frames / fps);
        }
        String text = String.format(Locale.ROOT, "%.6f", seconds(frames));
        return text.replaceAll("0+$", "");
    }

    private void checkScene(int index) {
        if (index < 0 || index >= sceneCount) {
            throw new IllegalArgumentException(
                    "scene index must be within 0.." + (sceneCount - 1) + ", was " + index);
        }
    }
}
