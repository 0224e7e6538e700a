package io.reelflow.benchmarks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SlideshowJob}. */
class SlideshowJobTest {

    private static final List<String> PHOTOS =
            List.of("file:///p/a.jpg", "file:///p/b.jpg", "file:///p/c.jpg");

    @Test
    void shouldDescribeTheReferenceSlideshow() {
        RenderJob job = SlideshowJob.of(Slideshow.P720, PHOTOS);

        assertThat(job.getSpec().getWidth()).isEqualTo(1280);
        assertThat(job.getSpec().getHeight()).isEqualTo(720);
        assertThat(job.getSpec().getFps()).isEqualTo(30);
        assertThat(job.getSpec().getTargetDurationSeconds()).isEqualTo(60.0);
        assertThat(job.getSpec().getTransition()).isEqualTo(Transition.CROSSFADE);
        assertThat(job.getSpec().getTransitionSeconds()).isCloseTo(1.2, within(1e-9));
        assertThat(job.getSpec().getSubtitles()).isFalse();
        assertThat(job.getSpec().getMusic()).isFalse();
        assertThat(job.getClips()).hasSize(12);
        assertThat(job.getRequestId()).isEqualTo("slideshow-720p");
    }

    @Test
    void shouldCyclePhotosAsStockPhotoScenesWithTheCameraCue() {
        RenderJob job = SlideshowJob.of(Slideshow.P720, PHOTOS, "close-up", "r1");

        for (int i = 0; i < 12; i++) {
            SceneClip clip = job.getClips().get(i);
            assertThat(clip.getSource()).isEqualTo(ClipSource.STOCK_PHOTO);
            assertThat(clip.getMediaUri()).isEqualTo(PHOTOS.get(i % 3));
            assertThat(clip.getScene().getIndex()).isEqualTo(i);
            assertThat(clip.getScene().getCameraMoves()).containsExactly(CameraMove.CLOSE_UP);
            assertThat(clip.getRequestId()).isEqualTo("r1");
        }
    }

    @Test
    void shouldTimeScenesContiguouslyFromZeroToSixtySeconds() {
        List<SceneClip> clips = SlideshowJob.of(Slideshow.P720, PHOTOS).getClips();

        double previousEnd = 0;
        double total = 0;
        for (SceneClip clip : clips) {
            Scene scene = clip.getScene();
            assertThat(scene.getStartSeconds()).isCloseTo(previousEnd, within(1e-9));
            total += scene.getEndSeconds() - scene.getStartSeconds();
            previousEnd = scene.getEndSeconds();
        }
        assertThat(total).isCloseTo(60.0, within(1e-9));
        assertThat(clips.get(1).getScene().getStartSeconds()).isCloseTo(5.5, within(1e-9));
        assertThat(clips.get(11).getScene().getStartSeconds()).isCloseTo(54.5, within(1e-9));
    }

    @Test
    void shouldLeaveCameraCuesEmptyForABlankCue() {
        RenderJob job = SlideshowJob.of(Slideshow.P720, PHOTOS, " ", "r1");

        assertThat(job.getClips().get(0).getScene().getCameraMoves()).isEmpty();
    }

    @Test
    void shouldRejectAJobWithoutPhotos() {
        assertThatThrownBy(() -> SlideshowJob.of(Slideshow.P720, List.of()))
                .hasMessageContaining("at least one photo");
    }
}
