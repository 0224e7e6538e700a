package io.reelflow.schemas.vocabulary;

import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import java.util.Locale;

/**
 * The words for the {@link CameraMove} and {@link Mood} symbols: {@code CLOSE_UP} is written
 * "close-up" in prompts, reasons and a model planner's JSON schema, and "close-up", "close up",
 * "closeup" or "CLOSE_UP" all read back as {@code CLOSE_UP}. One place, so scene analysis,
 * retrieval and rendering cannot drift apart.
 */
public final class Vocabulary {

    private Vocabulary() {}

    /** The English words for {@code move}, such as {@code "close-up"} or {@code "slow motion"}. */
    public static String label(CameraMove move) {
        return switch (move) {
            case CLOSE_UP -> "close-up";
            case SLOW_MOTION -> "slow motion";
            case TIME_LAPSE -> "time-lapse";
            default -> move.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The English word for {@code mood}, such as {@code "calm"}. */
    public static String label(Mood mood) {
        return mood.name().toLowerCase(Locale.ROOT);
    }

    /** The move a label or symbol names; {@link CameraMove#UNKNOWN} if none. Never throws. */
    public static CameraMove cameraMove(String label) {
        String key = key(label);
        for (CameraMove move : CameraMove.values()) {
            if (key.equals(key(move.name())) || key.equals(key(label(move)))) {
                return move;
            }
        }
        return CameraMove.UNKNOWN;
    }

    /** The mood a label or symbol names; {@link Mood#NEUTRAL} if none. Never throws. */
    public static Mood mood(String label) {
        String key = key(label);
        for (Mood mood : Mood.values()) {
            if (key.equals(key(mood.name()))) {
                return mood;
            }
        }
        return Mood.NEUTRAL;
    }

    /** Whether {@code label} names a mood (neutral included). */
    public static boolean isMood(String label) {
        String key = key(label);
        for (Mood mood : Mood.values()) {
            if (key.equals(key(mood.name()))) {
                return true;
            }
        }
        return false;
    }

    /** Letters only, lower case: "Close-up", "close up" and "CLOSE_UP" are all "closeup". */
    private static String key(String label) {
        return label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }
}
