package io.reelflow.operators.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.SceneTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ModelProfile}. */
class ModelProfileTest {
    private static final ModelProfile WAN =
            ModelProfile.builder("wan", "2.1", MediaKind.VIDEO)
                    .endpoints("gpu-0")
                    .sizes("832x480", "480x832", "624x624")
                    .fps(16, 24)
                    .seconds(1, 5)
                    .frameRule(4, 1)
                    .build();

    private static SceneTask task(int width, int height, int fps, double seconds, String style) {
        RenderSpec spec =
                RenderSpec.newBuilder(Fixtures.spec(seconds))
                        .setWidth(width)
                        .setHeight(height)
                        .setFps(fps)
                        .setStyle(style)
                        .build();
        return SceneTask.newBuilder()
                .setRequestId("r1")
                .setRunId(Fixtures.RUN_ID)
                .setLanguage("en")
                .setSceneCount(1)
                .setSpec(spec)
                .setScene(Fixtures.scene(0, 0, seconds, "a harbour at dawn", List.of()))
                .build();
    }

    @Test
    void shouldPickTheAcceptedSizeClosestInShape() {
        assertThat(WAN.requestFor(task(1280, 720, 25, 2, null)).size()).isEqualTo("832x480");
        assertThat(WAN.requestFor(task(720, 1280, 25, 2, null)).size()).isEqualTo("480x832");
        assertThat(WAN.requestFor(task(1080, 1080, 25, 2, null)).size()).isEqualTo("624x624");
    }

    @Test
    void shouldRoundAFreeSizeToTheMultipleWithinTheLongestSide() {
        ModelProfile free =
                ModelProfile.builder("ltx", "1", MediaKind.VIDEO)
                        .endpoints("gpu-0")
                        .sizeMultiple(32, 768)
                        .build();

        GenerationRequest request = free.requestFor(task(1280, 720, 25, 2, null));

        assertThat(request.width()).isEqualTo(768);
        assertThat(request.height()).isEqualTo(448);
    }

    @Test
    void shouldPickTheNearestAcceptedFrameRatePreferringTheHigher() {
        assertThat(WAN.requestFor(task(1280, 720, 25, 2, null)).fps()).isEqualTo(24);
        assertThat(WAN.requestFor(task(1280, 720, 20, 2, null)).fps()).isEqualTo(24);
        assertThat(WAN.requestFor(task(1280, 720, 15, 2, null)).fps()).isEqualTo(16);
    }

    @Test
    void shouldCoverTheSceneWithAFrameCountOfTheModelsForm() {
        ModelProfile at16 = withFps(16);

        assertThat(at16.requestFor(task(1280, 720, 16, 2.0, null)).frames()).isEqualTo(33);
        assertThat(at16.requestFor(task(1280, 720, 16, 0.2, null)).frames())
                .as("at least min seconds")
                .isEqualTo(17);
        assertThat(at16.requestFor(task(1280, 720, 16, 12.0, null)).frames())
                .as("at most max seconds; the renderer loops the rest")
                .isEqualTo(77);
        assertThat(at16.requestFor(task(1280, 720, 16, 12.0, null)).durationSeconds())
                .isLessThanOrEqualTo(5.0);
    }

    @Test
    void shouldMakeStillsWithoutFramesAndSendThePlannedPromptAsItIs() {
        ModelProfile sdxl =
                ModelProfile.builder("sdxl", "1.0", MediaKind.IMAGE)
                        .endpoints("img")
                        .sizes("1024x576")
                        .build();

        GenerationRequest request = sdxl.requestFor(task(1280, 720, 25, 2, "watercolour"));

        assertThat(request.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(request.fps()).isZero();
        assertThat(request.frames()).isZero();
        // the plan stage wrote the style into the prompt; it is not added twice
        assertThat(request.prompt()).isEqualTo("a harbour at dawn");
        assertThat(request.seed()).isNotNegative();
    }

    @Test
    void shouldGiveANewModelVersionANewContentKey() {
        ModelProfile next =
                ModelProfile.builder("wan", "2.2", MediaKind.VIDEO)
                        .endpoints("gpu-0")
                        .sizes("832x480", "480x832", "624x624")
                        .fps(16, 24)
                        .seconds(1, 5)
                        .frameRule(4, 1)
                        .build();
        SceneTask task = task(1280, 720, 25, 2, null);

        assertThat(WAN.requestFor(task).contentKey())
                .isEqualTo(WAN.requestFor(task).contentKey())
                .isNotEqualTo(next.requestFor(task).contentKey());
    }

    @Test
    void shouldFitThePromptToTheModelsLimitKeepingTheStyle() {
        ModelProfile short60 =
                ModelProfile.builder("t5", "1", MediaKind.VIDEO)
                        .endpoints("gpu-0")
                        .promptLimit(PromptLimit.characters(60))
                        .build();
        SceneTask task = task(1280, 720, 25, 2, null);
        task.getScene()
                .setPrompt(
                        "A wide shot of a fisherman hauling a net at a harbour at dawn, soft golden"
                                + " light, calm mood, in the style of watercolour.");

        String prompt = short60.requestFor(task).prompt();

        // the style and the other clauses do not fit; words go, no joining word is left last
        assertThat(prompt).isEqualTo("A wide shot of a fisherman hauling a net at a harbour.");
        assertThat(
                        ModelProfile.builder("t5", "1", MediaKind.VIDEO)
                                .endpoints("gpu-0")
                                .promptLimit(PromptLimit.characters(100))
                                .build()
                                .requestFor(task)
                                .prompt())
                .isEqualTo(
                        "A wide shot of a fisherman hauling a net at a harbour at dawn, in the"
                                + " style of watercolour.");
    }

    @Test
    void shouldJoinTheModelsNegativePromptWithTheScenes() {
        ModelProfile sdxl =
                ModelProfile.builder("sdxl", "1.0", MediaKind.IMAGE)
                        .endpoints("img")
                        .negativePrompt("nsfw, watermark")
                        .build();
        SceneTask task = task(1280, 720, 25, 2, null);
        task.getScene().setNegativePrompt("blurry, watermark, text");

        assertThat(sdxl.requestFor(task).negativePrompt())
                .isEqualTo("nsfw, watermark, blurry, text");
    }

    @Test
    void shouldRejectAProfileWithoutEndpoints() {
        assertThatThrownBy(() -> ModelProfile.builder("wan", "1", MediaKind.VIDEO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model profile wan: needs at least one endpoint");
    }

    private static ModelProfile withFps(int fps) {
        return ModelProfile.builder("wan", "2.1", MediaKind.VIDEO)
                .endpoints("gpu-0")
                .fps(fps)
                .seconds(1, 5)
                .frameRule(4, 1)
                .build();
    }
}
