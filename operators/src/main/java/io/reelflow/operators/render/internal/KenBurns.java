package io.reelflow.operators.render.internal;

import io.reelflow.schemas.CameraMove;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The slow camera move over a still photo, chosen from the scene's camera cues: zoom in by default,
 * a stronger zoom for a close-up, zoom out for wide and aerial shots, a horizontal pan for pan and
 * tracking shots. Zooms are relative to the photo covering the frame (1 shows all of it); centres
 * are fractions of the photo. The seed picks drift and direction, so a render repeats.
 */
public record KenBurns(
        double startZoom, double endZoom, double startX, double startY, double endX, double endY) {

    static final double GENTLE_ZOOM = 1.12;
    static final double CLOSE_UP_ZOOM = 1.3;
    static final double PAN_ZOOM = 1.15;

    /** A window of a picture, in its pixels. */
    public record Window(double left, double top, double width, double height) {}

    public KenBurns {
        if (!(startZoom >= 1 && endZoom >= 1)) {
            throw new IllegalArgumentException(
                    "zooms must be at least 1, were " + startZoom + " and " + endZoom);
        }
    }

    /** The move for a scene with {@code cues}; {@code seed} varies it between scenes. */
    public static KenBurns forCues(List<CameraMove> cues, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double driftX = random.nextDouble(-0.06, 0.06);
        double driftY = random.nextDouble(-0.04, 0.04);
        if (cues.contains(CameraMove.PAN) || cues.contains(CameraMove.TRACKING)) {
            double edge = 0.5 / PAN_ZOOM;
            boolean rightwards = random.nextBoolean();
            double from = rightwards ? edge : 1 - edge;
            double to = rightwards ? 1 - edge : edge;
            return new KenBurns(PAN_ZOOM, PAN_ZOOM, from, 0.5, to, 0.5);
        }
        if (cues.contains(CameraMove.CLOSE_UP)) {
            return new KenBurns(1, CLOSE_UP_ZOOM, 0.5, 0.5, 0.5 + driftX, 0.5 + driftY);
        }
        if (cues.contains(CameraMove.AERIAL) || cues.contains(CameraMove.WIDE)) {
            return new KenBurns(GENTLE_ZOOM, 1, 0.5 + driftX, 0.5 + driftY, 0.5, 0.5);
        }
        return new KenBurns(1, GENTLE_ZOOM, 0.5, 0.5, 0.5 + driftX, 0.5 + driftY);
    }

    /** The seed of a scene of a request: stable across runs and machines. */
    public static long seed(String requestId, int sceneIndex) {
        return requestId.hashCode() * 1_000_003L + sceneIndex;
    }

    public double maxZoom() {
        return Math.max(startZoom, endZoom);
    }

    /**
     * The part of a {@code width x height} picture shown at {@code progress} (0 to 1), kept inside
     * the picture.
     */
    public Window window(double progress, int width, int height) {
        double zoom = startZoom + (endZoom - startZoom) * progress;
        double x = startX + (endX - startX) * progress;
        double y = startY + (endY - startY) * progress;
        double half = 0.5 / zoom;
        x = Math.max(half, Math.min(1 - half, x));
        y = Math.max(half, Math.min(1 - half, y));
        double windowWidth = width / zoom;
        double windowHeight = height / zoom;
        return new Window(
                x * width - windowWidth / 2,
                y * height - windowHeight / 2,
                windowWidth,
                windowHeight);
    }
}
