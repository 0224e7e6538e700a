package io.reelflow.operators.scene;

import com.ibm.icu.util.ULocale;
import io.reelflow.operators.common.LanguageTags;
import io.reelflow.operators.scene.internal.EntityExtractor;
import io.reelflow.operators.scene.internal.Joiner;
import io.reelflow.operators.scene.internal.KeywordExtractor;
import io.reelflow.operators.scene.internal.Lexicons;
import io.reelflow.operators.scene.internal.PhraseLexicon;
import io.reelflow.operators.scene.internal.ReadingSpeeds;
import io.reelflow.operators.scene.internal.ScenePartitioner;
import io.reelflow.operators.scene.internal.Segment;
import io.reelflow.operators.scene.internal.Segmenter;
import io.reelflow.operators.scene.internal.Stopwords;
import io.reelflow.operators.scene.internal.TextNormalizer;
import io.reelflow.operators.scene.internal.Token;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a request's text into timed, described scenes. The text is normalised (Markdown, URLs and
 * emoji removed), split into sentences, and the sentences are grouped into scenes of about {@link
 * SceneAnalyzerConfig#targetSecondsPerScene()} by estimated reading time; the scene durations are
 * then scaled to add up exactly to the requested video length. Thread-safe and cheap to construct.
 *
 * <pre>{@code
 * List<Scene> scenes = new SceneAnalyzer(SceneAnalyzerConfig.defaults()).analyze(text, "de", 30.0);
 * }</pre>
 */
public final class SceneAnalyzer {

    /** Most keywords and entities per scene. */
    public static final int MAX_TERMS = 6;

    /**
     * Writes the prompts of analysed scenes, without style or translator; the plan stage rewrites
     * them with the request's style, its translator and its limit.
     */
    private static final PromptWriter PROMPTS = PromptWriter.glossaryOnly(PromptLimit.CLIP);

    private final SceneAnalyzerConfig config;

    public SceneAnalyzer(SceneAnalyzerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SceneAnalyzerConfig config() {
        return config;
    }

    /**
     * The scenes of {@code text}, in order: scene 0 starts at 0.0, each scene starts where the
     * previous one ends, and the last ends at exactly {@code targetDurationSeconds}. At least one
     * scene (an empty one when no speakable text remains), at most {@link
     * SceneAnalyzerConfig#maxScenes()}. Never throws for any text.
     *
     * @param text the request's text; null is treated as empty
     * @param language ISO 639-1 code or language tag of the text; null or {@code "und"} if unknown
     * @param targetDurationSeconds length of the video; positive and finite
     * @throws IllegalArgumentException if {@code targetDurationSeconds} is not positive and finite
     */
    public List<Scene> analyze(String text, String language, double targetDurationSeconds) {
        if (!(targetDurationSeconds > 0.0) || Double.isInfinite(targetDurationSeconds)) {
            throw new IllegalArgumentException(
                    "targetDurationSeconds must be positive and finite, was "
                            + targetDurationSeconds);
        }
        String lang = LanguageTags.primaryLanguage(language);
        ULocale locale = locale(lang);
        Segmenter segmenter = segmenter(lang, locale);

        List<Segment> segments = segmenter.sentences(TextNormalizer.normalize(text));
        if (segments.isEmpty()) {
            return List.of(emptyScene(targetDurationSeconds));
        }
        segments = splitLongSegments(segmenter, segments, targetDurationSeconds);

        double[] reading = new double[segments.size()];
        double totalReading = 0.0;
        for (int i = 0; i < reading.length; i++) {
            reading[i] = segments.get(i).readingSeconds();
            totalReading += reading[i];
        }
        int count =
                ScenePartitioner.sceneCount(
                        targetDurationSeconds,
                        segments.size(),
                        config.targetSecondsPerScene(),
                        config.minSecondsPerScene(),
                        config.maxSecondsPerScene(),
                        config.maxScenes());
        int[] starts = ScenePartitioner.partition(reading, count);
        while (count > 1
                && shortestScene(reading, starts, totalReading, targetDurationSeconds)
                        < config.minSecondsPerScene()) {
            count--;
            starts = ScenePartitioner.partition(reading, count);
        }

        Set<String> stopwords = Stopwords.forLanguage(lang);
        List<Scene> scenes = new ArrayList<>(count);
        double start = 0.0;
        double readingSoFar = 0.0;
        for (int k = 0; k < count; k++) {
            int from = starts[k];
            int to = k + 1 < count ? starts[k + 1] : segments.size();
            for (int i = from; i < to; i++) {
                readingSoFar += reading[i];
            }
            double end =
                    k + 1 < count
                            ? boundary(
                                    targetDurationSeconds * (readingSoFar / totalReading),
                                    start,
                                    targetDurationSeconds)
                            : targetDurationSeconds;
            scenes.add(
                    describe(k, segments.subList(from, to), start, end, lang, locale, stopwords));
            start = end;
        }
        return scenes;
    }

    /**
     * How long {@code text} takes to narrate at the reading speed of {@code language}, in seconds:
     * the duration to ask for when a request names none. Markdown, URLs and emoji are not counted;
     * 0 for text with nothing to speak. Never throws.
     */
    public double readingSeconds(String text, String language) {
        String lang = LanguageTags.primaryLanguage(language);
        double total = 0.0;
        for (Segment segment :
                segmenter(lang, locale(lang)).sentences(TextNormalizer.normalize(text))) {
            total += segment.readingSeconds();
        }
        return total;
    }

    /**
     * The sentences of {@code text} as scenes are cut from them (ICU's sentence rules with this
     * analyzer's repairs around quotes and abbreviations), for work done a sentence at a time such
     * as speech. A sentence longer than {@code maxChars} is cut at clause punctuation, then between
     * words, and, should a single word still be longer, at {@code maxChars}.
     *
     * @param language ISO 639-1 code or language tag; null or {@code "und"} if unknown
     */
    public List<String> sentences(String text, String language, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        String lang = LanguageTags.primaryLanguage(language);
        Segmenter segmenter = segmenter(lang, locale(lang));
        List<String> sentences = new ArrayList<>();
        for (Segment segment : segmenter.sentences(text == null ? "" : text.strip())) {
            if (segment.text().length() <= maxChars) {
                sentences.add(segment.text());
                continue;
            }
            // Reading time stands in for length: cut where a piece reads about maxChars' worth.
            double limit = 0.9 * segment.readingSeconds() * maxChars / segment.text().length();
            for (Segment piece : segmenter.split(segment, limit, limit)) {
                String rest = piece.text();
                while (rest.length() > maxChars) {
                    int cut = rest.offsetByCodePoints(0, rest.codePointCount(0, maxChars - 1));
                    sentences.add(rest.substring(0, cut));
                    rest = rest.substring(cut).strip();
                }
                if (!rest.isEmpty()) {
                    sentences.add(rest);
                }
            }
        }
        return sentences;
    }

    /**
     * Scenes made of given texts (a model's plan), described like {@link #analyze}'s, with
     * durations proportional to {@code weights} and exact in the same way: starting at 0.0, each
     * starting where the previous ends, the last ending at {@code targetDurationSeconds}.
     *
     * @return null if a text has nothing speakable
     */
    List<Scene> fromTexts(
            List<String> texts, double[] weights, String language, double targetDurationSeconds) {
        String lang = LanguageTags.primaryLanguage(language);
        ULocale locale = locale(lang);
        Segmenter segmenter = segmenter(lang, locale);
        Set<String> stopwords = Stopwords.forLanguage(lang);
        double total = 0.0;
        for (double weight : weights) {
            total += weight;
        }
        List<Scene> scenes = new ArrayList<>(texts.size());
        double start = 0.0;
        double soFar = 0.0;
        for (int k = 0; k < texts.size(); k++) {
            List<Segment> segments = segmenter.sentences(TextNormalizer.normalize(texts.get(k)));
            if (segments.isEmpty()) {
                return null;
            }
            soFar += weights[k];
            double end =
                    k + 1 < texts.size()
                            ? boundary(
                                    targetDurationSeconds * (soFar / total),
                                    start,
                                    targetDurationSeconds)
                            : targetDurationSeconds;
            scenes.add(describe(k, segments, start, end, lang, locale, stopwords));
            start = end;
        }
        return scenes;
    }

    private Segmenter segmenter(String lang, ULocale locale) {
        return new Segmenter(
                locale,
                ReadingSpeeds.wordsPerSecond(lang, config.wordsPerSecond()),
                ReadingSpeeds.charactersPerSecond(lang, config.charactersPerSecond()));
    }

    private static ULocale locale(String lang) {
        return lang.equals("und") ? ULocale.ROOT : new ULocale(lang);
    }

    /**
     * Cuts sentences that would make a scene longer than the maximum at clause punctuation, and
     * run-on text without punctuation between words, in pieces of about the target scene length.
     */
    private List<Segment> splitLongSegments(
            Segmenter segmenter, List<Segment> segments, double targetDurationSeconds) {
        double totalReading = 0.0;
        for (Segment segment : segments) {
            totalReading += segment.readingSeconds();
        }
        double scale = targetDurationSeconds / totalReading;
        double limit = config.targetSecondsPerScene() / scale;
        double tooLong = config.maxSecondsPerScene() / scale;
        double wordSplit = Math.max(config.maxSecondsPerScene(), tooLong);
        List<Segment> result = new ArrayList<>(segments.size());
        for (Segment segment : segments) {
            if (segment.readingSeconds() > tooLong) {
                result.addAll(segmenter.split(segment, limit, wordSplit));
            } else {
                result.add(segment);
            }
        }
        return result;
    }

    private static double shortestScene(
            double[] reading, int[] starts, double totalReading, double totalSeconds) {
        double shortest = Double.MAX_VALUE;
        for (int k = 0; k < starts.length; k++) {
            int to = k + 1 < starts.length ? starts[k + 1] : reading.length;
            double sum = 0.0;
            for (int i = starts[k]; i < to; i++) {
                sum += reading[i];
            }
            shortest = Math.min(shortest, totalSeconds * sum / totalReading);
        }
        return shortest;
    }

    /** A scene boundary rounded to milliseconds, unless rounding would break the order. */
    private static double boundary(double exact, double previous, double total) {
        double rounded = Math.round(exact * 1000.0) / 1000.0;
        if (rounded > previous && rounded < total) {
            return rounded;
        }
        return exact > previous && exact < total ? exact : Math.nextUp(previous);
    }

    private static Scene describe(
            int index,
            List<Segment> segments,
            double start,
            double end,
            String language,
            ULocale locale,
            Set<String> stopwords) {
        List<String> texts = new ArrayList<>(segments.size());
        List<Token> tokens = new ArrayList<>();
        for (Segment segment : segments) {
            texts.add(segment.text());
            tokens.addAll(segment.tokens());
        }
        String text = Joiner.join(texts);
        List<String> keywords = KeywordExtractor.top(text, language, locale, stopwords, MAX_TERMS);
        List<String> entities = EntityExtractor.extract(segments, stopwords, MAX_TERMS);

        Set<String> cueWords = new HashSet<>();
        List<CameraMove> camera = new ArrayList<>();
        for (String label : labels(Lexicons.CAMERA, tokens, language, cueWords)) {
            camera.add(Lexicons.cameraMove(label));
        }
        List<String> time = labels(Lexicons.TIME, tokens, language, cueWords);
        Mood mood = mood(tokens, language, cueWords);

        return withPrompt(
                Scene.newBuilder()
                        .setIndex(index)
                        .setText(text)
                        .setStartSeconds(start)
                        .setEndSeconds(end)
                        .setKeywords(keywords)
                        .setEntities(entities)
                        .setSceneMood(mood)
                        .setCameraMoves(camera)
                        .setTimeCues(time)
                        .setPrompt("")
                        .build(),
                language);
    }

    private static Scene withPrompt(Scene scene, String language) {
        PromptWriter.Written written = PROMPTS.write(scene, language, null);
        scene.setPrompt(written.prompt());
        scene.setNegativePrompt(written.negativePrompt());
        return scene;
    }

    private static Scene emptyScene(double durationSeconds) {
        return withPrompt(
                Scene.newBuilder()
                        .setIndex(0)
                        .setText("")
                        .setStartSeconds(0.0)
                        .setEndSeconds(durationSeconds)
                        .setKeywords(List.of())
                        .setEntities(List.of())
                        .setSceneMood(Mood.NEUTRAL)
                        .setCameraMoves(List.of())
                        .setTimeCues(List.of())
                        .setPrompt("")
                        .build(),
                "und");
    }

    /** Distinct labels in order of first appearance; the matched words go to {@code cueWords}. */
    private static List<String> labels(
            PhraseLexicon lexicon, List<Token> tokens, String language, Set<String> cueWords) {
        Set<String> labels = new LinkedHashSet<>();
        for (PhraseLexicon.Match match : lexicon.find(tokens, language)) {
            labels.add(match.label());
            for (int i = match.from(); i < match.to(); i++) {
                cueWords.add(tokens.get(i).key());
            }
        }
        return new ArrayList<>(labels);
    }

    /** The mood named most often, ties going to the one named first; neutral if none. */
    private static Mood mood(List<Token> tokens, String language, Set<String> cueWords) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        for (PhraseLexicon.Match match : Lexicons.MOOD.find(tokens, language)) {
            counts.merge(match.label(), 1, Integer::sum);
            firstAt.putIfAbsent(match.label(), match.from());
            for (int i = match.from(); i < match.to(); i++) {
                cueWords.add(tokens.get(i).key());
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            String mood = entry.getKey();
            if (best == null
                    || entry.getValue() > counts.get(best)
                    || (entry.getValue().equals(counts.get(best))
                            && firstAt.get(mood) < firstAt.get(best))) {
                best = mood;
            }
        }
        return best == null ? Mood.NEUTRAL : Lexicons.mood(best);
    }
}
