package io.reelflow.benchmarks.render;

import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link RenderJob} equivalent of the reference slideshow: one {@code STOCK_PHOTO} scene per
 * photo (cycled when there are fewer photos than scenes), crossfades of the slideshow's length,
 * subtitles and music off. Scene boundaries are the centres of the CLI's crossfades (see {@link
 * Slideshow}), so with 12 scenes at 30 fps the first and last scenes last 5.5 s and the others 4.9
 * s.
 *
 * <pre>{@code
 * RenderJob job = SlideshowJob.of(Slideshow.P720, photoUris, SlideshowJob.DEFAULT_CAMERA_CUE);
 * }</pre>
 */
public final class SlideshowJob {

    /** Run id of every benchmark render; the request id names the variant. */
    public static final String RUN_ID = "renderbench";

    /**
     * The camera cue of every scene. The CLI's zoompan zooms in by about 27 % over a clip; the
     * renderer maps {@code close-up} to its stronger centred zoom-in, the nearest move it has.
     */
    public static final String DEFAULT_CAMERA_CUE = Vocabulary.label(CameraMove.CLOSE_UP);

    private SlideshowJob() {}

    /**
     * Builds the job of {@code show} over {@code photoUris} (URIs the renderer's store can fetch).
     *
     * @param cameraCue camera cue of every scene, a {@link CameraMove} label or symbol; blank for
     *     none
     * @param requestId request id, also the video's file name
     */
    public static RenderJob of(
            Slideshow show, List<String> photoUris, String cameraCue, String requestId) {
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(cameraCue, "cameraCue");
        Objects.requireNonNull(requestId, "requestId");
        if (photoUris.isEmpty()) {
            throw new IllegalArgumentException("a slideshow needs at least one photo");
        }
        List<CameraMove> cues =
                cameraCue.isBlank() ? List.of() : List.of(Vocabulary.cameraMove(cameraCue));
        if (cues.contains(CameraMove.UNKNOWN)) {
            throw new IllegalArgumentException("unknown camera cue: " + cameraCue);
        }
        List<SceneClip> clips = new ArrayList<>(show.sceneCount());
        for (int i = 0; i < show.sceneCount(); i++) {
            Scene scene =
                    Scene.newBuilder()
                            .setIndex(i)
                            .setText("Photo " + (i + 1))
                            .setStartSeconds(show.seconds(show.sceneStartFrame(i)))
                            .setEndSeconds(show.seconds(show.sceneEndFrame(i)))
                            .setCameraMoves(cues)
                            .setPrompt("photo")
                            .build();
            clips.add(
                    SceneClip.newBuilder()
                            .setRequestId(requestId)
                            .setRunId(RUN_ID)
                            .setSceneCount(show.sceneCount())
                            .setScene(scene)
                            .setSource(ClipSource.STOCK_PHOTO)
                            .setMediaUri(photoUris.get(i % photoUris.size()))
                            .build());
        }
        RenderSpec spec =
                RenderSpec.newBuilder()
                        .setWidth(show.width())
                        .setHeight(show.height())
                        .setFps(show.fps())
                        .setTargetDurationSeconds(show.durationSeconds())
                        .setSubtitles(false)
                        .setTransition(Transition.CROSSFADE)
                        .setTransitionSeconds(show.transitionSeconds())
                        .setMusic(false)
                        .build();
        return RenderJob.newBuilder()
                .setRequestId(requestId)
                .setRunId(RUN_ID)
                .setLanguage("en")
                .setSpec(spec)
                .setClips(clips)
                .build();
    }

    /** The job with the default camera cue and the request id {@code slideshow-<variant>}. */
    public static RenderJob of(Slideshow show, List<String> photoUris) {
        return of(show, photoUris, DEFAULT_CAMERA_CUE, "slideshow-" + show.name());
    }
}
