package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.JobState;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link OpenAiVideosClient}: reading the servers' video job bodies. Fixtures and their
 * sources: {@code src/test/resources/generation/SOURCES.md}.
 */
class OpenAiVideosClientTest {

    @Test
    void shouldReadQueuedJobFromVllmOmniDocs() throws Exception {
        // vllm-omni docs/user_guide/examples/online_serving/text_to_video.md @ 02714cce (verbatim)
        GenerationJob job =
                OpenAiVideosClient.parseJob(
                        fixture("openai-videos/vllm-omni-text-to-video-queued.json"), "poll");

        assertThat(job.id()).isEqualTo("video_gen_123");
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.progress()).isZero();
        assertThat(job.resultLocator()).isNull();
    }

    @Test
    void shouldReadAbridgedJobWithoutObjectOrProgress() throws Exception {
        // vllm-omni docs/serving/videos_api.md @ 0131cb55 (verbatim, abridged by the doc)
        GenerationJob job =
                OpenAiVideosClient.parseJob(
                        fixture("openai-videos/vllm-omni-videos-api-queued.json"), "submit");

        assertThat(job.id()).isEqualTo("video-123");
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void shouldReadCompletedVllmOmniJobWithInferenceTimeAndContentRoute() throws Exception {
        // vllm-omni protocol/videos.py @ 48e60262 VideoResponse (derived)
        GenerationJob job =
                OpenAiVideosClient.parseJob(
                        fixture("openai-videos/vllm-omni-completed.json"), "poll");

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(job.gpuSeconds()).isEqualTo(143.7);
        assertThat(job.resultLocator()).isEqualTo("/v1/videos/video_gen_4f0c2b9e/content");
    }

    @Test
    void shouldReadFailedVllmOmniJobWithCodeAndMessage() throws Exception {
        // vllm-omni protocol/videos.py @ 48e60262; error as in test_video_server.py @ 079d7a56
        GenerationJob job =
                OpenAiVideosClient.parseJob(fixture("openai-videos/vllm-omni-failed.json"), "poll");

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).contains("lora object").contains("code 400");
    }

    @Test
    void shouldReadOpenAiProgressPercentage() throws Exception {
        // openai-python src/openai/types/video.py @ e43b4224 (derived)
        GenerationJob job =
                OpenAiVideosClient.parseJob(
                        fixture("openai-videos/openai-video-in-progress.json"), "poll");

        assertThat(job.state()).isEqualTo(JobState.IN_PROGRESS);
        assertThat(job.progress()).isEqualTo(0.42);
    }

    @Test
    void shouldDownloadSglangCloudResultFromItsUrl() throws Exception {
        // sglang video_api.py _dispatch_job_async: url set when uploaded to cloud storage
        GenerationJob local =
                OpenAiVideosClient.parseJob(fixture("openai-videos/sglang-completed.json"), "poll");
        GenerationJob cloud =
                OpenAiVideosClient.parseJob(
                        fixture("openai-videos/sglang-completed-cloud.json"), "poll");

        assertThat(local.resultLocator())
                .isEqualTo("/v1/videos/0b5c3f6e8d2a4c1b9e7f6a5d4c3b2a10/content");
        assertThat(local.gpuSeconds()).isEqualTo(201.4);
        assertThat(cloud.resultLocator())
                .startsWith("https://storage.example/videos/0b5c3f6e8d2a4c1b9e7f6a5d4c3b2a11.mp4");
    }

    @Test
    void shouldReadSglangFailureWithMessageOnly() throws Exception {
        GenerationJob job =
                OpenAiVideosClient.parseJob(fixture("openai-videos/sglang-failed.json"), "poll");

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo("Video generation cancelled");
    }

    @Test
    void shouldRefuseUnknownStatusAsProtocolError() throws Exception {
        var json = fixture("openai-videos/openai-video-in-progress.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("status", "rendering");

        assertThatThrownBy(() -> OpenAiVideosClient.parseJob(json, "poll"))
                .hasCauseInstanceOf(GenerationException.class)
                .hasMessageContaining("unknown status 'rendering'")
                .satisfies(
                        e ->
                                assertThat(((GenerationException) e.getCause()).reason())
                                        .isEqualTo(GenerationException.Cause.PROTOCOL));
    }
}
