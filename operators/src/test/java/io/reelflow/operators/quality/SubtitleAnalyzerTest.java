package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.render.BurnedSubtitles;
import io.reelflow.operators.scene.SubtitleCue;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link SubtitleAnalyzer}, on videos our renderer made and on laid-out cues. */
class SubtitleAnalyzerTest {

    /** About 300 characters: far too much to read in a 4 s scene. */
    private static final String FLOOD =
            "The harbour master counts every boat that leaves, writes its name, its crew, its"
                    + " catch of yesterday and the weather it met in a ledger older than the town,"
                    + " and on quiet evenings reads the pages aloud to the gulls, who listen,"
                    + " or seem to, while the lamps come on one by one along the quay.";

    @TempDir Path temp;

    private final SubtitleAnalyzer analyzer = new SubtitleAnalyzer();

    private static List<Finding> failed(List<Finding> findings) {
        return findings.stream().filter(Finding::failed).toList();
    }

    @Test
    void shouldPassReadableSubtitlesOfANarratedVideo() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);
        SoundVideos.Made made = videos.narratedWithMusic(videos.speechLike());

        List<Finding> findings = analyzer.analyze(made.file(), made.video(), Cancellation.none());

        assertThat(failed(findings)).isEmpty();
        assertThat(findings)
                .extracting(Finding::signal, Finding::sceneIndex)
                .contains(
                        tuple(SubtitleAnalyzer.READING_PACE, 0),
                        tuple(SubtitleAnalyzer.READING_PACE, 1),
                        tuple(SubtitleAnalyzer.CONTRAST, 0),
                        tuple(SubtitleAnalyzer.CONTRAST, 1),
                        tuple(SubtitleAnalyzer.SAFE_MARGIN, 0),
                        tuple(SubtitleAnalyzer.LINES, 1));
        // White text on the dark box: far above WCAG's 4.5:1.
        assertThat(findings)
                .filteredOn(f -> f.signal().equals(SubtitleAnalyzer.CONTRAST))
                .allSatisfy(f -> assertThat(f.value()).isGreaterThan(6));
    }

    @Test
    void shouldFlagTheSceneWhoseSubtitlesGoFarTooFast() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);
        RenderJob job =
                videos.job(false, false, null, List.of(SoundVideos.SENTENCES.get(0), FLOOD));
        SoundVideos.Made made = videos.render(job, null);

        List<Finding> failed =
                failed(analyzer.analyze(made.file(), made.video(), Cancellation.none()));

        assertThat(failed)
                .extracting(Finding::defect, Finding::sceneIndex, Finding::signal)
                .containsExactly(
                        tuple(
                                SubtitleAnalyzer.UNREADABLE_SUBTITLES,
                                1,
                                SubtitleAnalyzer.READING_PACE));
        assertThat(failed.get(0).value()).isGreaterThan(2);
        assertThat(failed.get(0).reason())
                .startsWith("a subtitle needs ")
                .contains("times too fast; at most 1.5 times is readable");
    }

    @Test
    void shouldFlagSubtitlesThatAreNotInThePicture() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);
        RenderJob job = videos.job(false, false, null, SoundVideos.SENTENCES);
        job.getSpec().setSubtitles(false);
        SoundVideos.Made made = videos.render(job, null);
        RenderedVideo claimed = RenderedVideo.newBuilder(made.video()).build();
        claimed.getSpec().setSubtitles(true);

        List<Finding> all = analyzer.analyze(made.file(), claimed, Cancellation.none());
        System.out.println(
                "ALL " + all + " " + claimed.getSpec() + " " + claimed.getJob().getSpec());
        List<Finding> failed = failed(all);

        assertThat(failed)
                .extracting(Finding::signal, Finding::sceneIndex)
                .containsExactly(
                        tuple(SubtitleAnalyzer.CONTRAST, 0), tuple(SubtitleAnalyzer.CONTRAST, 1));
        assertThat(failed.get(0).reason()).startsWith("subtitle text contrast is 1.");
    }

    @Test
    void shouldFindNothingWhenSubtitlesAreOff() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);
        RenderJob job = videos.job(false, false, null, List.of(FLOOD, FLOOD));
        job.getSpec().setSubtitles(false);
        SoundVideos.Made made = videos.render(job, null);

        assertThat(analyzer.analyze(made.file(), made.video(), Cancellation.none())).isEmpty();
    }

    @Test
    void shouldFlagCuesOfTooManyLinesOrOutsideTheTitleSafeArea() {
        SubtitleCue three = new SubtitleCue(1, 0, 4, List.of("one", "two", "three"), false);
        SubtitleCue wide = new SubtitleCue(2, 4, 8, List.of("wide"), false);
        List<BurnedSubtitles.Cue> cues =
                List.of(
                        new BurnedSubtitles.Cue(
                                0,
                                three,
                                new Rectangle(100, 120, 120, 50),
                                new Rectangle(110, 125, 100, 40),
                                3),
                        new BurnedSubtitles.Cue(
                                1,
                                wide,
                                new Rectangle(0, 140, 320, 30),
                                new Rectangle(4, 145, 312, 20),
                                1));

        List<Finding> failed = failed(analyzer.judge(cues, 320, 180));

        assertThat(failed)
                .extracting(Finding::signal, Finding::sceneIndex, Finding::reason)
                .containsExactly(
                        tuple(
                                SubtitleAnalyzer.LINES,
                                0,
                                "a subtitle of 3 lines, readable is at most 2"),
                        tuple(
                                SubtitleAnalyzer.SAFE_MARGIN,
                                1,
                                "subtitle text comes 1.3% from the frame's edge, outside"
                                        + " the title-safe area (5.0%)"));
    }
}
