package io.reelflow.operators.quality;

import static io.reelflow.operators.render.TestMedia.FPS;
import static io.reelflow.operators.render.TestMedia.GREY;
import static io.reelflow.operators.render.TestMedia.HEIGHT;
import static io.reelflow.operators.render.TestMedia.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.ImageTextScorer;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link RelevanceAnalyzer}. */
class RelevanceAnalyzerTest {

    private static SentenceEmbedder embedder;

    @TempDir Path temp;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.acquire();
    }

    @AfterAll
    static void release() {
        embedder.close();
    }

    private final RelevanceAnalyzer analyzer =
            new RelevanceAnalyzer(embedder, RelevanceThresholds.defaults(), null);

    @Test
    void shouldPassAPhotoWhoseDescriptionMatchesThePrompt() throws CancelledException {
        RenderedVideo video =
                video(
                        stock(
                                0,
                                "A dog runs along a sandy beach by the sea",
                                "A dog runs on the beach.",
                                "a dog running on a sandy beach, golden light"));

        List<Finding> findings = analyzer.analyze(temp.resolve("unused.mp4"), video, none());

        assertThat(findings)
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.signal()).isEqualTo(RelevanceAnalyzer.SIGNAL);
                            assertThat(finding.sceneIndex()).isZero();
                            assertThat(finding.failed()).isFalse();
                            assertThat(finding.value()).isGreaterThan(0.5);
                        });
    }

    @Test
    void shouldCompareTheEnglishPromptWhenTheTextIsInAnotherLanguage() throws CancelledException {
        RenderedVideo video =
                video(
                        stock(
                                0,
                                "A dog runs along a sandy beach by the sea",
                                "Ein Hund rennt am Strand entlang.",
                                "a dog running on a sandy beach, golden light"));
        video.getJob().setLanguage("de");
        RenderedVideo english =
                video(
                        stock(
                                0,
                                "A dog runs along a sandy beach by the sea",
                                "Ein Hund rennt am Strand entlang.",
                                "a dog running on a sandy beach"));

        Finding fromPrompt = analyzer.analyze(temp.resolve("u.mp4"), video, none()).get(0);
        Finding fromGerman = analyzer.analyze(temp.resolve("u.mp4"), english, none()).get(0);

        assertThat(fromPrompt.failed()).isFalse();
        // read as English, the German words would be compared, and score lower
        assertThat(fromPrompt.value()).isGreaterThan(fromGerman.value());
    }

    @Test
    void shouldFailAPhotoThatShowsSomethingElseAndSayWhy() throws CancelledException {
        RenderedVideo video =
                video(
                        stock(0, "Snow-covered mountains at dawn", "Mountains.", "snowy peaks"),
                        stock(1, "a red sports car", "A dog on a beach.", "a dog on a beach"));

        List<Finding> findings = analyzer.analyze(temp.resolve("unused.mp4"), video, none());

        assertThat(findings).hasSize(2);
        Finding failed = findings.get(1);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.sceneIndex()).isEqualTo(1);
        assertThat(failed.defect()).isEqualTo(RelevanceAnalyzer.DEFECT);
        assertThat(failed.value()).isLessThan(RelevanceThresholds.DEFAULT_MIN_SIMILARITY);
        assertThat(failed.reason())
                .startsWith(
                        "the picture ('a red sports car') does not match the text ('A dog"
                                + " on a beach.'): relevance ")
                .endsWith(", at least 0.30 needed");
    }

    @Test
    void shouldNotJudgeTitleCardsGeneratedScenesOrPhotosWithoutDescription()
            throws CancelledException {
        RenderedVideo video =
                video(
                        clip(0, ClipSource.TITLE_CARD, null, "a dog on a beach"),
                        clip(1, ClipSource.GENERATED, null, "a dog on a beach"),
                        stock(2, null, "A dog.", "a dog on a beach"));

        assertThat(analyzer.analyze(temp.resolve("unused.mp4"), video, none())).isEmpty();
    }

    @Test
    void shouldScoreAMidSceneFrameWithAnImageTextModel() throws Exception {
        Path file =
                TestMedia.writeSolidClip(
                        temp.resolve("two-scenes.mp4"), WIDTH, HEIGHT, FPS, 4 * FPS, i -> GREY);
        List<String> texts = new ArrayList<>();
        ImageTextScorer model =
                new ImageTextScorer() {
                    @Override
                    public double score(byte[] jpeg, String text) {
                        // a JPEG starts with the SOI marker
                        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
                        texts.add(text);
                        return text.contains("dog") ? 0.31 : 0.12;
                    }

                    @Override
                    public String model() {
                        return "clip-test";
                    }
                };
        RelevanceAnalyzer withModel =
                new RelevanceAnalyzer(embedder, RelevanceThresholds.defaults(), model);
        RenderedVideo video =
                video(
                        clip(
                                0,
                                ClipSource.GENERATED,
                                null,
                                "a dog, wide shot",
                                "A dog on a beach."),
                        clip(
                                1,
                                ClipSource.GENERATED,
                                null,
                                "a car, wide shot",
                                "A red sports car."));

        List<Finding> findings = withModel.analyze(file, video, none());

        assertThat(texts).containsExactly("A dog on a beach.", "A red sports car.");
        assertThat(findings)
                .extracting(Finding::signal, Finding::sceneIndex, Finding::failed)
                .containsExactly(
                        tuple(RelevanceAnalyzer.IMAGE_TEXT_SIGNAL, 0, false),
                        tuple(RelevanceAnalyzer.IMAGE_TEXT_SIGNAL, 1, true));
        assertThat(findings.get(1).reason())
                .contains("the picture (as clip-test sees it) does not match")
                .contains("relevance 0.12, at least 0.20 needed");
    }

    @Test
    void shouldFallBackToTheDescriptionWhenTheImageTextModelFails() throws Exception {
        Path file =
                TestMedia.writeSolidClip(
                        temp.resolve("one-scene.mp4"), WIDTH, HEIGHT, FPS, 2 * FPS, i -> GREY);
        ImageTextScorer broken =
                new ImageTextScorer() {
                    @Override
                    public double score(byte[] jpeg, String text) throws IOException {
                        throw new IOException("connection refused");
                    }

                    @Override
                    public String model() {
                        return "clip-down";
                    }
                };
        RelevanceAnalyzer withModel =
                new RelevanceAnalyzer(embedder, RelevanceThresholds.defaults(), broken);
        RenderedVideo video = video(stock(0, "a red sports car", "A dog.", "a dog on a beach"));

        List<Finding> findings = withModel.analyze(file, video, none());

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.signal()).isEqualTo(RelevanceAnalyzer.SIGNAL));
    }

    @Test
    void shouldStopWhenCancelled() {
        Cancellation cancellation = none();
        cancellation.cancel();
        RenderedVideo video = video(stock(0, "a red sports car", "A dog.", "a dog"));

        assertThatThrownBy(() -> analyzer.analyze(temp.resolve("x.mp4"), video, cancellation))
                .isInstanceOf(CancelledException.class);
    }

    private static Cancellation none() {
        return Cancellation.none();
    }

    private static SceneClip stock(int index, String description, String text, String prompt) {
        return clip(index, ClipSource.STOCK_PHOTO, description, prompt, text);
    }

    private static SceneClip clip(int index, ClipSource source, String description, String prompt) {
        return clip(index, source, description, prompt, "Scene " + index + ".");
    }

    private static SceneClip clip(
            int index, ClipSource source, String description, String prompt, String text) {
        Scene scene = Fixtures.scene(index, 2.0 * index, 2.0 * (index + 1), prompt, List.of());
        scene.setText(text);
        return SceneClip.newBuilder()
                .setRequestId("r")
                .setRunId("run")
                .setSceneCount(1)
                .setScene(scene)
                .setSource(source)
                .setMediaUri(source == ClipSource.TITLE_CARD ? null : "s3://b/" + index)
                .setAssetDescription(description)
                .build();
    }

    private static RenderedVideo video(SceneClip... clips) {
        return RenderedVideo.newBuilder()
                .setRequestId("r")
                .setRunId("run")
                .setLanguage("en")
                .setSpec(Fixtures.spec(2.0 * clips.length))
                .setDurationSeconds(2.0 * clips.length)
                .setWidth(WIDTH)
                .setHeight(HEIGHT)
                .setSceneCount(clips.length)
                .setJob(
                        RenderJob.newBuilder()
                                .setRequestId("r")
                                .setRunId("run")
                                .setLanguage("en")
                                .setSpec(Fixtures.spec(2.0 * clips.length))
                                .setClips(List.of(clips))
                                .build())
                .build();
    }
}
