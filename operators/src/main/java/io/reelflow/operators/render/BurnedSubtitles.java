package io.reelflow.operators.render;

import io.reelflow.operators.render.internal.FrameTimeline;
import io.reelflow.operators.render.internal.FrameTimeline.SceneSpan;
import io.reelflow.operators.render.internal.SubtitleOverlay;
import io.reelflow.operators.scene.SubtitleConfig;
import io.reelflow.operators.scene.SubtitleCue;
import io.reelflow.operators.scene.SubtitleCues;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subtitles a render burns into its frames, worked out again from its job by the code that drew
 * them: each cue as {@link SubtitleCues} timed it on the frame grid, with the box and the text
 * extent {@code SubtitleOverlay} drew it with. Quality scoring judges their legibility from these.
 *
 * <pre>{@code
 * List<BurnedSubtitles.Cue> cues = BurnedSubtitles.of(job, RenderConfig.defaults());
 * }</pre>
 */
public final class BurnedSubtitles {

    /**
     * How the renderer's reasons end for a scene whose media fell back to a title card ({@code
     * scene 2: STOCK_PHOTO media unreadable, title card shown}).
     */
    public static final String TITLE_CARD_SHOWN = ", title card shown";

    private static final Pattern FELL_BACK =
            Pattern.compile("^scene (\\d+): .*" + Pattern.quote(TITLE_CARD_SHOWN) + "$");

    /** The cue rules the renderer uses for burned-in and SRT/WebVTT subtitles alike. */
    static final SubtitleCues SUBTITLE_CUES = new SubtitleCues(SubtitleConfig.defaults());

    private BurnedSubtitles() {}

    /**
     * One burned-in cue.
     *
     * @param sceneIndex the scene it belongs to
     * @param cue its text and times, as in the SRT file
     * @param box the translucent box behind the text, in frame pixels
     * @param text the extent of its lines, in frame pixels
     * @param lines the lines drawn
     */
    public record Cue(int sceneIndex, SubtitleCue cue, Rectangle box, Rectangle text, int lines) {}

    /**
     * The cues {@code video} shows burned in, in order: those of {@link #of(RenderJob,
     * RenderConfig)} its job, without the scenes its reasons say fell back to a title card. None
     * without its job.
     */
    public static List<Cue> of(RenderedVideo video, RenderConfig config) {
        if (video.getJob() == null) {
            return List.of();
        }
        Set<Integer> fellBack = new HashSet<>();
        for (String reason : video.getDegradedReasons()) {
            Matcher matcher = FELL_BACK.matcher(reason);
            if (matcher.matches()) {
                fellBack.add(Integer.parseInt(matcher.group(1)));
            }
        }
        RenderJob job = RenderJob.newBuilder(video.getJob()).setSpec(video.getSpec()).build();
        return of(job, config).stream().filter(c -> !fellBack.contains(c.sceneIndex())).toList();
    }

    /**
     * The cues {@code job} shows burned in, in order; none when its spec has subtitles off. Title
     * cards show their text themselves and get no subtitles; a cue whose text no font has is not
     * drawn and not listed.
     */
    public static List<Cue> of(RenderJob job, RenderConfig config) {
        RenderSpec spec = job.getSpec();
        if (!spec.getSubtitles()) {
            return List.of();
        }
        FrameTimeline timeline = timeline(job);
        List<SubtitleCue> cues = track(timeline, job.getLanguage()).cues();
        SubtitleOverlay overlay =
                SubtitleOverlay.of(
                        cues,
                        spec.getWidth(),
                        spec.getHeight(),
                        config.subtitleSizeRatio(),
                        config.fonts().library(),
                        job.getLanguage());
        List<Cue> burned = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            SubtitleOverlay.Placement placement = overlay.placement(i);
            SceneClip clip = sceneAt(timeline, cues.get(i).startSeconds());
            if (placement != null && clip.getSource() != ClipSource.TITLE_CARD) {
                burned.add(
                        new Cue(
                                clip.getScene().getIndex(),
                                cues.get(i),
                                placement.box(),
                                placement.text(),
                                placement.lines()));
            }
        }
        return burned;
    }

    /** The job's scenes and transitions on its frame grid. */
    static FrameTimeline timeline(RenderJob job) {
        RenderSpec spec = job.getSpec();
        return FrameTimeline.of(
                job.getClips(),
                spec.getTargetDurationSeconds(),
                spec.getFps(),
                spec.getTransition(),
                spec.getTransitionSeconds());
    }

    /**
     * The subtitle cues of the video as rendered: scene boundaries moved to the frames where the
     * picture changes, then split into readable cues by {@link SubtitleCues} (two lines of at most
     * 42 columns, fewer for CJK, a minimum time per cue, text that does not fit in time cut with an
     * ellipsis; RTL marks). Both the burned-in subtitles and the SRT/WebVTT files use them.
     */
    static SubtitleCues.Track track(FrameTimeline timeline, String language) {
        List<Scene> scenes = new ArrayList<>();
        for (SceneSpan span : timeline.spans()) {
            Scene scene = Scene.newBuilder(span.clip().getScene()).build();
            scene.setStartSeconds(timeline.secondsAt(span.firstFrame()));
            scene.setEndSeconds(timeline.secondsAt(span.endFrame()));
            scenes.add(scene);
        }
        return SUBTITLE_CUES.track(scenes, language);
    }

    /** The scene shown at {@code seconds}: the last one starting at or before it. */
    private static SceneClip sceneAt(FrameTimeline timeline, double seconds) {
        SceneClip scene = timeline.spans().get(0).clip();
        for (SceneSpan span : timeline.spans()) {
            if (span.frameCount() > 0 && timeline.secondsAt(span.firstFrame()) <= seconds + 1e-9) {
                scene = span.clip();
            }
        }
        return scene;
    }
}
