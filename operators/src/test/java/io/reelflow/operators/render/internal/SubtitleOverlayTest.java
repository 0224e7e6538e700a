package io.reelflow.operators.render.internal;

import static io.reelflow.operators.render.ScriptSamples.OLD_HUNGARIAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.scene.SubtitleCue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SubtitleOverlay}. */
class SubtitleOverlayTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    private final FontLibrary fonts = FontLibrary.of(List.of(), RenderConfig.DEFAULT_FONT_FAMILIES);

    @Test
    void shouldBurnMixedScriptCuesAndLeaveOutOnlyWhatNoFontHas() {
        List<SubtitleCue> cues =
                List.of(
                        new SubtitleCue(1, 0, 1, List.of("Hello " + OLD_HUNGARIAN), false),
                        new SubtitleCue(2, 1, 2, List.of(OLD_HUNGARIAN), false),
                        new SubtitleCue(3, 2, 3, List.of("नमस्ते 世界", "مرحبا"), false));

        SubtitleOverlay overlay = SubtitleOverlay.of(cues, WIDTH, HEIGHT, 0.05, fonts, "en");

        assertThat(overlay.missingScripts()).containsExactly("Old Hungarian");
        assertThat(changedBytes(overlay, 0.5)).as("Latin left").isGreaterThan(100);
        assertThat(changedBytes(overlay, 1.5)).as("nothing drawable: no box").isZero();
        assertThat(changedBytes(overlay, 2.5)).as("three scripts").isGreaterThan(100);
    }

    @Test
    void shouldReportNothingMissingForCoveredText() {
        List<SubtitleCue> cues = List.of(new SubtitleCue(1, 0, 1, List.of("《静夜思》床前明月光"), false));

        SubtitleOverlay overlay = SubtitleOverlay.of(cues, WIDTH, HEIGHT, 0.05, fonts, "zh");

        assertThat(overlay.missingScripts()).isEmpty();
        assertThat(changedBytes(overlay, 0.5)).isGreaterThan(100);
    }

    /** Bytes of a grey frame that painting the cue at {@code seconds} changes. */
    private static int changedBytes(SubtitleOverlay overlay, double seconds) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        Arrays.fill(canvas.data(), (byte) 128);
        byte[] before = canvas.data().clone();
        overlay.paint(canvas, seconds);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != canvas.data()[i]) {
                changed++;
            }
        }
        return changed;
    }
}
