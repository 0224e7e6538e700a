package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.reelflow.operators.common.Cancellation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link SoundAnalyzer} and {@link SubtitleAnalyzer} on a clean 60 s 720p video with
 * music and narration (15 scenes), and the CPU they spend on it, printed as JSON. Rendering the
 * video takes minutes on two cores, so it runs only when asked for: {@code
 * -Dreelflow.qualityCost=true}. The figure is the process's CPU time (FFmpeg's decoder threads
 * included), the best of three runs after one to warm up.
 */
@EnabledIfSystemProperty(named = "reelflow.qualityCost", matches = "true")
class SoundAndSubtitleCostTest {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir Path temp;

    @Test
    void shouldPassACleanMinuteOf720pAndReportTheCpuItTakes() throws Exception {
        SoundVideos videos = new SoundVideos(temp, 1280, 720, 15);
        SoundVideos.Made made = videos.narratedWithMusic(videos.speechLike());
        SoundAnalyzer sound = new SoundAnalyzer();
        SubtitleAnalyzer subtitles = new SubtitleAnalyzer();

        List<Finding> findings = new ArrayList<>();
        long soundNanos = Long.MAX_VALUE;
        long subtitleNanos = Long.MAX_VALUE;
        for (int run = 0; run < 4; run++) {
            findings.clear();
            long start = OS.getProcessCpuTime();
            findings.addAll(sound.analyze(made.file(), made.video(), Cancellation.none()));
            long middle = OS.getProcessCpuTime();
            findings.addAll(subtitles.analyze(made.file(), made.video(), Cancellation.none()));
            long end = OS.getProcessCpuTime();
            if (run > 0) {
                soundNanos = Math.min(soundNanos, middle - start);
                subtitleNanos = Math.min(subtitleNanos, end - middle);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "{\"video\": \"60 s 1280x720 25 fps, music + narration, 15 scenes\","
                        + " \"soundCpuSeconds\": %.3f, \"subtitlesCpuSeconds\": %.3f,"
                        + " \"totalCpuSeconds\": %.3f, \"durationSeconds\": %.2f}%n",
                soundNanos / 1e9,
                subtitleNanos / 1e9,
                (soundNanos + subtitleNanos) / 1e9,
                made.video().getDurationSeconds());

        assertThat(findings.stream().filter(Finding::failed)).isEmpty();
        assertThat(findings)
                .filteredOn(f -> f.signal().equals(SoundAnalyzer.SPEECH_MODULATION))
                .hasSize(15);
    }
}
