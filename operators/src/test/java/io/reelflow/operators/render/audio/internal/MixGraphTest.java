package io.reelflow.operators.render.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.operators.render.audio.Loudness;
import io.reelflow.operators.render.audio.internal.MixGraph.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link MixGraph}. */
class MixGraphTest {

    private static final int RATE = 48_000;

    private static final AudioPlan PLAN = AudioPlan.of(10);

    @Test
    void shouldDuckMusicUnderNarrationWithASidechain() {
        String graph =
                new MixGraph(PLAN, List.of(Role.MUSIC, Role.NARRATION), 480_000, RATE).measuring();

        assertThat(graph)
                .startsWith("[0:a]apad=whole_len=480000,atrim=end_sample=480000,volume=-6.00dB")
                .contains("[1:a]apad=whole_len=480000,atrim=end_sample=480000,asplit=2[voice][key]")
                // 25% of the music passes uncompressed: at most 12 dB of ducking.
                .contains("[music][key]sidechaincompress=", ":mix=0.7488[bed]")
                .contains("[bed][voice]amix=inputs=2:duration=longest:normalize=0")
                .endsWith(",ebur128=metadata=1[a]");
    }

    @Test
    void shouldUseTheSingleInputLabelsForOneInput() {
        String music = new MixGraph(PLAN, List.of(Role.MUSIC), 480_000, RATE).measuring();
        String voice = new MixGraph(PLAN, List.of(Role.NARRATION), 480_000, RATE).measuring();

        assertThat(music).startsWith("[in]").endsWith("[out]").doesNotContain("sidechain");
        assertThat(voice).startsWith("[in]").endsWith("[out]").doesNotContain("volume");
    }

    @Test
    void shouldFadeBothEndsInSamples() {
        String graph =
                new MixGraph(PLAN.withFades(0.5, 2), List.of(Role.MUSIC), 480_000, RATE)
                        .measuring();

        assertThat(graph).contains(",afade=t=in:ss=0:ns=24000,afade=t=out:ss=384000:ns=96000,");
        assertThat(new MixGraph(PLAN.withFades(0, 0), List.of(Role.MUSIC), 480_000, RATE).mix())
                .doesNotContain("afade");
    }

    @Test
    void shouldNormaliseWithTheMeasuredValues() {
        MixGraph graph = new MixGraph(PLAN, List.of(Role.MUSIC), 480_000, RATE);

        String normalising = graph.normalising(new Loudness(-23.4, -9.2, 3.1));

        assertThat(normalising)
                .contains(
                        "loudnorm=I=-16.00:TP=-1.50:LRA=50.0:measured_I=-23.40:measured_TP=-9.20"
                                + ":measured_LRA=3.10:measured_thresh=-33.40:linear=true")
                .contains(",aresample=48000,apad=whole_len=480000,atrim=end_sample=480000,")
                .endsWith("ebur128=metadata=1,aformat=sample_fmts=s16[out]");
    }

    @Test
    void shouldNotNormaliseSilence() {
        MixGraph graph = new MixGraph(PLAN, List.of(Role.MUSIC), 480_000, RATE);

        assertThat(graph.normalising(Loudness.SILENT)).doesNotContain("loudnorm").contains("anull");
        assertThat(graph.linearGain(Loudness.SILENT)).isFalse();
    }

    @Test
    void shouldPassAZeroRangeAsMeasuredToLoudnorm() {
        // loudnorm reads a range of exactly 0 as "not measured" and would leave linear mode.
        String normalising =
                new MixGraph(PLAN, List.of(Role.MUSIC), 480_000, RATE)
                        .normalising(new Loudness(-20, -10, 0));

        assertThat(normalising).contains(":measured_LRA=0.01:");
    }

    @Test
    void shouldApplyOneGainOnlyWhenPeaksStayUnderTheLimit() {
        MixGraph graph = new MixGraph(PLAN, List.of(Role.MUSIC), 480_000, RATE);

        // +4 dB of gain: a -6 dBTP peak becomes -2, under -1.5.
        assertThat(graph.linearGain(new Loudness(-20, -6, 5))).isTrue();
        // +4 dB of gain: a -5 dBTP peak would become -1, over -1.5.
        assertThat(graph.linearGain(new Loudness(-20, -5, 5))).isFalse();
    }

    @Test
    void shouldRejectAMixWithoutOrWithRepeatedInputs() {
        assertThatThrownBy(() -> new MixGraph(PLAN, List.of(), 480_000, RATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one music and/or one narration");
        assertThatThrownBy(() -> new MixGraph(PLAN, List.of(Role.MUSIC, Role.MUSIC), 480_000, RATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one music and/or one narration");
    }
}
