package io.reelflow.operators.port;

/**
 * An image-text model (CLIP-like) that says how well a picture shows a text: a model server behind
 * the Open Inference Protocol, say. The picture is one frame of a rendered scene as JPEG, sent to
 * the model and never put in a Flink record. Implementations may block and may fail in any way;
 * quality scoring then judges relevance by the asset's description alone.
 */
public interface ImageTextScorer extends AutoCloseable {

    /**
     * The model's similarity of {@code jpeg} and {@code text}, on the model's own scale (a CLIP
     * cosine is about 0.2–0.35 for a matching pair), which the relevance thresholds are set for.
     */
    double score(byte[] jpeg, String text) throws Exception;

    /** The model that scores, for reasons and logs; never blank. */
    String model();

    @Override
    default void close() {}
}
