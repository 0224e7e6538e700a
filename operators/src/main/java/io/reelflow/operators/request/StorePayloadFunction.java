package io.reelflow.operators.request;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns refused admissions into dead letters that fit Kafka: values longer than the prefix a dead
 * letter carries are stored whole in the object store under their SHA-256 (once per content), and
 * the dead letter points to them. Runs on its own bounded pool (the store blocks); a failed upload
 * still yields the dead letter, saying that only the prefix was kept.
 */
public class StorePayloadFunction extends BlockingAsyncFunction<Admission, DeadLetter> {
    private final ObjectStoreFactory storeFactory;
    private final int prefixBytes;

    private transient ObjectStore store;

    public StorePayloadFunction(
            ObjectStoreFactory storeFactory, int prefixBytes, int threads, int queueCapacity) {
        super(threads, queueCapacity);
        this.storeFactory = storeFactory;
        this.prefixBytes = prefixBytes;
    }

    @Override
    protected String stage() {
        return "dead_letter_store";
    }

    @Override
    protected void openResources() {
        store = storeFactory.create();
    }

    @Override
    protected DeadLetter process(Admission admission) throws Exception {
        if (!DeadLetters.needsStoring(admission, prefixBytes)) {
            return DeadLetters.bounded(admission, prefixBytes, null);
        }
        String key = DeadLetters.storageKey(admission);
        Optional<String> existing = store.find(key);
        if (existing.isPresent()) {
            return DeadLetters.bounded(admission, prefixBytes, existing.get());
        }
        Path file = Files.createTempFile("reelflow-dead-letter-", ".bin");
        try {
            Files.write(file, RequestValidator.bytesOf(admission.getPayload()));
            return DeadLetters.bounded(
                    admission, prefixBytes, store.put(key, file, "application/octet-stream"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    protected DeadLetter onFailure(Admission admission, Throwable failure) {
        return DeadLetters.unstored(admission, prefixBytes, failure.toString());
    }

    @Override
    protected DeadLetter onTimeout(Admission admission) {
        return DeadLetters.unstored(admission, prefixBytes, "timed out");
    }

    @Override
    protected void closeResources() {
        if (store != null) {
            store.close();
        }
    }
}
