package io.reelflow.operators.render.internal;

import io.reelflow.schemas.CameraMove;
import java.util.List;

/**
 * How a video clip fills its scene: {@link Mode#TRIM} plays it and stops when the scene ends;
 * {@link Mode#SLOW} plays it slower: stretched to fit exactly when it is slightly short, at half
 * speed when the scene asks for slow motion; {@link Mode#LOOP} starts a much shorter one over. A
 * "slow motion" cue slows the clip down further.
 *
 * @param speed source seconds per output second (0.5 plays at half speed)
 */
public record ClipPlan(Mode mode, double speed) {

    /** The ways a clip fills its scene. */
    public enum Mode {
        TRIM,
        SLOW,
        LOOP
    }

    /** Slowest speed used to stretch a clip without a slow-motion cue: unnoticeable. */
    static final double MIN_STRETCH_SPEED = 0.67;

    /** Slowest speed for a scene that asks for slow motion. */
    static final double SLOW_MOTION_SPEED = 0.5;

    /**
     * The plan for a clip of {@code clipSeconds} (0 when unknown) shown for {@code sceneSeconds}
     * under {@code cues}.
     */
    public static ClipPlan choose(double clipSeconds, double sceneSeconds, List<CameraMove> cues) {
        boolean slowMotion = cues.contains(CameraMove.SLOW_MOTION);
        double slowest = slowMotion ? SLOW_MOTION_SPEED : MIN_STRETCH_SPEED;
        if (!(clipSeconds > 0) || !(sceneSeconds > 0)) {
            return new ClipPlan(Mode.LOOP, 1);
        }
        double fill = clipSeconds / sceneSeconds;
        if (fill >= 1) {
            return slowMotion
                    ? new ClipPlan(Mode.SLOW, SLOW_MOTION_SPEED)
                    : new ClipPlan(Mode.TRIM, 1);
        }
        if (fill >= slowest) {
            return new ClipPlan(Mode.SLOW, fill);
        }
        return new ClipPlan(Mode.LOOP, slowMotion ? SLOW_MOTION_SPEED : 1);
    }
}
