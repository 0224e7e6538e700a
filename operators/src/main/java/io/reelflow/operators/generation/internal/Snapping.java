package io.reelflow.operators.generation.internal;

import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.generation.ModelProfile.Size;
import java.util.Comparator;

/** Snaps a scene's size, frame rate and length to what a {@link ModelProfile} accepts. */
public final class Snapping {
    private static final double EPSILON = 1e-9;

    private Snapping() {}

    /**
     * The accepted size closest in shape, then in area, to {@code width x height}; without a list,
     * the requested size (shrunk to {@code maxSide}) rounded to the size multiple.
     */
    public static Size size(ModelProfile model, int width, int height) {
        if (!model.sizes().isEmpty()) {
            double aspect = Math.log(width / (double) height);
            double area = Math.log(width * (double) height);
            return model.sizes().stream()
                    .min(
                            Comparator.<Size>comparingDouble(
                                            s ->
                                                    Math.abs(
                                                            Math.log(
                                                                            s.width()
                                                                                    / (double)
                                                                                            s
                                                                                                    .height())
                                                                    - aspect))
                                    .thenComparingDouble(
                                            s ->
                                                    Math.abs(
                                                            Math.log(
                                                                            s.width()
                                                                                    * (double)
                                                                                            s
                                                                                                    .height())
                                                                    - area)))
                    .orElseThrow();
        }
        int longest = Math.max(width, height);
        double scale = model.maxSide() > 0 ? Math.min(1, model.maxSide() / (double) longest) : 1;
        return new Size(
                roundTo(width * scale, model.sizeMultiple()),
                roundTo(height * scale, model.sizeMultiple()));
    }

    /**
     * The accepted frame rate nearest to {@code wanted} (the higher on a tie), or {@code wanted}.
     */
    public static int fps(ModelProfile model, int wanted) {
        return model.fps().stream()
                .min(
                        Comparator.<Integer>comparingInt(f -> Math.abs(f - wanted))
                                .thenComparing(Comparator.reverseOrder()))
                .orElse(wanted);
    }

    /**
     * The frame count for {@code seconds} at {@code fps}: at least the scene (clamped to the
     * model's length limits), of the form {@code step * k + offset}, within the limits when any
     * such count fits them.
     */
    public static int frames(ModelProfile model, double seconds, int fps) {
        double clamped = Math.min(Math.max(seconds, model.minSeconds()), model.maxSeconds());
        int wanted = Math.max(1, (int) Math.ceil(clamped * fps - EPSILON));
        int min = Math.max(1, (int) Math.ceil(model.minSeconds() * fps - EPSILON));
        int max = (int) Math.floor(model.maxSeconds() * fps + EPSILON);
        int frames = up(model, Math.max(wanted, min));
        if (frames > max) {
            int below = down(model, max);
            frames = below >= min ? below : frames;
        }
        return frames;
    }

    private static int up(ModelProfile model, int frames) {
        int step = model.frameStep();
        int offset = model.frameOffset();
        int k = Math.max(0, (int) Math.ceil((frames - offset) / (double) step));
        int snapped = step * k + offset;
        return snapped >= 1 ? snapped : snapped + step;
    }

    private static int down(ModelProfile model, int frames) {
        int step = model.frameStep();
        int offset = model.frameOffset();
        return frames < offset ? -1 : step * ((frames - offset) / step) + offset;
    }

    private static int roundTo(double value, int multiple) {
        return Math.max(multiple, (int) Math.round(value / multiple) * multiple);
    }
}
