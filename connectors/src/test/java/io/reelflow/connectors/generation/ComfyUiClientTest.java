package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.JobState;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ComfyUiClient}: reading history entries. Fixtures and their sources: {@code
 * src/test/resources/generation/SOURCES.md}.
 */
class ComfyUiClientTest {

    @Test
    void shouldFindCoreSaveVideoOutputUnderImages() throws Exception {
        // ComfyUI SaveVideo + ui.PreviewVideo @ a125cd84: the mp4 is listed under "images"
        String id = "2d7f6a4e-0c51-4f0e-9a59-3d2b8c7f1e10";
        GenerationJob job =
                ComfyUiClient.parseHistory(id, fixture("comfyui/history-savevideo.json").get(id));

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.resultLocator())
                .isEqualTo("/view?filename=ComfyUI_00001_.mp4&subfolder=video&type=output");
    }

    @Test
    void shouldPreferVideoHelperSuiteVideoOverPreviewImageAndEncodeNames() throws Exception {
        // VideoHelperSuite nodes.py @ 4ee72c06: VHS_VideoCombine lists its video under "gifs"
        GenerationJob job =
                ComfyUiClient.parseHistory("9c1e", fixture("comfyui/history-vhs.json").get("9c1e"));

        assertThat(job.resultLocator())
                .isEqualTo("/view?filename=Wan%202.2_00004.mp4&subfolder=runs%2Fa%20b&type=output");
    }

    @Test
    void shouldReportExecutionErrorWithNodeAndException() throws Exception {
        GenerationJob job =
                ComfyUiClient.parseHistory(
                        "5b0a", fixture("comfyui/history-error.json").get("5b0a"));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error())
                .isEqualTo(
                        "torch.OutOfMemoryError in node 12 (KSamplerAdvanced): CUDA out of memory."
                                + " Tried to allocate 2.00 GiB");
    }

    @Test
    void shouldReportInterruptionAsFailure() throws Exception {
        GenerationJob job =
                ComfyUiClient.parseHistory(
                        "5b0b", fixture("comfyui/history-interrupted.json").get("5b0b"));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).startsWith("interrupted in node 13");
    }

    @Test
    void shouldFailSuccessfulRunWithoutMediaOutput() throws Exception {
        var entry =
                GenerationTestData.JSON.readTree(
                        "{\"outputs\": {\"5\": {\"text\": [\"hello\"]}},"
                                + " \"status\": {\"status_str\": \"success\", \"completed\": true}}");

        GenerationJob job = ComfyUiClient.parseHistory("x", entry);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).contains("without an image or video output");
    }
}
