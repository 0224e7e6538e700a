package io.reelflow.operators.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.GeneratedClip;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ClipGenerator}. */
class ClipGeneratorTest {
    @TempDir Path tmp;

    /** Port-level double: records requests and writes a marker file, or fails as scripted. */
    private static final class ScriptedClient implements GenerationClient {
        final List<GenerationRequest> calls = new ArrayList<>();
        GenerationException failWith;

        @Override
        public GeneratedClip generate(GenerationRequest request, Path target)
                throws GenerationException, java.io.IOException {
            calls.add(request);
            if (failWith != null) {
                throw failWith;
            }
            Files.writeString(target, "clip for " + request.prompt(), StandardCharsets.UTF_8);
            return new GeneratedClip("scripted", request.durationSeconds());
        }

        @Override
        public void close() {}
    }

    private final ScriptedClient client = new ScriptedClient();

    private ClipGenerator generator() {
        return new ClipGenerator(client, new DirectoryObjectStore(tmp.resolve("store")), "m1");
    }

    @Test
    void shouldUseTheRetrievedAssetWithoutCallingTheSidecar() throws Exception {
        ScenePlan plan = Fixtures.plan("r1", 1);
        SceneTask task = Fixtures.task(plan, 0);
        task.setAsset(
                AssetMatch.newBuilder()
                        .setAssetId("a1")
                        .setUri("s3://b/assets/a1.mp4")
                        .setKind(AssetKind.CLIP)
                        .setDurationSeconds(10.0)
                        .setScore(0.9)
                        .setReasons(List.of())
                        .setCredit(
                                Credit.newBuilder()
                                        .setAssetId("a1")
                                        .setUri("s3://b/assets/a1.mp4")
                                        .build())
                        .build());

        SceneClip clip = generator().clipFor(task);

        assertThat(clip.getSource()).isEqualTo(ClipSource.STOCK_CLIP);
        assertThat(clip.getMediaUri()).isEqualTo("s3://b/assets/a1.mp4");
        assertThat(clip.getCredit().getAssetId()).isEqualTo("a1");
        assertThat(client.calls).isEmpty();
    }

    @Test
    void shouldStoreGeneratedClipUnderItsContentAddressAndReuseIt() throws Exception {
        ScenePlan plan = Fixtures.plan("r1", 1);
        SceneTask task = Fixtures.task(plan, 0);
        ClipGenerator generator = generator();

        SceneClip first = generator.clipFor(task);
        SceneClip second = generator.clipFor(task);

        GenerationRequest request = client.calls.get(0);
        assertThat(client.calls).hasSize(1);
        assertThat(request.width()).isEqualTo(320);
        assertThat(request.durationSeconds()).isEqualTo(2.0);
        assertThat(first.getSource()).isEqualTo(ClipSource.GENERATED);
        assertThat(first.getMediaUri()).endsWith(ClipGenerator.keyOf(request));
        assertThat(Path.of(java.net.URI.create(first.getMediaUri())))
                .hasContent("clip for prompt 0");
        assertThat(second.getMediaUri()).isEqualTo(first.getMediaUri());
        assertThat(second.getNote()).startsWith("reused generated clip");
    }

    @Test
    void shouldGiveDifferentPromptsDifferentAddressesAndSeeds() {
        ScenePlan plan = Fixtures.plan("r1", 2);
        ClipGenerator generator = generator();

        GenerationRequest a = generator.requestFor(Fixtures.task(plan, 0));
        GenerationRequest b = generator.requestFor(Fixtures.task(plan, 1));

        assertThat(ClipGenerator.keyOf(a)).isNotEqualTo(ClipGenerator.keyOf(b));
        assertThat(a.seed()).isNotEqualTo(b.seed()).isNotNegative();
        assertThat(generator.requestFor(Fixtures.task(plan, 0))).isEqualTo(a);
    }

    @Test
    void shouldLetSidecarFailuresReachTheCaller() {
        client.failWith = new GenerationException("503 busy", true);
        SceneTask task = Fixtures.task(Fixtures.plan("r1", 1), 0);

        assertThatThrownBy(() -> generator().clipFor(task))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("503 busy");
    }

    @Test
    void shouldMarkFallbackAsDegradedTitleCard() {
        SceneTask task = Fixtures.task(Fixtures.plan("r1", 1), 0);

        SceneClip fallback = ClipGenerator.fallback(task, "sidecar down", true);

        assertThat(fallback.getSource()).isEqualTo(ClipSource.TITLE_CARD);
        assertThat(fallback.getMediaUri()).isNull();
        assertThat(fallback.getDegraded()).isTrue();
        assertThat(fallback.getRetryable()).isTrue();
        assertThat(fallback.getNote()).contains("sidecar down");
        assertThat(GenerateClipFunction.anyRetryable(List.of(fallback))).isTrue();
        assertThat(
                        GenerateClipFunction.anyRetryable(
                                List.of(ClipGenerator.fallback(task, "x", false))))
                .isFalse();
    }
}
