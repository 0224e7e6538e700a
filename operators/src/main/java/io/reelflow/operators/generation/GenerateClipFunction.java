package io.reelflow.operators.generation;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import java.util.function.Predicate;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async Flink shell around {@link ClipGenerator}. A failed call completes with a title-card
 * fallback marked {@code retryable}; {@link #retryStrategy} retries exactly those results with
 * exponential backoff, and the fallback stands once the attempts are used up.
 */
public class GenerateClipFunction extends BlockingAsyncFunction<SceneTask, SceneClip> {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateClipFunction.class);

    private final GenerationClientFactory clientFactory;
    private final ObjectStoreFactory storeFactory;
    private final GenerationConfig config;

    private transient GenerationClient client;
    private transient ObjectStore store;
    private transient ClipGenerator generator;

    public GenerateClipFunction(
            GenerationClientFactory clientFactory,
            ObjectStoreFactory storeFactory,
            GenerationConfig config) {
        super(config.threads(), config.capacity());
        this.clientFactory = clientFactory;
        this.storeFactory = storeFactory;
        this.config = config;
    }

    /** Retries results that are retryable fallbacks, with the configured exponential backoff. */
    public static AsyncRetryStrategy<SceneClip> retryStrategy(GenerationConfig config) {
        return new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<SceneClip>(
                        config.maxAttempts(),
                        config.initialBackoffMillis(),
                        config.maxBackoffMillis(),
                        config.backoffMultiplier())
                .ifResult(new AnyRetryable())
                .build();
    }

    static boolean anyRetryable(Collection<SceneClip> clips) {
        return new AnyRetryable().test(clips);
    }

    /** The retry predicate; a named class because the strategy ships with the job graph. */
    private static final class AnyRetryable
            implements Predicate<Collection<SceneClip>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean test(Collection<SceneClip> clips) {
            return clips != null && clips.stream().anyMatch(SceneClip::getRetryable);
        }
    }

    @Override
    protected void openResources() {
        client = clientFactory.create();
        store = storeFactory.create();
        generator = new ClipGenerator(client, store, config.model());
    }

    @Override
    protected SceneClip process(SceneTask task) throws IOException, GenerationException {
        return generator.clipFor(task);
    }

    @Override
    protected SceneClip onFailure(SceneTask task, Throwable failure) {
        boolean retryable = !(failure instanceof GenerationException e) || e.retryable();
        LOG.warn(
                "Generation failed for {}/{} (retryable: {}): {}",
                task.getRequestId(),
                task.getScene().getIndex(),
                retryable,
                failure.toString());
        return ClipGenerator.fallback(
                task,
                failure.getMessage() != null ? failure.getMessage() : failure.toString(),
                retryable);
    }

    @Override
    protected SceneClip onTimeout(SceneTask task) {
        return ClipGenerator.fallback(
                task, "generation timed out after " + config.timeoutMillis() + " ms", false);
    }

    @Override
    protected void closeResources() {
        if (client != null) {
            client.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
