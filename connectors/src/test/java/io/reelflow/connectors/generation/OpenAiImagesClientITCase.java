package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.TINY_STILL;
import static io.reelflow.connectors.generation.GenerationTestData.endpoint;
import static io.reelflow.connectors.generation.GenerationTestData.sidecarKey;
import static io.reelflow.connectors.generation.SidecarExtension.await;
import static io.reelflow.connectors.generation.SidecarExtension.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.JobState;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link OpenAiImagesClient} over HTTP against the reference sidecar. */
class OpenAiImagesClientITCase {

    @RegisterExtension final SidecarExtension servers = new SidecarExtension();

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"b64_json", "url"})
    void shouldAnswerCompletedJobWhoseImageDownloadsOnce(String format) throws Exception {
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withImageUrlTtl(Duration.ofMillis(300)));
        GenerationClient client = client(sidecar, Map.of("response-format", format));

        GenerationJob job = await(client.submit(TINY_STILL));
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(await(client.poll(job.id())).state()).isEqualTo(JobState.COMPLETED);
        // An expiring URL was fetched at submit: the result outlives it.
        Thread.sleep(500);

        Path target = dir.resolve("still.png");
        DownloadedMedia media = await(client.download(job, target));

        assertThat(media.contentType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(target.toFile());
        assertThat(image.getWidth()).isEqualTo(96);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(await(client.poll(job.id())).state()).isEqualTo(JobState.LOST);
        assertThat(sidecar.submissions(sidecarKey(TINY_STILL))).isEqualTo(1);
    }

    @Test
    void shouldReportUnavailableServerWithItsRetryAfter() throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, Map.of());
        sidecar.faults().failNextCalls(1, 503, Duration.ofSeconds(3));

        GenerationException unavailable = failure(client.submit(TINY_STILL));

        assertThat(unavailable.reason()).isEqualTo(Cause.OVERLOADED);
        assertThat(unavailable.retryAfter()).hasValue(Duration.ofSeconds(3));
    }

    @Test
    void shouldSendTheBearerTokenFromTheEnvironment() throws Exception {
        // PATH is always set: it stands in for a token variable without exposing a secret.
        String token = System.getenv("PATH");
        ReferenceSidecarServer sidecar =
                servers.start(SidecarOptions.defaults().withBearerToken(token));

        GenerationException refused = failure(client(sidecar, Map.of()).submit(TINY_STILL));
        GenerationJob job = await(client(sidecar, Map.of("token-env", "PATH")).submit(TINY_STILL));

        assertThat(refused.reason()).isEqualTo(Cause.REFUSED);
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void shouldForgetACancelledResult() throws Exception {
        ReferenceSidecarServer sidecar = servers.start(SidecarOptions.defaults());
        GenerationClient client = client(sidecar, Map.of());
        GenerationJob job = await(client.submit(TINY_STILL));

        await(client.cancel(job.id()));

        assertThat(await(client.poll(job.id())).state()).isEqualTo(JobState.LOST);
        assertThat(failure(client.download(job, dir.resolve("x.png"))).reason())
                .isEqualTo(Cause.JOB_FAILED);
    }

    private GenerationClient client(ReferenceSidecarServer sidecar, Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("stash-dir", dir.resolve("stash").toString());
        return servers.open(
                new GenerationClients().create(endpoint("openai-images", sidecar.baseUri(), all)));
    }
}
