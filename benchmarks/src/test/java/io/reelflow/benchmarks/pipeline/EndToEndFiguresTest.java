package io.reelflow.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link EndToEndFigures}. */
class EndToEndFiguresTest {

    @Test
    void shouldSummariseEachPhaseOverTheRequestsThatHaveIt() {
        List<Map<String, Long>> requests =
                List.of(
                        Map.of("render", 10L, "endToEndCommitted", 100L),
                        Map.of("render", 30L, "endToEndCommitted", 300L),
                        Map.of("render", 20L));

        Map<String, Map<String, Long>> figures = EndToEndFigures.phasePercentiles(requests);

        assertThat(figures.get("render"))
                .containsEntry("count", 3L)
                .containsEntry("p50", 20L)
                .containsEntry("p95", 30L);
        assertThat(figures.get("endToEndCommitted"))
                .containsEntry("count", 2L)
                .containsEntry("p50", 100L);
        assertThat(figures.get("quality")).containsExactly(Map.entry("count", 0L));
        assertThat(figures.keySet()).startsWith("admission").endsWith("endToEndCommitted");
    }

    @Test
    void shouldGiveVideosPerHourPerCore() {
        // 6 videos in 10 minutes on 2 cores: 36 an hour, 18 per core.
        assertThat(EndToEndFigures.videosPerHourPerCore(6, 600_000, 2)).isEqualTo(18.0);
        assertThat(EndToEndFigures.videosPerHourPerCore(6, 0, 2)).isZero();
    }

    @Test
    void shouldCountSamplesWhereAStageQueuedWhileTheCoresHadRoom() {
        List<EndToEndFigures.LoadSample> samples =
                List.of(
                        // render queues, but the cores are full: the machine is the limit.
                        new EndToEndFigures.LoadSample(
                                Map.of(
                                        "render",
                                        new double[] {900, 0},
                                        "plan",
                                        new double[] {0, 800}),
                                0.95),
                        // plan queues and the cores idle: the pipeline wastes the machine.
                        new EndToEndFigures.LoadSample(
                                Map.of(
                                        "render",
                                        new double[] {300, 0},
                                        "plan",
                                        new double[] {0, 600}),
                                0.40),
                        new EndToEndFigures.LoadSample(
                                Map.of(
                                        "render",
                                        new double[] {0, 0},
                                        "plan",
                                        new double[] {100, 0}),
                                0.10));

        Map<String, Object> load = EndToEndFigures.stageLoad(samples);

        assertThat(load)
                .containsEntry("samples", 3)
                .containsEntry("samplesQueuedWhileCoresHadRoom", 1);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> stages =
                (Map<String, Map<String, Long>>) load.get("meanPerStage");
        assertThat(stages.get("render")).containsEntry("busyMsPerSecond", 400L);
        assertThat(stages.get("plan")).containsEntry("backPressuredMsPerSecond", 467L);
        assertThat((List<?>) load.get("examples"))
                .singleElement()
                .asString()
                .contains("plan", "40 %");
    }
}
