package io.reelflow.job.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.render.RenderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests for {@link StageSizing}. */
class StageSizingTest {
    private static final RenderConfig RENDER = RenderConfig.defaults();
    private static final long GB = 1L << 30;

    @Test
    void shouldRenderOneVideoPerSlotOnATwoCoreTaskManager() {
        StageSizing sizing = derive(new TaskManagerResources(2, "test", 2, GB));

        assertThat(sizing.renderThreads()).isEqualTo(1);
        assertThat(sizing.renderCapacity()).isEqualTo(2);
    }

    @Test
    void shouldFillTheCoresOfALargerTaskManager() {
        // 4 threads per render (2 encoder + 2 compose): 8 cores per slot hold 2 renders.
        assertThat(derive(new TaskManagerResources(16, "test", 2, 0)).renderThreads()).isEqualTo(2);
        assertThat(derive(new TaskManagerResources(8, "test", 1, 0)).renderThreads()).isEqualTo(2);
        assertThat(derive(new TaskManagerResources(8, "test", 2, 0)).renderThreads()).isEqualTo(1);
        // 6 cores per slot: 1.5 renders, rounded up.
        assertThat(derive(new TaskManagerResources(12, "test", 2, 0)).renderThreads()).isEqualTo(2);
        assertThat(derive(new TaskManagerResources(16, "test", 2, 0)).renderCapacity())
                .isEqualTo(4);
    }

    @Test
    void shouldCountTheRendersOwnThreads() {
        RenderConfig heavier = RENDER.withEncoderThreads(6);

        StageSizing sizing =
                StageSizing.derive(
                        new TaskManagerResources(16, "test", 1, 0),
                        heavier,
                        GenerationConfig.builder(),
                        Optional.empty(),
                        Optional.empty());

        assertThat(sizing.renderThreads()).isEqualTo(2);
        assertThat(sizing.reasons().get(0))
                .contains("8 threads per render (6 encoder + 2 compose)");
    }

    @Test
    void shouldCapRendersByTheNativeMemoryBudget() {
        // 32 cores per slot would take 8 renders; 1 GB / 200 MB holds 5.
        StageSizing sizing = derive(new TaskManagerResources(32, "test", 1, GB));

        assertThat(sizing.renderThreads()).isEqualTo(5);
        assertThat(sizing.reasons().get(0)).contains("capped by memory");
    }

    @Test
    void shouldRenderAtLeastOneVideoWhateverTheBudget() {
        assertThat(derive(new TaskManagerResources(0.5, "test", 4, 100L << 20)).renderThreads())
                .isEqualTo(1);
    }

    @Test
    void shouldBoundDerivedRenders() {
        assertThat(derive(new TaskManagerResources(512, "test", 1, 0)).renderThreads())
                .isEqualTo(StageSizing.MAX_DERIVED_RENDER_THREADS);
    }

    @Test
    void shouldLetAnExplicitRenderThreadCountWin() {
        StageSizing sizing =
                StageSizing.derive(
                        new TaskManagerResources(64, "test", 1, 0),
                        RENDER,
                        GenerationConfig.builder(),
                        Optional.of(3),
                        Optional.empty());

        assertThat(sizing.renderThreads()).isEqualTo(3);
        assertThat(sizing.renderCapacity()).isEqualTo(6);
        assertThat(sizing.reasons().get(0)).contains("set by reelflow.render.threads");
    }

    @Test
    void shouldSizeGenerationByTheModelServersSlotsNotByCores() {
        // 2 slots shared by 2 task slots, 20 min allowance / 10 min deadline: 1 x 3 = 3.
        GenerationConfig.Builder generation =
                generation(2, Duration.ofMinutes(20), Duration.ofMinutes(10));

        StageSizing onTwoCores = derive(new TaskManagerResources(2, "test", 2, 0), generation);
        StageSizing onSixtyFourCores =
                derive(new TaskManagerResources(64, "test", 2, 0), generation);

        assertThat(onTwoCores.generationCapacity()).isEqualTo(3);
        assertThat(onSixtyFourCores.generationCapacity()).isEqualTo(3);
        assertThat(onTwoCores.reasons().get(2)).contains("not by cores");
    }

    @Test
    void shouldGiveOneGpuSlotSharedByTwoTaskSlotsTwoScenesPerSubtask() {
        // The vLLM-Omni overlay's numbers: 1 slot, 60 min allowance, 30 min deadline.
        GenerationConfig.Builder generation =
                generation(1, Duration.ofMinutes(60), Duration.ofMinutes(30));

        assertThat(
                        StageSizing.generationCapacity(
                                new TaskManagerResources(4, "test", 2, 0), generation))
                .isEqualTo(2);
    }

    @Test
    void shouldBoundDerivedGenerationCapacity() {
        TaskManagerResources tm = new TaskManagerResources(2, "test", 1, 0);

        assertThat(
                        StageSizing.generationCapacity(
                                tm, generation(1, Duration.ZERO, Duration.ofMinutes(10))))
                .isEqualTo(StageSizing.MIN_GENERATION_CAPACITY);
        assertThat(
                        StageSizing.generationCapacity(
                                tm, generation(500, Duration.ofHours(10), Duration.ofMinutes(1))))
                .isEqualTo(StageSizing.MAX_GENERATION_CAPACITY);
    }

    @Test
    void shouldCountOnlyTheFirstModelsEndpoints() {
        ModelEndpoint gpu = endpoint("gpu", 4);
        ModelEndpoint hosted = endpoint("hosted", 100);
        GenerationConfig.Builder generation =
                GenerationConfig.builder()
                        .endpoints(List.of(gpu, hosted))
                        .models(
                                List.of(
                                        model("wan", Duration.ofMinutes(10), "gpu"),
                                        model("images", Duration.ofMinutes(1), "hosted")))
                        .queueAllowance(Duration.ofMinutes(10));

        // 4 slots / 2 task slots x (1 + 10/10) = 4.
        assertThat(
                        StageSizing.generationCapacity(
                                new TaskManagerResources(2, "test", 2, 0), generation))
                .isEqualTo(4);
    }

    @Test
    void shouldDeriveGenerationCapacityWhateverTheBuilderHolds() {
        // Sizing runs before the capacity is set: a capacity already on the builder is not a
        // reason.
        StageSizing sizing =
                derive(
                        new TaskManagerResources(2, "test", 2, 0),
                        generation(2, Duration.ofMinutes(20), Duration.ofMinutes(10))
                                .capacity(500));

        assertThat(sizing.generationCapacity()).isEqualTo(3);
        assertThat(sizing.reasons().get(2)).contains("not by cores");
    }

    @Test
    void shouldLetAnExplicitGenerationCapacityWin() {
        StageSizing sizing =
                StageSizing.derive(
                        new TaskManagerResources(2, "test", 2, 0),
                        RENDER,
                        GenerationConfig.builder(),
                        Optional.empty(),
                        Optional.of(64));

        assertThat(sizing.generationCapacity()).isEqualTo(64);
        assertThat(sizing.reasons().get(2)).contains("set by reelflow.generation.capacity");
    }

    @Test
    void shouldSayOneLinePerStage() {
        StageSizing sizing = derive(new TaskManagerResources(2, "kubernetes", 2, GB));

        assertThat(sizing.reasons())
                .hasSize(3)
                .satisfiesExactly(
                        render ->
                                assertThat(render)
                                        .startsWith("render: 1 video(s) at once per subtask")
                                        .contains("2 cores per task manager (kubernetes)"),
                        quality -> assertThat(quality).startsWith("score and repair: 1 video(s)"),
                        generation -> assertThat(generation).startsWith("generation: 3 scene(s)"));
    }

    private static StageSizing derive(TaskManagerResources tm) {
        return derive(tm, GenerationConfig.builder());
    }

    /** Sizes with nothing explicit. */
    private static StageSizing derive(
            TaskManagerResources tm, GenerationConfig.Builder generation) {
        return StageSizing.derive(tm, RENDER, generation, Optional.empty(), Optional.empty());
    }

    private static GenerationConfig.Builder generation(
            int slots, Duration queueAllowance, Duration jobDeadline) {
        return GenerationConfig.builder()
                .endpoints(List.of(endpoint("gpu", slots)))
                .models(List.of(model("wan", jobDeadline, "gpu")))
                .queueAllowance(queueAllowance);
    }

    private static ModelEndpoint endpoint(String name, int slots) {
        return new ModelEndpoint(
                name, URI.create("http://" + name + ":8000"), "openai-videos", slots, Map.of());
    }

    private static ModelProfile model(String name, Duration jobDeadline, String endpoint) {
        return ModelProfile.builder(name, "1", MediaKind.VIDEO)
                .endpoints(endpoint)
                .jobDeadline(jobDeadline)
                .build();
    }
}
