package io.reelflow.operators.quality;

import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.ImageTextScorerFactory;
import io.reelflow.operators.render.RenderConfig;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Makes the {@link VideoScorer} of a Flink function, once per subtask: Flink ships the factory, not
 * the scorer. The built-in one is {@link #of(QualityConfig)}; {@link #named(String)} loads another
 * (a plug-in, or a test's scripted verdict) by class name.
 */
@FunctionalInterface
public interface VideoScorerFactory extends Serializable {

    VideoScorer create();

    /**
     * The built-in {@link QualityScorer} with {@code config}: picture, sound, subtitle and
     * relevance checks; the subtitles are judged where {@code render} drew them, and relevance also
     * asks the image-text model {@code imageText} makes, when one is configured ({@code null}:
     * none).
     */
    static VideoScorerFactory of(
            QualityConfig config,
            RenderConfig render,
            RelevanceThresholds relevance,
            ImageTextScorerFactory imageText) {
        return () ->
                new QualityScorer(
                        config,
                        List.of(
                                new SoundAnalyzer(),
                                new SubtitleAnalyzer(SubtitleThresholds.defaults(), render),
                                new RelevanceAnalyzer(
                                        SentenceEmbedder.acquire(),
                                        relevance,
                                        imageText == null ? null : imageText.create())));
    }

    /**
     * The factory class {@code className}, made with its no-argument constructor.
     *
     * @throws IllegalArgumentException when the class is missing, is no factory or cannot be made
     */
    static VideoScorerFactory named(String className) {
        try {
            Class<?> type =
                    Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!VideoScorerFactory.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(
                        className + " does not implement " + VideoScorerFactory.class.getName());
            }
            return (VideoScorerFactory) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException
                | NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "Cannot make the video scorer factory " + className + ": " + e, e);
        }
    }
}
