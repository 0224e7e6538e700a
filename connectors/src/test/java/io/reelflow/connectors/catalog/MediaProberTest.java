package io.reelflow.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.render.ImageLimits;
import io.reelflow.schemas.AssetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link MediaProber}. */
class MediaProberTest {
    private final MediaProber prober = new MediaProber();

    @TempDir Path dir;

    @Test
    void shouldProbeJpegAsLandscapePhoto() throws Exception {
        MediaInfo info = prober.probe(CatalogTestMedia.writeJpeg(dir.resolve("a.jpg"), 640, 480));

        assertThat(info.kind()).isEqualTo(AssetKind.PHOTO);
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(480);
        assertThat(info.durationSeconds()).isZero();
        assertThat(info.codec()).isEqualTo("mjpeg");
        assertThat(info.orientation()).isEqualTo(Orientation.LANDSCAPE);
    }

    @Test
    void shouldProbePngAsPortraitPhotoWhateverItsName() throws Exception {
        MediaInfo info =
                prober.probe(CatalogTestMedia.writePng(dir.resolve("picture.bin"), 300, 400));

        assertThat(info.kind()).isEqualTo(AssetKind.PHOTO);
        assertThat(info.codec()).isEqualTo("png");
        assertThat(info.orientation()).isEqualTo(Orientation.PORTRAIT);
    }

    @Test
    void shouldRefuseADecompressionBombFromItsHeader() throws Exception {
        Path bomb = CatalogTestMedia.writePngDeclaring(dir.resolve("bomb.png"), 100_000, 100_000);
        assertThat(Files.size(bomb)).isLessThan(200);

        assertThatThrownBy(() -> prober.probe(bomb))
                .isInstanceOf(RejectedMediaException.class)
                .hasMessage(
                        "refused: image is 100000x100000 (10000.0 MP), more than the 64.0 MP"
                                + " allowed");
    }

    @Test
    void shouldRefuseAPhotoOverTheByteCap() throws Exception {
        Path photo = CatalogTestMedia.writeJpeg(dir.resolve("big.jpg"), 640, 480);
        MediaProber strict =
                new MediaProber(ImageLimits.defaults().withMaxBytes(Files.size(photo) - 1));

        assertThatThrownBy(() -> strict.probe(photo))
                .isInstanceOf(RejectedMediaException.class)
                .hasMessageStartingWith("refused: image file is");
    }

    @Test
    void shouldSwapWidthAndHeightOfQuarterTurnedClip() throws Exception {
        MediaInfo info =
                prober.probe(CatalogTestMedia.writeRotatedClip(dir.resolve("turned.mp4"), 90));

        assertThat(info.kind()).isEqualTo(AssetKind.CLIP);
        assertThat(info.rotation()).isEqualTo(90);
        assertThat(info.width()).isEqualTo(CatalogTestMedia.CLIP_HEIGHT);
        assertThat(info.height()).isEqualTo(CatalogTestMedia.CLIP_WIDTH);
        assertThat(info.orientation()).isEqualTo(Orientation.PORTRAIT);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void shouldProbeAudioOnlyFileAsMusic() throws Exception {
        MediaInfo info = prober.probe(CatalogTestMedia.writeMusic(dir.resolve("tone.m4a")));

        assertThat(info.kind()).isEqualTo(AssetKind.MUSIC);
        assertThat(info.codec()).isEqualTo("aac");
        assertThat(info.durationSeconds()).isCloseTo(CatalogTestMedia.MUSIC_SECONDS, within(0.15));
        assertThat(info.width()).isZero();
        assertThat(info.orientation()).isNull();
    }

    @Test
    void shouldRejectEmptyFile() throws Exception {
        Path empty = CatalogTestMedia.writeEmpty(dir.resolve("empty.jpg"));

        assertThatThrownBy(() -> prober.probe(empty))
                .isInstanceOf(RejectedMediaException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void shouldRejectCorruptFileWithReason() throws Exception {
        Path corrupt = CatalogTestMedia.writeCorrupt(dir.resolve("broken.mp4"));

        assertThatThrownBy(() -> prober.probe(corrupt))
                .isInstanceOf(RejectedMediaException.class)
                .hasMessageContaining("FFmpeg");
    }

    @Test
    void shouldRejectCorruptFileNamedLikePhoto() throws Exception {
        Path corrupt = CatalogTestMedia.writeCorrupt(dir.resolve("broken.jpg"));

        assertThatThrownBy(() -> prober.probe(corrupt)).isInstanceOf(RejectedMediaException.class);
    }

    @Test
    void shouldRoundRotationToClockwiseQuarterTurns() {
        assertThat(MediaProber.quarterTurns(-90)).isEqualTo(270);
        assertThat(MediaProber.quarterTurns(89.6)).isEqualTo(90);
        assertThat(MediaProber.quarterTurns(-180)).isEqualTo(180);
        assertThat(MediaProber.quarterTurns(360)).isZero();
    }
}
