package io.reelflow.benchmarks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link FfmpegCommands}. */
class FfmpegCommandsTest {

    private static final String XFADES_720P =
            "[v0][v1]xfade=transition=fade:duration=1.2:offset=4.9[x1];"
                    + "[x1][v2]xfade=transition=fade:duration=1.2:offset=9.8[x2];"
                    + "[x2][v3]xfade=transition=fade:duration=1.2:offset=14.7[x3];"
                    + "[x3][v4]xfade=transition=fade:duration=1.2:offset=19.6[x4];"
                    + "[x4][v5]xfade=transition=fade:duration=1.2:offset=24.5[x5];"
                    + "[x5][v6]xfade=transition=fade:duration=1.2:offset=29.4[x6];"
                    + "[x6][v7]xfade=transition=fade:duration=1.2:offset=34.3[x7];"
                    + "[x7][v8]xfade=transition=fade:duration=1.2:offset=39.2[x8];"
                    + "[x8][v9]xfade=transition=fade:duration=1.2:offset=44.1[x9];"
                    + "[x9][v10]xfade=transition=fade:duration=1.2:offset=49[x10];"
                    + "[x10][v11]xfade=transition=fade:duration=1.2:offset=53.9[out]";

    @TempDir Path temp;

    @Test
    void shouldBuildTheExactReferenceGraphForTwelvePhotos() {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            expected.append("[" + i + ":v]scale=2560:1440:force_original_aspect_ratio=increase,")
                    .append("crop=2560:1440,format=yuv420p,")
                    .append("zoompan=z='min(zoom+0.0015,1.5)':x='iw/2-(iw/zoom/2)'")
                    .append(":y='ih/2-(ih/zoom/2)':d=183:s=1280x720:fps=30,setsar=1[v" + i + "];");
        }
        expected.append(XFADES_720P);

        assertThat(FfmpegCommands.filterGraph(Slideshow.P720)).isEqualTo(expected.toString());
        assertThat(FfmpegCommands.outputLabel(Slideshow.P720)).isEqualTo("[out]");
    }

    @Test
    void shouldScaleTheGraphToTwiceThePortraitOutput() {
        String graph = FfmpegCommands.filterGraph(Slideshow.PORTRAIT);

        assertThat(graph)
                .startsWith(
                        "[0:v]scale=1440:2560:force_original_aspect_ratio=increase,crop=1440:2560,")
                .contains(":d=183:s=720x1280:fps=30,setsar=1[v0];")
                .endsWith("[x10][v11]xfade=transition=fade:duration=1.2:offset=53.9[out]");
    }

    @Test
    void shouldBuildTheReferenceCommandWithOneInputPerScene() {
        List<Path> photos = List.of(Path.of("/p/a.jpg"), Path.of("/p/b.jpg"));

        List<String> command =
                FfmpegCommands.slideshow(Slideshow.P720, photos, 23, Path.of("/o/cli.mp4"));

        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("-i")) {
                inputs.add(command.get(i + 1));
            }
        }
        assertThat(inputs).hasSize(12).startsWith("/p/a.jpg", "/p/b.jpg", "/p/a.jpg");
        assertThat(command.get(0)).isEqualTo("ffmpeg");
        assertThat(String.join(" ", command))
                .contains("-filter_complex " + FfmpegCommands.filterGraph(Slideshow.P720))
                .contains("-map [out] -an")
                .endsWith(
                        "-c:v libx264 -preset ultrafast -crf 23 -threads 2 -pix_fmt yuv420p"
                                + " /o/cli.mp4");
    }

    @Test
    void shouldUseCrfZeroForTheLosslessReference() {
        List<String> command =
                FfmpegCommands.slideshow(
                        Slideshow.P720, List.of(Path.of("a.jpg")), 0, Path.of("l.mp4"));

        assertThat(String.join(" ", command)).contains("-crf 0 ");
        assertThatThrownBy(
                        () ->
                                FfmpegCommands.slideshow(
                                        Slideshow.P720,
                                        List.of(Path.of("a.jpg")),
                                        52,
                                        Path.of("x.mp4")))
                .hasMessageContaining("crf must be within 0..51");
    }

    @Test
    void shouldCompareDistortedAgainstReferenceWithTheSsimFilter() {
        assertThat(FfmpegCommands.ssim(Path.of("d.mp4"), Path.of("r.mp4")))
                .containsSubsequence("-i", "d.mp4", "-i", "r.mp4", "-lavfi", "[0:v][1:v]ssim")
                .endsWith("-f", "null", "-");
    }

    @Test
    void shouldEncodeRawFramesOfTheVariantSize() {
        String command =
                String.join(
                        " ",
                        FfmpegCommands.encodeRaw(
                                Path.of("f.yuv"), Slideshow.P1080, 23, Path.of("e.mp4")));

        assertThat(command)
                .contains("-f rawvideo -pix_fmt yuv420p -s 1920x1080 -framerate 30 -i f.yuv")
                .contains("-preset ultrafast -crf 23 -threads 2")
                .endsWith("-g 60 -movflags +faststart e.mp4");
    }

    @Test
    void shouldFindAnExecutableOnThePathOnly() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path program = Files.createFile(bin.resolve("ffmpeg"));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(FfmpegCommands.findOnPath("ffmpeg", empty + ":" + bin)).contains(program);
        assertThat(FfmpegCommands.findOnPath("ffmpeg", empty.toString())).isEmpty();
        assertThat(FfmpegCommands.findOnPath("ffmpeg", null)).isEmpty();
    }
}
