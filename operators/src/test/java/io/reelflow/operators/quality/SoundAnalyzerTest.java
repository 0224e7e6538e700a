package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.schemas.RenderedVideo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link SoundAnalyzer}, on videos our renderer made over generated sound: a clean one
 * and one with each defect.
 */
class SoundAnalyzerTest {

    @TempDir Path temp;

    private final SoundAnalyzer analyzer = new SoundAnalyzer();

    private List<Finding> analyze(SoundVideos.Made made) throws CancelledException {
        return analyzer.analyze(made.file(), made.video(), Cancellation.none());
    }

    private static List<Finding> failed(List<Finding> findings) {
        return findings.stream().filter(Finding::failed).toList();
    }

    @Test
    void shouldPassANarratedVideoWithMusic() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);

        List<Finding> findings = analyze(videos.narratedWithMusic(videos.speechLike()));

        assertThat(failed(findings)).isEmpty();
        assertThat(findings)
                .filteredOn(f -> f.signal().equals(SoundAnalyzer.SPEECH_MODULATION))
                .extracting(Finding::sceneIndex)
                .containsExactly(0, 1);
        assertThat(findings)
                .filteredOn(f -> f.signal().equals(SoundAnalyzer.INTEGRATED_LOUDNESS))
                .singleElement()
                .satisfies(f -> assertThat(f.value()).isBetween(-17.0, -15.0));
    }

    @Test
    void shouldPassANarrationWithoutMusicDespiteItsPauses() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);

        List<Finding> findings = analyze(videos.narratedOnly(videos.speechLike()));

        assertThat(failed(findings)).isEmpty();
        assertThat(findings)
                .filteredOn(f -> f.signal().equals(SoundAnalyzer.SILENCE_SHARE) && f.isWholeVideo())
                .singleElement()
                .satisfies(f -> assertThat(f.value()).isBetween(0.2, 0.75));
    }

    @Test
    void shouldPassRealSpeechOverMusicAndFlagItsAbsence() throws Exception {
        assumeThat(SoundVideos.speechEngineInstalled()).as("espeak-ng installed").isTrue();
        SoundVideos videos = new SoundVideos(temp);
        List<Path> speech = videos.espeak();

        assertThat(failed(analyze(videos.narratedWithMusic(speech)))).isEmpty();
        assertThat(failed(analyze(videos.narrationMissing(speech))))
                .extracting(Finding::defect, Finding::sceneIndex)
                .containsExactly(
                        tuple(SoundAnalyzer.NO_SPEECH, 0), tuple(SoundAnalyzer.NO_SPEECH, 1));
    }

    @Test
    void shouldFlagEachSceneWhoseNarrationIsNotHeard() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);

        List<Finding> failed = failed(analyze(videos.narrationMissing(videos.speechLike())));

        assertThat(failed)
                .extracting(Finding::defect, Finding::sceneIndex)
                .containsExactly(
                        tuple(SoundAnalyzer.NO_SPEECH, 0), tuple(SoundAnalyzer.NO_SPEECH, 1));
        assertThat(failed.get(0).reason()).startsWith("no speech heard where the narration speaks");
    }

    @Test
    void shouldFlagASilentTrackWhereMusicWasAsked() throws IOException, CancelledException {
        List<Finding> failed = failed(analyze(new SoundVideos(temp).silentWhereMusicAsked()));

        assertThat(failed)
                .extracting(Finding::defect, Finding::sceneIndex)
                .containsExactly(
                        tuple(SoundAnalyzer.SILENT, Finding.WHOLE_VIDEO),
                        tuple(SoundAnalyzer.SILENT, 0),
                        tuple(SoundAnalyzer.SILENT, 1));
        assertThat(failed.get(0).reason())
                .isEqualTo("100% of the sound is silent, at most 75% may be");
    }

    @Test
    void shouldFlagClippedAudio() throws IOException, CancelledException {
        List<Finding> failed = failed(analyze(new SoundVideos(temp).clipped()));

        assertThat(failed)
                .filteredOn(f -> f.defect().equals(SoundAnalyzer.CLIPPED_AUDIO))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.sceneIndex()).isEqualTo(Finding.WHOLE_VIDEO);
                            assertThat(f.value()).isGreaterThan(0.001);
                            assertThat(f.reason()).contains("of the samples are clipped");
                        });
        // Hot enough to clip is also far too loud.
        assertThat(failed)
                .extracting(Finding::defect)
                .contains(SoundAnalyzer.LOUDNESS, SoundAnalyzer.TRUE_PEAK)
                .doesNotContain(SoundAnalyzer.SILENT, SoundAnalyzer.NO_SPEECH);
    }

    @Test
    void shouldFindNothingWithoutSoundWhenNoneWasAsked() throws IOException, CancelledException {
        assertThat(analyze(new SoundVideos(temp).withoutSound())).isEmpty();
    }

    @Test
    void shouldFlagAMissingAudioStreamWhereMusicWasAsked() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);
        SoundVideos.Made made = videos.withoutSound();
        RenderedVideo askedForMusic =
                RenderedVideo.newBuilder(made.video())
                        .setJob(videos.job(true, false, null, SoundVideos.SENTENCES))
                        .build();
        askedForMusic.getSpec().setMusic(true);

        assertThat(analyzer.analyze(made.file(), askedForMusic, Cancellation.none()))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.defect()).isEqualTo(SoundAnalyzer.SILENT);
                            assertThat(f.reason())
                                    .isEqualTo("no audio stream although music was asked for");
                        });
    }

    @Test
    void shouldFlagNarrationAskedForButNeverMade() throws IOException, CancelledException {
        SoundVideos videos = new SoundVideos(temp);
        SoundVideos.Made made =
                videos.render(
                        videos.job(true, false, null, SoundVideos.SENTENCES),
                        videos.mix(videos.music(videos.seconds(), 1), null));
        made.video().getSpec().setNarration(true);

        assertThat(failed(analyze(made)))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.defect()).isEqualTo(SoundAnalyzer.NO_SPEECH);
                            assertThat(f.sceneIndex()).isEqualTo(Finding.WHOLE_VIDEO);
                            assertThat(f.reason())
                                    .startsWith("narration was asked for but none was made");
                        });
    }

    @Test
    void shouldStopOnceCancelled() throws IOException {
        SoundVideos.Made made = new SoundVideos(temp).clipped();
        Cancellation cancellation = Cancellation.none();
        cancellation.cancel();

        assertThatThrownBy(() -> analyzer.analyze(made.file(), made.video(), cancellation))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void shouldReportAnUndecodableFileAsSilent() throws IOException, CancelledException {
        SoundVideos.Made made = new SoundVideos(temp).clipped();
        Path garbage = io.reelflow.operators.render.TestMedia.writeGarbage(temp.resolve("x.mp4"));

        assertThat(analyzer.analyze(garbage, made.video(), Cancellation.none()))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.defect()).isEqualTo(SoundAnalyzer.SILENT);
                            assertThat(f.reason()).startsWith("the sound cannot be decoded");
                        });
    }
}
