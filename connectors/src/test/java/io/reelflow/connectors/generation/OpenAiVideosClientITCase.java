package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.TINY_CLIP;
import static io.reelflow.connectors.generation.GenerationTestData.endpoint;
import static io.reelflow.connectors.generation.GenerationTestData.sidecarKey;
import static io.reelflow.connectors.generation.SidecarExtension.await;
import static io.reelflow.connectors.generation.SidecarExtension.awaitFinished;
import static io.reelflow.connectors.generation.SidecarExtension.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.generation.GenerationTestData.Clip;
import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests for {@link OpenAiVideosClient} over HTTP against the reference sidecar, which answers JSON
 * submissions as SGLang and multipart ones as vLLM-Omni.
 */
class OpenAiVideosClientITCase {

    private static final String TOKEN = "contract-test-token";

    @RegisterExtension final SidecarExtension servers = new SidecarExtension();

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldSubmitPollAndDownloadAPlayableClip(String protocol) throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withJobTime(Duration.ofMillis(200)));
        GenerationClient client = client(sidecar, protocol, Map.of());

        GenerationJob submitted = await(client.submit(TINY_CLIP));
        assertThat(submitted.state()).isEqualTo(JobState.QUEUED);
        GenerationJob done = awaitFinished(client, submitted.id());
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.gpuSeconds()).isPositive();

        Path target = dir.resolve("clip.mp4");
        DownloadedMedia media = await(client.download(done, target));

        assertThat(media.contentType()).isEqualTo("video/mp4");
        assertThat(media.bytes()).isEqualTo(Files.size(target));
        assertThat(Clip.probe(target)).isEqualTo(new Clip("h264", 160, 96, 9));
        assertThat(sidecar.submissions(sidecarKey(TINY_CLIP))).isEqualTo(1);
        assertThat(dir.toFile().list()).containsExactly("clip.mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldReportAJobTheRestartedServerForgotAsLost(String protocol) throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withJobTime(Duration.ofMinutes(5)));
        GenerationClient client = client(sidecar, protocol, Map.of());
        String id = await(client.submit(TINY_CLIP)).id();

        sidecar.restart();

        assertThat(await(client.poll(id)).state()).isEqualTo(JobState.LOST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldReportFailedJobsWithTheServersReason(String protocol) throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, protocol, Map.of());

        String id = await(client.submit(withPrompt("[sidecar:fail=out of memory] a fox"))).id();
        GenerationJob job = awaitFinished(client, id);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).contains("out of memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldReportOverloadWithTheServersRetryAfter(String protocol) throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, protocol, Map.of());
        sidecar.faults().failNextCalls(1, 429, Duration.ofSeconds(7));

        GenerationException overloaded = failure(client.submit(TINY_CLIP));

        assertThat(overloaded.reason()).isEqualTo(Cause.OVERLOADED);
        assertThat(overloaded.retryAfter()).hasValue(Duration.ofSeconds(7));
        assertThat(overloaded).hasMessageContaining("429");
        assertThat(await(client.submit(TINY_CLIP)).state()).isEqualTo(JobState.QUEUED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldReportServerErrorsAsRetryable(String protocol) throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, protocol, Map.of());
        sidecar.faults().failNextCalls(1, 500, null);

        GenerationException failed = failure(client.poll("video_gen_x"));

        assertThat(failed.reason()).isEqualTo(Cause.SERVER_ERROR);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldSendTheBearerTokenTheServerRequires(String protocol) throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withBearerToken(TOKEN));
        Path secret = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        GenerationClient anonymous = client(sidecar, protocol, Map.of());
        GenerationClient authorized =
                client(sidecar, protocol, Map.of("token-file", secret.toString()));

        GenerationException refused = failure(anonymous.submit(TINY_CLIP));

        assertThat(refused.reason()).isEqualTo(Cause.REFUSED);
        assertThat(refused).hasMessageContaining("401").hasMessageContaining("Unauthorized");
        GenerationJob done = awaitFinished(authorized, await(authorized.submit(TINY_CLIP)).id());
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(await(authorized.download(done, dir.resolve("a.mp4"))).bytes()).isPositive();
        assertThat(refused.getMessage()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldDeleteTheJobOnCancel(String protocol) throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(
                        SidecarOptions.defaults().withSlots(1).withJobTime(Duration.ofMinutes(5)));
        GenerationClient client = client(sidecar, protocol, Map.of());
        String id = await(client.submit(TINY_CLIP)).id();
        SidecarExtension.awaitRunning(sidecar, 1);

        await(client.cancel(id));
        await(client.cancel(id));

        assertThat(await(client.poll(id)).state()).isEqualTo(JobState.LOST);
        // vLLM-Omni stops the generation; SGLang forgets the record and lets it run on.
        long running = ((Number) sidecar.stats().get("running")).longValue();
        assertThat(running).isEqualTo(protocol.endsWith("multipart") ? 0 : 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldRefuseAResultLargerThanTheLimit(String protocol) throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, protocol, Map.of("max-download-size", "1 kb"));
        GenerationJob done = awaitFinished(client, await(client.submit(TINY_CLIP)).id());

        GenerationException tooLarge = failure(client.download(done, dir.resolve("big.mp4")));

        assertThat(tooLarge.reason()).isEqualTo(Cause.PROTOCOL);
        assertThat(tooLarge).hasMessageContaining("larger than 1024 bytes");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-videos", "openai-videos-multipart"})
    void shouldTellHealthyFromUnreachable(String protocol) throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, protocol, Map.of());

        await(client.health());
        sidecar.close();

        assertThat(failure(client.health()).reason()).isEqualTo(Cause.UNREACHABLE);
    }

    private GenerationClient client(
            ReferenceSidecarServer sidecar, String protocol, Map<String, String> options) {
        return servers.open(
                new GenerationClients().create(endpoint(protocol, sidecar.baseUri(), options)));
    }

    private static GenerationRequest withPrompt(String prompt) {
        return new GenerationRequest(
                TINY_CLIP.model(),
                TINY_CLIP.modelVersion(),
                TINY_CLIP.kind(),
                prompt,
                TINY_CLIP.negativePrompt(),
                TINY_CLIP.seed(),
                TINY_CLIP.width(),
                TINY_CLIP.height(),
                TINY_CLIP.fps(),
                TINY_CLIP.frames());
    }
}
