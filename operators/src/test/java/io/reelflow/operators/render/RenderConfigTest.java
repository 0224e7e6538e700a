package io.reelflow.operators.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link RenderConfig}. */
class RenderConfigTest {

    @Test
    void shouldHaveDocumentedDefaults() {
        RenderConfig config = RenderConfig.defaults();

        assertThat(config.encoder()).isEqualTo(VideoEncoder.AUTO);
        assertThat(config.x264Preset()).isEqualTo("superfast");
        assertThat(config.x264Params()).isEqualTo("mbtree=1:rc-lookahead=10");
        assertThat(config.crf()).isEqualTo(23);
        assertThat(config.encoderThreads()).isEqualTo(2);
        assertThat(config.subtitleSizeRatio()).isEqualTo(0.05);
        assertThat(config.fontPaths()).isEmpty();
        assertThat(config.fontFamilies()).containsExactly("Roboto", "Noto Sans");
        assertThat(config.fonts()).isEqualTo(new RenderFonts(List.of(), config.fontFamilies()));
        assertThat(config.framesInFlight()).isEqualTo(3);
        assertThat(config.composeThreads()).isEqualTo(2);
        assertThat(config.contactSheetColumns()).isEqualTo(4);
        assertThat(config.contactSheetTileWidth()).isEqualTo(320);
        assertThat(config.resolveWorkDirectory())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "reelflow-render"));
    }

    @Test
    void shouldChangeOneSettingAtATime() {
        RenderConfig config =
                RenderConfig.defaults()
                        .withWorkDirectory(Path.of("renders"))
                        .withEncoder(VideoEncoder.LIBX264)
                        .withX264Preset("medium")
                        .withX264Params("ref=2:partitions=i8x8,i4x4")
                        .withCrf(20)
                        .withEncoderThreads(4)
                        .withSubtitleSizeRatio(0.06)
                        .withFonts(List.of("fonts"), List.of("DejaVu Sans"))
                        .withFramesInFlight(2)
                        .withComposeThreads(3)
                        .withContactSheet(3, 200)
                        .withImageLimits(new ImageLimits(1_000_000, 2_000_000));

        assertThat(config)
                .isEqualTo(
                        new RenderConfig(
                                "renders",
                                VideoEncoder.LIBX264,
                                "medium",
                                "ref=2:partitions=i8x8,i4x4",
                                20,
                                4,
                                0.06,
                                List.of("fonts"),
                                List.of("DejaVu Sans"),
                                2,
                                3,
                                3,
                                200,
                                new ImageLimits(1_000_000, 2_000_000)));
    }

    @Test
    void shouldSurviveJavaSerialization() throws IOException, ClassNotFoundException {
        RenderConfig config = RenderConfig.defaults().withCrf(30);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }

    @Test
    void shouldRejectAnUnknownPreset() {
        assertThatThrownBy(() -> RenderConfig.defaults().withX264Preset("warp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x264Preset must be one of");
    }

    @Test
    void shouldDropTheDefaultPresetsOptionsWhenThePresetChanges() {
        RenderConfig medium = RenderConfig.defaults().withX264Preset("medium");

        assertThat(medium.x264Preset()).isEqualTo("medium");
        assertThat(medium.x264Params()).isEmpty();
        assertThat(medium.withX264Params("ref=3").x264Params()).isEqualTo("ref=3");
    }

    @Test
    void shouldRejectX264OptionsFfmpegCannotSplit() {
        for (String malformed : List.of("mbtree", "mbtree=1:", "=1", "ref=1::subme=2", "ref= 2")) {
            assertThatThrownBy(() -> RenderConfig.defaults().withX264Params(malformed))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("x264Params must be key=value pairs");
        }
    }

    @Test
    void shouldRejectOutOfRangeNumbers() {
        assertThatThrownBy(() -> RenderConfig.defaults().withCrf(52))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crf");
        assertThatThrownBy(() -> RenderConfig.defaults().withEncoderThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoderThreads");
        assertThatThrownBy(() -> RenderConfig.defaults().withSubtitleSizeRatio(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subtitleSizeRatio");
        assertThatThrownBy(() -> RenderConfig.defaults().withFramesInFlight(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("framesInFlight");
        assertThatThrownBy(() -> RenderConfig.defaults().withComposeThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("composeThreads");
        assertThatThrownBy(() -> RenderConfig.defaults().withFonts(List.of(" "), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fontPaths");
        assertThatThrownBy(() -> RenderConfig.defaults().withFonts(List.of(), List.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fontFamilies");
    }

    @Test
    void shouldAcceptNoFontPathsBecauseTheBundledFontsAreAlwaysThere() {
        RenderConfig config = RenderConfig.defaults().withFonts(List.of(), List.of());

        assertThat(config.fonts().missingScripts("Hello, 世界")).isEmpty();
    }

    @Test
    void shouldResolveTheJavaHomeFontDirectoryOnTheRenderingMachine() {
        RenderConfig config =
                RenderConfig.defaults()
                        .withFonts(List.of("${java.home}/lib/fonts"), List.of("DejaVu Sans"));

        assertThat(config.resolveFontPaths())
                .containsExactly(Path.of(System.getProperty("java.home"), "lib", "fonts"));
    }

    @Test
    void shouldNameTheMissingEncoder() {
        assertThatThrownBy(() -> RenderConfig.defaults().withEncoder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("encoder");
    }
}
