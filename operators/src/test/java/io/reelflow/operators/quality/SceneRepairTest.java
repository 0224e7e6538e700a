package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.render.Renderer;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneQuality;
import io.reelflow.schemas.ScoredVideo;
import io.reelflow.schemas.VideoResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link SceneRepair}. */
class SceneRepairTest {
    private static final String REQUEST_ID = "req-1";
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path temp;

    private DirectoryObjectStore store;
    private ScriptedRenderer renderer;
    private ScriptedScorer scorer;
    private SceneRepair repair;

    @BeforeEach
    void setUp() {
        store = new DirectoryObjectStore(temp.resolve("store"));
        renderer = new ScriptedRenderer();
        scorer = new ScriptedScorer();
        repair = new SceneRepair(store, renderer, scorer, CLOCK);
    }

    @Test
    void shouldRepairOnceAndCompleteWhenTheRepairedVideoPasses() throws Exception {
        RenderedVideo first =
                firstVideo(stock(0, "a0", List.of()), stock(1, "a1", alts("a0", "b1", "c1")));
        scorer.reports.add(passing());

        VideoResult result =
                repair.resultOf(scored(first, failing(scene(1, "BLACK"))), Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(result.getQuality().getRepairedScenes()).containsExactly(1);
        assertThat(result.getQuality().getReasons())
                .containsExactly("scene 1 (black): replaced by the next-best catalog asset b1");
        assertThat(renderer.jobs).hasSize(1);
        assertThat(renderer.objectNames).containsExactly(SceneRepair.repairObjectName(REQUEST_ID));
        SceneClip swapped = renderer.jobs.get(0).getClips().get(1);
        assertThat(swapped.getMediaUri())
                .as("a0 is shown in scene 0 already, so b1 is the first unused alternative")
                .isEqualTo(uri("b1"));
        assertThat(swapped.getCredit().getAssetId()).isEqualTo("b1");
        assertThat(renderer.jobs.get(0).getClips().get(0))
                .isEqualTo(first.getJob().getClips().get(0));
        assertThat(scorer.calls).as("only the repaired video is scored here").isOne();
        assertThat(result.getVideoUri())
                .isEqualTo(store.uriOf(Renderer.videoKey(Fixtures.RUN_ID, "req-1.repaired")));
        for (String key : Renderer.objectKeys(Fixtures.RUN_ID, REQUEST_ID)) {
            assertThat(store.find(key)).as("the first video's %s is deleted", key).isEmpty();
        }
    }

    @Test
    void shouldBeDegradedWithTheReasonsWhenTheRepairedVideoStillFails() throws Exception {
        RenderedVideo first = firstVideo(stock(0, "a0", List.of()), stock(1, "a1", alts("b1")));
        scorer.reports.add(failing(scene(1, "BLURRED")));
        scorer.reports.add(passing());

        VideoResult result =
                repair.resultOf(scored(first, failing(scene(1, "BLACK"))), Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getError())
                .contains("scene 1 (black): replaced by the next-best catalog asset b1")
                .contains("scene 1 is blurred");
        assertThat(result.getQuality().getPassed()).isFalse();
        assertThat(result.getQuality().getRepairedScenes()).containsExactly(1);
        assertThat(renderer.jobs).as("never a second repair").hasSize(1);
        assertThat(scorer.calls).isOne();
        assertThat(scorer.reports).as("the second scripted report is never asked for").hasSize(1);
    }

    @Test
    void shouldBeDegradedWithoutRenderingWhenNoUnusedAlternativeIsLeft() throws Exception {
        RenderedVideo first = firstVideo(stock(0, "a0", List.of()), stock(1, "a1", alts("a0")));

        VideoResult result =
                repair.resultOf(scored(first, failing(scene(1, "FROZEN"))), Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getError())
                .startsWith("scene 1 (frozen): not repaired, no unused alternative asset")
                .contains("scene 1 is frozen");
        assertThat(result.getQuality().getRepairedScenes()).isEmpty();
        assertThat(renderer.jobs).isEmpty();
        assertThat(scorer.calls).isZero();
        assertThat(result.getVideoUri()).isEqualTo(first.getVideoUri());
        assertThat(store.find(Renderer.videoKey(Fixtures.RUN_ID, REQUEST_ID))).isPresent();
    }

    @Test
    void shouldFallBackFromAGeneratedSceneToItsBestStockAlternativeAndSaySo() throws Exception {
        SceneClip generated =
                SceneClip.newBuilder(stock(1, "gen", alts("b1", "c1")))
                        .setSource(ClipSource.GENERATED)
                        .setCredit(null)
                        .build();
        RenderedVideo first = firstVideo(stock(0, "a0", List.of()), generated);
        scorer.reports.add(passing());

        VideoResult result =
                repair.resultOf(
                        scored(first, failing(scene(1, "IRRELEVANT"))), Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(result.getQuality().getReasons())
                .containsExactly(
                        "scene 1 (irrelevant): generated media replaced by its best stock"
                                + " alternative, catalog asset b1");
        SceneClip swapped = renderer.jobs.get(0).getClips().get(1);
        assertThat(swapped.getSource()).isEqualTo(ClipSource.STOCK_PHOTO);
        assertThat(swapped.getNote())
                .isEqualTo(
                        "repaired (irrelevant): generated media replaced by its best stock"
                                + " alternative, catalog asset b1");
        assertThat(swapped.getAlternatives())
                .extracting(AssetMatch::getAssetId)
                .containsExactly("c1");
    }

    @Test
    void shouldNotGiveOneAlternativeToTwoScenes() throws Exception {
        RenderedVideo first =
                firstVideo(stock(0, "a0", alts("b", "c")), stock(1, "a1", alts("b", "d")));
        scorer.reports.add(passing());

        VideoResult result =
                repair.resultOf(
                        scored(first, failing(scene(0, "BLACK"), scene(1, "BLACK"))),
                        Cancellation.none());

        assertThat(result.getQuality().getRepairedScenes()).containsExactly(0, 1);
        assertThat(renderer.jobs.get(0).getClips())
                .extracting(SceneClip::getMediaUri)
                .containsExactly(uri("b"), uri("d"));
    }

    @Test
    void shouldKeepAVideoThatPassedAsItIs() throws Exception {
        RenderedVideo first = firstVideo(stock(0, "a0", alts("b0")));

        VideoResult result = repair.resultOf(scored(first, passing()), Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(result.getVideoUri()).isEqualTo(first.getVideoUri());
        assertThat(renderer.jobs).isEmpty();
        assertThat(scorer.calls).isZero();
    }

    @Test
    void shouldLeaveFailuresAnotherPictureCannotFixDegradedWithoutReRendering() throws Exception {
        RenderedVideo first = firstVideo(stock(0, "a0", alts("b0")));

        VideoResult result =
                repair.resultOf(
                        scored(first, failing(scene(0, "UNREADABLE_SUBTITLES"))),
                        Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getVideoUri()).isEqualTo(first.getVideoUri());
        assertThat(renderer.jobs).isEmpty();
    }

    @Test
    void shouldKeepTheFirstVideoWhenTheReRenderFails() throws Exception {
        RenderedVideo first = firstVideo(stock(0, "a0", alts("b0")));
        renderer.failure = new IOException("encoder exploded");

        VideoResult result =
                repair.resultOf(scored(first, failing(scene(0, "BLACK"))), Cancellation.none());

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getError())
                .contains("re-rendering the repaired scenes failed: encoder exploded");
        assertThat(result.getVideoUri()).isEqualTo(first.getVideoUri());
        assertThat(store.find(Renderer.videoKey(Fixtures.RUN_ID, REQUEST_ID))).isPresent();
        assertThat(renderer.jobs).hasSize(1);
    }

    @Test
    void shouldAnswerATimedOutRepairWithTheFirstVideoDegraded() throws Exception {
        RenderedVideo first = firstVideo(stock(0, "a0", alts("b0")));

        VideoResult result =
                repair.withoutRepair(
                        scored(first, failing(scene(0, "BLACK"))), "the repair timed out");

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getError()).endsWith("the repair timed out");
        assertThat(result.getVideoUri()).isEqualTo(first.getVideoUri());
    }

    @Test
    void shouldFailAVideoThatWasNotRenderedOrNotScored() {
        RenderedVideo first = firstVideo(stock(0, "a0", alts("b0")));

        VideoResult unscored =
                repair.withoutRepair(
                        ScoredVideo.newBuilder()
                                .setVideo(first)
                                .setScoringError("quality scoring timed out")
                                .build(),
                        "unused");

        assertThat(unscored.getStatus()).isEqualTo(ResultStatus.FAILED);
        assertThat(unscored.getError()).isEqualTo("quality scoring timed out");
    }

    /** A stored first video of {@code clips}, rendered from them. */
    private RenderedVideo firstVideo(SceneClip... clips) {
        ScenePlan plan = Fixtures.plan(REQUEST_ID, clips.length);
        RenderJob job =
                RenderJob.newBuilder()
                        .setRequestId(REQUEST_ID)
                        .setRunId(Fixtures.RUN_ID)
                        .setLanguage("en")
                        .setSpec(plan.getSpec())
                        .setClips(List.of(clips))
                        .build();
        return renderer.video(job, REQUEST_ID);
    }

    private static SceneClip stock(int index, String assetId, List<AssetMatch> alternatives) {
        ScenePlan plan = Fixtures.plan(REQUEST_ID, index + 1);
        return SceneClip.newBuilder(Fixtures.clip(plan, index))
                .setSource(ClipSource.STOCK_PHOTO)
                .setMediaUri(uri(assetId))
                .setCredit(credit(assetId))
                .setAlternatives(alternatives)
                .build();
    }

    private static List<AssetMatch> alts(String... assetIds) {
        List<AssetMatch> matches = new ArrayList<>();
        double score = 0.9;
        for (String id : assetIds) {
            matches.add(
                    AssetMatch.newBuilder()
                            .setAssetId(id)
                            .setUri(uri(id))
                            .setKind(AssetKind.PHOTO)
                            .setScore(score -= 0.1)
                            .setCredit(credit(id))
                            .build());
        }
        return matches;
    }

    private static String uri(String assetId) {
        return "s3://bucket/assets/" + assetId + ".jpg";
    }

    private static Credit credit(String assetId) {
        return Credit.newBuilder().setAssetId(assetId).setUri(uri(assetId)).build();
    }

    private static SceneQuality scene(int index, String defect) {
        return SceneQuality.newBuilder()
                .setIndex(index)
                .setStartSeconds(2.0 * index)
                .setEndSeconds(2.0 * (index + 1))
                .setScore(20)
                .setPassed(false)
                .setReasons(List.of("scene " + index + " is " + defect.toLowerCase()))
                .setDefects(List.of(defect))
                .setSignals(Map.of())
                .build();
    }

    private static QualityReport failing(SceneQuality... scenes) {
        List<String> reasons = new ArrayList<>();
        for (SceneQuality scene : scenes) {
            reasons.addAll(scene.getReasons());
        }
        return QualityReport.newBuilder()
                .setScore(60)
                .setPassed(false)
                .setReasons(reasons)
                .setScenes(List.of(scenes))
                .build();
    }

    private static QualityReport passing() {
        return QualityReport.newBuilder().setScore(97).setPassed(true).build();
    }

    private static ScoredVideo scored(RenderedVideo video, QualityReport report) {
        return ScoredVideo.newBuilder().setVideo(video).setReport(report).build();
    }

    /** Stores a small file per object as a render would, and remembers what it was asked. */
    private final class ScriptedRenderer implements SceneRepair.Rerender {
        final List<RenderJob> jobs = new ArrayList<>();
        final List<String> objectNames = new ArrayList<>();
        IOException failure;

        @Override
        public RenderedVideo render(RenderJob job, String objectName, Cancellation cancellation)
                throws IOException {
            jobs.add(job);
            objectNames.add(objectName);
            if (failure != null) {
                throw failure;
            }
            return video(job, objectName);
        }

        RenderedVideo video(RenderJob job, String objectName) {
            try {
                Path file = Files.writeString(temp.resolve(objectName + ".bin"), objectName);
                String videoUri = null;
                for (String key : Renderer.objectKeys(job.getRunId(), objectName)) {
                    String stored = store.put(key, file, "application/octet-stream");
                    videoUri = videoUri == null ? stored : videoUri;
                }
                return RenderedVideo.newBuilder()
                        .setRequestId(job.getRequestId())
                        .setRunId(job.getRunId())
                        .setLanguage(job.getLanguage())
                        .setSpec(job.getSpec())
                        .setVideoUri(videoUri)
                        .setDurationSeconds(job.getSpec().getTargetDurationSeconds())
                        .setWidth(job.getSpec().getWidth())
                        .setHeight(job.getSpec().getHeight())
                        .setSceneCount(job.getClips().size())
                        .setJob(job)
                        .build();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Answers with the reports it is given, in order, and counts the calls. */
    private static final class ScriptedScorer implements VideoScorer {
        final Deque<QualityReport> reports = new ArrayDeque<>();
        int calls;

        @Override
        public QualityReport score(Path file, RenderedVideo video, Cancellation cancellation) {
            calls++;
            assertThat(file).exists();
            return reports.removeFirst();
        }
    }
}
