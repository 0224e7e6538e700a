package io.reelflow.operators.asset.internal;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well an asset fits a scene apart from what it shows: length, orientation, camera cues and
 * mood. Cue and mood words are looked for in the asset's tags, title and description (English
 * words, as catalog curators tag in English); the scene's cues and mood are the shared {@link
 * CameraMove} and {@link Mood} symbols.
 */
public final class Fit {

    /** Words of an asset that answer a camera move of a scene. */
    private static final Map<CameraMove, List<String>> CAMERA_WORDS =
            new EnumMap<>(
                    Map.of(
                            CameraMove.CLOSE_UP,
                            List.of("close-up", "closeup", "macro", "detail", "close up"),
                            CameraMove.AERIAL,
                            List.of(
                                    "aerial",
                                    "drone",
                                    "from above",
                                    "overhead",
                                    "bird's-eye",
                                    "top-down",
                                    "top view"),
                            CameraMove.WIDE,
                            List.of("wide", "panorama", "panoramic", "vista", "landscape"),
                            CameraMove.SLOW_MOTION,
                            List.of("slow motion", "slow-motion", "slowmo"),
                            CameraMove.TIME_LAPSE,
                            List.of("time-lapse", "timelapse", "time lapse", "hyperlapse"),
                            CameraMove.TRACKING,
                            List.of("tracking", "dolly", "steadicam", "follow"),
                            CameraMove.PAN,
                            List.of("pan", "panning", "panorama")));

    /** Words of an asset that carry a mood of a scene; neutral has none. */
    public static final Map<Mood, List<String>> MOOD_WORDS =
            new EnumMap<>(
                    Map.of(
                            Mood.CALM,
                            List.of(
                                    "calm",
                                    "peaceful",
                                    "serene",
                                    "quiet",
                                    "tranquil",
                                    "still",
                                    "gentle",
                                    "relaxing",
                                    "ambient",
                                    "soft",
                                    "meditation",
                                    "chill"),
                            Mood.JOYFUL,
                            List.of(
                                    "happy",
                                    "joy",
                                    "joyful",
                                    "cheerful",
                                    "fun",
                                    "party",
                                    "play",
                                    "celebration",
                                    "festive",
                                    "uplifting",
                                    "upbeat",
                                    "energetic",
                                    "colourful",
                                    "colorful"),
                            Mood.TENSE,
                            List.of(
                                    "tense",
                                    "dramatic",
                                    "storm",
                                    "stormy",
                                    "danger",
                                    "suspense",
                                    "thriller",
                                    "action",
                                    "epic",
                                    "threatening",
                                    "dark"),
                            Mood.SAD,
                            List.of(
                                    "sad",
                                    "lonely",
                                    "melancholy",
                                    "melancholic",
                                    "gloomy",
                                    "grief",
                                    "sorrow",
                                    "alone",
                                    "mournful")));

    private static final Map<Mood, Mood> OPPOSITE_MOOD =
            new EnumMap<>(
                    Map.of(
                            Mood.CALM, Mood.TENSE,
                            Mood.TENSE, Mood.CALM,
                            Mood.JOYFUL, Mood.SAD,
                            Mood.SAD, Mood.JOYFUL));

    private final double bonus;
    private final double penalty;

    public Fit(double bonus, double penalty) {
        this.bonus = bonus;
        this.penalty = penalty;
    }

    /** A score adjustment and the reasons for it. */
    public record Result(double adjustment, List<String> reasons) {}

    /**
     * The fit of {@code asset} for a scene of {@code sceneSeconds} in a {@code width}×{@code
     * height} video with the scene's camera cues and mood.
     */
    public Result score(
            CatalogAsset asset,
            double sceneSeconds,
            int width,
            int height,
            List<CameraMove> cameraCues,
            Mood mood) {
        List<String> reasons = new ArrayList<>(4);
        double adjustment = 0;
        if (asset.kind() == AssetKind.CLIP) {
            if (asset.durationSeconds() + 1e-6 >= sceneSeconds) {
                adjustment += bonus;
                reasons.add(String.format(Locale.ROOT, "clip covers %.1f s scene", sceneSeconds));
            } else {
                double shortfall = 1 - Math.max(0, asset.durationSeconds()) / sceneSeconds;
                adjustment -= penalty * shortfall;
                reasons.add(
                        String.format(
                                Locale.ROOT,
                                "clip %.1f s for %.1f s scene",
                                asset.durationSeconds(),
                                sceneSeconds));
            }
        } else if (asset.kind() == AssetKind.PHOTO) {
            reasons.add(String.format(Locale.ROOT, "photo, Ken Burns over %.1f s", sceneSeconds));
        }

        String assetShape = orientation(asset.width(), asset.height());
        String videoShape = orientation(width, height);
        if (!assetShape.equals("unknown") && !videoShape.equals("unknown")) {
            if (assetShape.equals(videoShape)) {
                adjustment += bonus;
                reasons.add(assetShape + " asset for " + videoShape + " video");
            } else if (!assetShape.equals("square") && !videoShape.equals("square")) {
                adjustment -= penalty;
                reasons.add(assetShape + " asset for " + videoShape + " video");
            }
        }

        Set<String> words = null;
        String text = null;
        for (CameraMove cue : cameraCues) {
            List<String> cueWords = CAMERA_WORDS.get(cue);
            if (cueWords == null) {
                continue;
            }
            if (words == null) {
                text = describe(asset);
                words = words(text);
            }
            String found = find(cueWords, words, text);
            if (found != null) {
                adjustment += bonus;
                reasons.add(Vocabulary.label(cue) + " cue: asset is " + found);
                break;
            }
        }

        if (mood != null && MOOD_WORDS.containsKey(mood)) {
            if (words == null) {
                text = describe(asset);
                words = words(text);
            }
            String found = find(MOOD_WORDS.get(mood), words, text);
            if (found != null) {
                adjustment += bonus;
                reasons.add(Vocabulary.label(mood) + " mood: asset is " + found);
            } else {
                Mood opposite = OPPOSITE_MOOD.get(mood);
                String against = find(MOOD_WORDS.get(opposite), words, text);
                if (against != null) {
                    adjustment -= penalty / 2;
                    reasons.add(Vocabulary.label(mood) + " scene, asset is " + against);
                }
            }
        }
        return new Result(adjustment, reasons);
    }

    /** The moods whose words an asset's tags, title or description carry. */
    public static Set<Mood> moods(CatalogAsset asset) {
        String text = describe(asset);
        Set<String> words = words(text);
        Set<Mood> moods = EnumSet.noneOf(Mood.class);
        for (Map.Entry<Mood, List<String>> entry : MOOD_WORDS.entrySet()) {
            if (find(entry.getValue(), words, text) != null) {
                moods.add(entry.getKey());
            }
        }
        return moods;
    }

    /** The opposite of a mood; null for neutral. */
    public static Mood opposite(Mood mood) {
        return OPPOSITE_MOOD.get(mood);
    }

    /** {@code landscape}, {@code portrait}, {@code square} or {@code unknown} (no size). */
    public static String orientation(int width, int height) {
        if (width <= 0 || height <= 0) {
            return "unknown";
        }
        if (width == height) {
            return "square";
        }
        return width > height ? "landscape" : "portrait";
    }

    private static String describe(CatalogAsset asset) {
        StringBuilder text = new StringBuilder();
        for (String tag : asset.tags()) {
            text.append(tag).append(" , ");
        }
        if (asset.title() != null) {
            text.append(asset.title()).append(" , ");
        }
        if (asset.description() != null) {
            text.append(asset.description());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.split("[^\\p{L}\\p{N}'-]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The first of {@code candidates} in the asset: single words by word, phrases by text. */
    private static String find(List<String> candidates, Set<String> words, String text) {
        for (String candidate : candidates) {
            boolean phrase = candidate.indexOf(' ') >= 0;
            if (phrase ? text.contains(candidate) : words.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
