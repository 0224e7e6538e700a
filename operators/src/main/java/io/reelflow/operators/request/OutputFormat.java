package io.reelflow.operators.request;

import io.reelflow.schemas.Transition;
import io.reelflow.schemas.text.CleanText;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps a request's resolution name and aspect ratio to frame dimensions. */
public final class OutputFormat {
    /** Short side in pixels per resolution name. */
    private static final Map<String, Integer> SHORT_SIDE =
            Map.of(
                    "240p", 240, "360p", 360, "480p", 480, "720p", 720, "1080p", 1080, "2160p",
                    2160);

    public static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");

    /** The frame rates a request may ask for: film, PAL and web video. */
    public static final List<Integer> FRAME_RATES = List.of(24, 25, 30);

    private static final Map<String, Transition> TRANSITIONS =
            Map.of(
                    "cut", Transition.CUT,
                    "crossfade", Transition.CROSSFADE,
                    "fade-black", Transition.FADE_BLACK);

    /** Characters of a rejected value quoted back in a reason. */
    static final int QUOTED_CHARS = 40;

    private OutputFormat() {}

    /** Width and height, both even, for {@code resolution} (e.g. 720p) at {@code aspectRatio}. */
    public static int[] resolve(String resolution, String aspectRatio) {
        Integer shortSide =
                resolution == null ? null : SHORT_SIDE.get(resolution.toLowerCase(Locale.ROOT));
        if (shortSide == null) {
            throw new IllegalArgumentException(
                    "unsupported resolution "
                            + CleanText.quoted(resolution, QUOTED_CHARS)
                            + " (use one of "
                            + names()
                            + ")");
        }
        switch (aspectRatio == null ? "" : aspectRatio) {
            case "16:9":
                return new int[] {even(shortSide * 16 / 9.0), shortSide};
            case "9:16":
                return new int[] {shortSide, even(shortSide * 16 / 9.0)};
            case "1:1":
                return new int[] {shortSide, shortSide};
            default:
                throw new IllegalArgumentException(
                        "unsupported aspect ratio "
                                + CleanText.quoted(aspectRatio, QUOTED_CHARS)
                                + " (use one of "
                                + ASPECT_RATIOS
                                + ")");
        }
    }

    /** The transition named by a request ({@code cut}, {@code crossfade}, {@code fade-black}). */
    public static Transition transition(String name) {
        if (name == null) {
            return Transition.CROSSFADE;
        }
        Transition transition = TRANSITIONS.get(name.toLowerCase(Locale.ROOT));
        if (transition == null) {
            throw new IllegalArgumentException(
                    "unsupported transition "
                            + CleanText.quoted(name, QUOTED_CHARS)
                            + " (use one of cut, crossfade, fade-black)");
        }
        return transition;
    }

    private static int even(double pixels) {
        int rounded = (int) Math.round(pixels);
        return rounded % 2 == 0 ? rounded : rounded + 1;
    }

    private static String names() {
        return "240p, 360p, 480p, 720p, 1080p, 2160p";
    }
}
