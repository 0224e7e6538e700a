package io.reelflow.operators.request;

import static io.reelflow.operators.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link StorePayloadFunction}. */
class StorePayloadFunctionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir Path store;

    private DeadLetter deadLetterOf(byte[] payload) throws Exception {
        String root = store.toString();
        StorePayloadFunction function =
                new StorePayloadFunction(
                        () -> new DirectoryObjectStore(Path.of(root)), 4_096, 1, 4);
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        function.open(DefaultOpenContext.INSTANCE);
        try {
            Admission admission =
                    new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID)
                            .validate(raw(payload, 0, 1), NOW);
            CompletableFuture<Collection<DeadLetter>> result = new CompletableFuture<>();
            function.asyncInvoke(admission, completing(result));
            return result.get(10, TimeUnit.SECONDS).iterator().next();
        } finally {
            function.close();
        }
    }

    @Test
    void shouldStoreALargeRefusedValueWholeUnderItsHash() throws Exception {
        byte[] payload = new byte[900_000];
        Arrays.fill(payload, (byte) '[');

        DeadLetter letter = deadLetterOf(payload);

        Path stored = store.resolve("dead-letters/" + letter.getPayloadSha256());
        assertThat(letter.getPayloadUri()).isEqualTo(stored.toUri().toString());
        assertThat(Files.readAllBytes(stored)).isEqualTo(payload);
        assertThat(letter.getPayload().remaining()).isEqualTo(4_096);
        assertThat(letter.getReason()).contains("900000 bytes, over the limit of 65536");
    }

    @Test
    void shouldNotStoreAValueTheDeadLetterHoldsWhole() throws Exception {
        DeadLetter letter = deadLetterOf("{oops".getBytes());

        assertThat(letter.getPayloadUri()).isNull();
        assertThat(store.resolve("dead-letters")).doesNotExist();
    }

    private static ResultFuture<DeadLetter> completing(
            CompletableFuture<Collection<DeadLetter>> result) {
        return new ResultFuture<>() {
            @Override
            public void complete(Collection<DeadLetter> outputs) {
                result.complete(outputs);
            }

            @Override
            public void completeExceptionally(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void complete(CollectionSupplier<DeadLetter> supplier) {
                try {
                    result.complete(supplier.get());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            }
        };
    }
}
