package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.ImageTextScorer;
import io.reelflow.operators.quality.internal.MediaPass;
import io.reelflow.operators.quality.internal.SceneFrames;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.text.CleanText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each scene's picture shows what its text says. For a catalog photo or clip: the cosine
 * similarity of the sentence vectors of the scene's text (in English: the text itself, else the
 * scene's English prompt) and the asset's description ({@value #SIGNAL}). With an {@link
 * ImageTextScorer}: also the model's score of a mid-scene frame against that text ({@value
 * #IMAGE_TEXT_SIGNAL}), for generated scenes too. Title cards show their own text and are not
 * judged; a generated scene without an image-text model is not judged either, since nothing
 * describes what was generated (no captioning model yet).
 *
 * <pre>{@code
 * try (SentenceEmbedder embedder = SentenceEmbedder.acquire()) {
 *     List<Finding> findings =
 *             new RelevanceAnalyzer(embedder, RelevanceThresholds.defaults(), null)
 *                     .analyze(file, video, Cancellation.none());
 * }
 * }</pre>
 */
public final class RelevanceAnalyzer implements QualityAnalyzer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelevanceAnalyzer.class);

    public static final String SIGNAL = "relevance";
    public static final String IMAGE_TEXT_SIGNAL = "imageTextRelevance";
    public static final String DEFECT = "IRRELEVANT";

    /** Enough of a description or scene text for a reason to say which it was. */
    private static final int QUOTED_CHARS = 60;

    /**
     * The shortest interval a scene's frame is taken from: longer than the decoder's largest gap
     * between the frames it decodes (it skips frames no other frame refers to).
     */
    private static final double MIN_STILL_SECONDS = 0.25;

    private final SentenceEmbedder embedder;
    private final RelevanceThresholds thresholds;
    private final ImageTextScorer imageText;

    /**
     * @param imageText an image-text model, or {@code null} to judge by descriptions alone
     */
    public RelevanceAnalyzer(
            SentenceEmbedder embedder, RelevanceThresholds thresholds, ImageTextScorer imageText) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.imageText = imageText;
    }

    @Override
    public List<Finding> analyze(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        MediaListener looking = listen(video);
        if (looking == null) {
            return judge(video, window -> null, cancellation);
        }
        MediaPass pass = MediaPass.run(videoFile, List.of(looking), cancellation);
        RuntimeException failure = pass.failureOf(looking);
        if (failure != null) {
            throw failure;
        }
        return looking.findings(pass.outcome());
    }

    /**
     * Joins the scorer's single decode: a small frame from the middle of every scene the image-text
     * model judges; null without such a model (descriptions need no picture).
     */
    @Override
    public MediaListener listen(RenderedVideo video) {
        return imageText == null ? null : new Looking(video);
    }

    /** The JPEG the image-text model sees of a scene. */
    @FunctionalInterface
    private interface SceneFrame {
        byte[] of(SceneWindow window) throws IOException;
    }

    /** Mid-scene frames of one video, taken from the decode. */
    private final class Looking implements MediaListener {
        private final RenderedVideo video;
        private final Map<Integer, byte[]> jpegs = new HashMap<>();
        private final List<Integer> wanted = new ArrayList<>();

        Looking(RenderedVideo video) {
            this.video = video;
        }

        @Override
        public Wants wants(Media media) {
            if (!media.video() || media.width() <= 0 || media.height() <= 0) {
                return Wants.NOTHING;
            }
            double scale =
                    Math.min(
                            1.0,
                            (double) SceneFrames.MAX_SIDE
                                    / Math.max(media.width(), media.height()));
            int width = Math.max(1, (int) Math.round(media.width() * scale));
            int height = Math.max(1, (int) Math.round(media.height() * scale));
            List<Still> stills = new ArrayList<>();
            for (SceneWindow window : SceneWindow.of(video)) {
                if (window.clip() == null || window.clip().getSource() == ClipSource.TITLE_CARD) {
                    continue;
                }
                wanted.add(window.index());
                stills.add(new Still(middle(window), secondHalfEnd(window, video), width, height));
            }
            return new Wants(List.of(), 0, 0, stills, false);
        }

        @Override
        public void still(int index, Frame bgr, double seconds) {
            try {
                jpegs.put(wanted.get(index), SceneFrames.jpeg(bgr));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<Finding> findings(Outcome outcome) throws CancelledException {
            return judge(
                    video,
                    window -> {
                        byte[] jpeg = jpegs.get(window.index());
                        if (jpeg == null) {
                            throw new IOException("no frame at " + middle(window) + " s");
                        }
                        return jpeg;
                    },
                    Cancellation.none());
        }
    }

    private static double middle(SceneWindow window) {
        return window.startSeconds() + window.durationSeconds() / 2;
    }

    /**
     * Where the scene's second half ends short of the transition into the next scene: any frame
     * from its middle to there shows the scene alone, and the decode takes the cheapest. At least
     * {@link #MIN_STILL_SECONDS} long, so a decoded frame always falls into it.
     */
    private static double secondHalfEnd(SceneWindow window, RenderedVideo video) {
        double inner = window.endSeconds() - PictureAnalyzer.transitionMargin(video.getSpec());
        return Math.max(inner, middle(window) + MIN_STILL_SECONDS);
    }

    private List<Finding> judge(RenderedVideo video, SceneFrame frames, Cancellation cancellation)
            throws CancelledException {
        List<Finding> findings = new ArrayList<>();
        boolean english = video.getJob() != null && isEnglish(video.getJob().getLanguage());
        for (SceneWindow window : SceneWindow.of(video)) {
            cancellation.throwIfCancelled();
            SceneClip clip = window.clip();
            String sceneText = clip == null ? null : sceneText(clip.getScene(), english);
            if (sceneText == null) {
                continue;
            }
            switch (clip.getSource()) {
                case STOCK_PHOTO, STOCK_CLIP -> {
                    describedRelevance(window, clip, sceneText, findings);
                    imageTextRelevance(frames, window, clip, sceneText, findings);
                }
                case GENERATED, GENERATED_PHOTO ->
                        imageTextRelevance(frames, window, clip, sceneText, findings);
                case TITLE_CARD -> {
                    // the card is the text itself
                }
            }
        }
        return findings;
    }

    private void describedRelevance(
            SceneWindow window, SceneClip clip, String sceneText, List<Finding> findings) {
        String description = clip.getAssetDescription();
        if (description == null || description.isBlank()) {
            return;
        }
        double similarity =
                SentenceEmbedder.cosine(embedder.embed(sceneText), embedder.embed(description));
        findings.add(
                verdict(
                        SIGNAL,
                        window,
                        clip,
                        similarity,
                        thresholds.minSimilarity(),
                        "picture (" + CleanText.quoted(description, QUOTED_CHARS) + ")"));
    }

    private void imageTextRelevance(
            SceneFrame frames,
            SceneWindow window,
            SceneClip clip,
            String sceneText,
            List<Finding> findings) {
        if (imageText == null) {
            return;
        }
        double score;
        try {
            score = imageText.score(frames.of(window), sceneText);
        } catch (Exception e) {
            // the model server's trouble is not the video's: the description check still stands
            LOG.warn(
                    "Image-text model {} could not score scene {}; judging it by its description"
                            + " alone",
                    imageText.model(),
                    window.index(),
                    e);
            return;
        }
        findings.add(
                verdict(
                        IMAGE_TEXT_SIGNAL,
                        window,
                        clip,
                        score,
                        thresholds.minImageTextScore(),
                        "picture (as " + imageText.model() + " sees it)"));
    }

    private static Finding verdict(
            String signal,
            SceneWindow window,
            SceneClip clip,
            double value,
            double threshold,
            String picture) {
        if (value >= threshold) {
            return Finding.passed(signal, window.index(), value);
        }
        String reason =
                String.format(
                        Locale.ROOT,
                        "the %s does not match the text (%s): relevance %.2f, at least %.2f"
                                + " needed",
                        picture,
                        CleanText.quoted(clip.getScene().getText(), QUOTED_CHARS),
                        value,
                        threshold);
        return Finding.failed(signal, window.index(), value, DEFECT, reason);
    }

    /**
     * What the scene says in English: its own text when the request is English (the prompt adds
     * template words, shot and light, that make unrelated pairs look alike), else its English
     * prompt, since the model reads English only; null when there is nothing to compare.
     */
    private static String sceneText(Scene scene, boolean english) {
        String text = english ? scene.getText() : scene.getPrompt();
        if (text == null || CleanText.isEmptyWhenCleaned(text)) {
            text = scene.getPrompt();
        }
        return text == null || CleanText.isEmptyWhenCleaned(text) ? null : CleanText.readable(text);
    }

    private static boolean isEnglish(String language) {
        return language != null && (language.equals("en") || language.startsWith("en-"));
    }

    /** Releases this analyzer's hold on the shared embedder and closes the image-text client. */
    @Override
    public void close() {
        embedder.close();
        if (imageText != null) {
            try {
                imageText.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close the image-text model's client", e);
            }
        }
    }
}
