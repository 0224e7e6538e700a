package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.TINY_CLIP;
import static io.reelflow.connectors.generation.GenerationTestData.endpoint;
import static io.reelflow.connectors.generation.SidecarExtension.await;
import static io.reelflow.connectors.generation.SidecarExtension.awaitFinished;
import static io.reelflow.connectors.generation.SidecarExtension.awaitRunning;
import static io.reelflow.connectors.generation.SidecarExtension.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.connectors.generation.GenerationTestData.Clip;
import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import io.reelflow.sidecar.SubmissionKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link ComfyUiClient} over HTTP against the reference sidecar's ComfyUI subset, with
 * the shipped Wan 2.2 workflow template.
 */
class ComfyUiClientITCase {

    @RegisterExtension final SidecarExtension servers = new SidecarExtension();

    @TempDir Path dir;

    @Test
    void shouldRunTheShippedWorkflowAndDownloadItsVideo() throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withJobTime(Duration.ofMillis(200)));
        GenerationClient client = client(sidecar, Map.of());

        GenerationJob submitted = await(client.submit(TINY_CLIP));
        assertThat(submitted.state()).isEqualTo(JobState.QUEUED);
        GenerationJob done = awaitFinished(client, submitted.id());
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);

        Path target = dir.resolve("clip.mp4");
        DownloadedMedia media = await(client.download(done, target));

        assertThat(media.contentType()).isEqualTo("video/mp4");
        assertThat(Clip.probe(target)).isEqualTo(new Clip("h264", 160, 96, 9));
        // The sidecar read back exactly what the template was filled with, quotes and all.
        SubmissionKey key =
                new SubmissionKey(
                        "wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors",
                        "VIDEO",
                        TINY_CLIP.prompt(),
                        TINY_CLIP.negativePrompt(),
                        TINY_CLIP.seed(),
                        160,
                        96,
                        8,
                        9);
        assertThat(sidecar.submissions(key)).isEqualTo(1);
    }

    @Test
    void shouldTakePendingWorkOffTheQueueAndInterruptRunningWork() throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(
                        SidecarOptions.defaults().withSlots(1).withJobTime(Duration.ofMinutes(5)));
        GenerationClient client = client(sidecar, Map.of());
        String running = await(client.submit(TINY_CLIP)).id();
        awaitRunning(sidecar, 1);
        String pending = await(client.submit(withSeed(43))).id();
        assertThat(await(client.poll(running)).state()).isEqualTo(JobState.IN_PROGRESS);
        assertThat(await(client.poll(pending)).state()).isEqualTo(JobState.QUEUED);

        await(client.cancel(pending));

        assertThat(queue(sidecar).get("queue_pending")).isEmpty();
        assertThat(await(client.poll(pending)).state()).isEqualTo(JobState.LOST);
        assertThat(await(client.poll(running)).state()).isEqualTo(JobState.IN_PROGRESS);

        await(client.cancel(running));

        GenerationJob interrupted = awaitFinished(client, running);
        assertThat(interrupted.state()).isEqualTo(JobState.FAILED);
        assertThat(interrupted.error()).startsWith("interrupted");
    }

    @Test
    void shouldReportPromptsTheRestartedServerForgotAsLost() throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withJobTime(Duration.ofMinutes(5)));
        GenerationClient client = client(sidecar, Map.of());
        String id = await(client.submit(TINY_CLIP)).id();

        sidecar.restart();

        assertThat(await(client.poll(id)).state()).isEqualTo(JobState.LOST);
    }

    @Test
    void shouldReportValidationErrorsAsRefused() throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, Map.of());
        GenerationRequest tooSmall =
                new GenerationRequest("wan", "1", MediaKind.VIDEO, "x", "", 1, 8, 8, 8, 9);

        GenerationException refused = failure(client.submit(tooSmall));

        assertThat(refused.reason()).isEqualTo(Cause.REFUSED);
        assertThat(refused).hasMessageContaining("400").hasMessageContaining("failed validation");
    }

    @Test
    void shouldSendTheBearerTokenToAProtectedServer() throws Exception {
        String token = System.getenv("PATH");
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withBearerToken(token));

        assertThat(failure(client(sidecar, Map.of()).health()).reason()).isEqualTo(Cause.REFUSED);
        await(client(sidecar, Map.of("token-env", "PATH")).health());
    }

    private GenerationClient client(ReferenceSidecarServer sidecar, Map<String, String> options) {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("workflow", ComfyUiClient.WAN22_T2V_TEMPLATE);
        return servers.open(
                new GenerationClients().create(endpoint("comfyui", sidecar.baseUri(), all)));
    }

    private static JsonNode queue(ReferenceSidecarServer sidecar) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(sidecar.baseUri() + "queue"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        return GenerationTestData.JSON.readTree(response.body());
    }

    private static GenerationRequest withSeed(long seed) {
        return new GenerationRequest(
                TINY_CLIP.model(),
                TINY_CLIP.modelVersion(),
                TINY_CLIP.kind(),
                TINY_CLIP.prompt(),
                TINY_CLIP.negativePrompt(),
                seed,
                TINY_CLIP.width(),
                TINY_CLIP.height(),
                TINY_CLIP.fps(),
                TINY_CLIP.frames());
    }
}
