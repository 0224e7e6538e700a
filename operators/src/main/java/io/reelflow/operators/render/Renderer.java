package io.reelflow.operators.render;

import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.render.internal.Canvas;
import io.reelflow.operators.render.internal.FrameTimeline;
import io.reelflow.operators.render.internal.FrameTimeline.SceneSpan;
import io.reelflow.operators.render.internal.MediaProbe;
import io.reelflow.operators.render.internal.PhotoSource;
import io.reelflow.operators.render.internal.SceneSource;
import io.reelflow.operators.render.internal.SubtitleOverlay;
import io.reelflow.operators.render.internal.TitleCard;
import io.reelflow.operators.render.internal.VideoClipSource;
import io.reelflow.operators.render.internal.VideoWriter;
import io.reelflow.operators.scene.SubtitleConfig;
import io.reelflow.operators.scene.SubtitleCue;
import io.reelflow.operators.scene.SubtitleCues;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link RenderJob} into an H.264 MP4 with a JPEG thumbnail and SRT subtitles, uploads
 * them to the {@link ObjectStore} and describes the result. Blocking; call it from a bounded
 * executor. Thread-safe: concurrent renders share nothing but the store and the config.
 *
 * <pre>{@code
 * Renderer renderer = new Renderer(store, RenderConfig.defaults());
 * RenderedVideo video = renderer.render(job);
 * }</pre>
 *
 * <p>One bad asset never fails a render: its scene becomes a title card and the result is marked
 * degraded with a note. Encoding and upload failures are thrown.
 */
public final class Renderer {
    private static final SubtitleCues SUBTITLE_CUES = new SubtitleCues(SubtitleConfig.defaults());

    private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);

    private static final Pattern SAFE_EXTENSION = Pattern.compile("[A-Za-z0-9]{1,5}");

    private final ObjectStore store;
    private final RenderConfig config;

    public Renderer(ObjectStore store, RenderConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Object key of the video of a request in a run. */
    public static String videoKey(String runId, String requestId) {
        return "videos/" + runId + "/" + requestId + ".mp4";
    }

    /** Object key of the thumbnail of a request in a run. */
    public static String thumbnailKey(String runId, String requestId) {
        return "thumbnails/" + runId + "/" + requestId + ".jpg";
    }

    /** Object key of the subtitles of a request in a run. */
    public static String subtitlesKey(String runId, String requestId) {
        return "subtitles/" + runId + "/" + requestId + ".srt";
    }

    /** The WebVTT twin of {@link #subtitlesKey}, for browsers' {@code <track>}. */
    public static String webVttKey(String runId, String requestId) {
        return "subtitles/" + runId + "/" + requestId + ".vtt";
    }

    /**
     * Renders {@code job}, uploads video, thumbnail and subtitles, and returns their URIs.
     *
     * @throws IllegalArgumentException when the job's spec cannot be rendered (odd size, no scenes)
     * @throws IOException when encoding or uploading fails
     */
    public RenderedVideo render(RenderJob job) throws IOException {
        RenderSpec spec = job.getSpec();
        validate(job);
        FrameTimeline timeline =
                FrameTimeline.of(job.getClips(), spec.getTargetDurationSeconds(), spec.getFps());
        Path workDirectory = config.resolveWorkDirectory();
        Files.createDirectories(workDirectory);
        Path temp = Files.createTempDirectory(workDirectory, "render-");
        try {
            return render(job, timeline, temp);
        } finally {
            deleteRecursively(temp);
        }
    }

    private RenderedVideo render(RenderJob job, FrameTimeline timeline, Path temp)
            throws IOException {
        RenderSpec spec = job.getSpec();
        List<String> notes = new ArrayList<>();
        Map<String, Download> media = download(timeline, temp);
        List<SubtitleCue> cues = subtitleCues(timeline, job.getLanguage());

        Path videoFile = temp.resolve("video.mp4");
        Path thumbnailFile = temp.resolve("thumbnail.jpg");
        Path subtitlesFile = temp.resolve("subtitles.srt");
        Path webVttFile = temp.resolve("subtitles.vtt");
        int width = spec.getWidth();
        int height = spec.getHeight();
        boolean fellBack = false;
        Set<Credit> credits = new LinkedHashSet<>();
        BufferedImage thumbnail = null;
        int thumbnailFrame = thumbnailFrame(timeline);
        try (Canvas canvas = new Canvas(width, height);
                VideoWriter writer =
                        VideoWriter.open(
                                videoFile,
                                width,
                                height,
                                spec.getFps(),
                                config,
                                VideoWriter.encodersFor(config))) {
            notes.add(writer.note());
            for (SceneSpan span : timeline.spans()) {
                SceneClip clip = span.clip();
                int sceneIndex = clip.getScene().getIndex();
                if (clip.getNote() != null && !clip.getNote().isBlank()) {
                    notes.add("scene " + sceneIndex + ": " + clip.getNote());
                }
                if (span.frameCount() == 0) {
                    notes.add("scene " + sceneIndex + ": shorter than one frame, not shown");
                    continue;
                }
                SceneSource source = openSource(clip, media, width, height, spec.getFps(), notes);
                boolean showsMedia = !(source instanceof TitleCard);
                fellBack |= !showsMedia && clip.getSource() != ClipSource.TITLE_CARD;
                // A title card already shows the scene text; subtitles would repeat it.
                SubtitleOverlay subtitles =
                        spec.getSubtitles() && showsMedia
                                ? SubtitleOverlay.of(
                                        cuesWithin(cues, timeline, span),
                                        width,
                                        height,
                                        config.subtitleFontFamily(),
                                        config.subtitleSizeRatio(),
                                        canvas.graphics())
                                : null;
                try {
                    for (int frame = 0; frame < span.frameCount(); frame++) {
                        try {
                            source.paint(canvas, frame, span.frameCount());
                        } catch (IOException e) {
                            notes.add(
                                    "scene "
                                            + sceneIndex
                                            + ": media failed at frame "
                                            + frame
                                            + " ("
                                            + e.getMessage()
                                            + "), title card shown");
                            LOG.warn(
                                    "Scene {} of {} fell back mid-scene",
                                    sceneIndex,
                                    job.getRequestId(),
                                    e);
                            fellBack = true;
                            source.close();
                            source = titleCard(clip, width, height);
                            subtitles = null;
                            source.paint(canvas, frame, span.frameCount());
                        }
                        if (span.firstFrame() + frame == thumbnailFrame) {
                            thumbnail = canvas.snapshot();
                        }
                        if (subtitles != null) {
                            subtitles.paint(canvas, timeline.secondsAt(span.firstFrame() + frame));
                        }
                        writer.write(canvas);
                    }
                } finally {
                    source.close();
                }
                if (showsMedia && clip.getCredit() != null) {
                    credits.add(clip.getCredit());
                }
            }
            writer.finish();
        }

        MediaProbe.VideoInfo written = MediaProbe.probe(videoFile);
        writeThumbnail(thumbnail, thumbnailFile);
        Files.writeString(subtitlesFile, SUBTITLE_CUES.toSrt(cues), StandardCharsets.UTF_8);
        Files.writeString(webVttFile, SUBTITLE_CUES.toWebVtt(cues), StandardCharsets.UTF_8);

        String runId = job.getRunId();
        String requestId = job.getRequestId();
        String videoUri = store.put(videoKey(runId, requestId), videoFile, "video/mp4");
        String thumbnailUri =
                store.put(thumbnailKey(runId, requestId), thumbnailFile, "image/jpeg");
        String subtitlesUri =
                store.put(subtitlesKey(runId, requestId), subtitlesFile, "application/x-subrip");
        store.put(webVttKey(runId, requestId), webVttFile, "text/vtt");

        boolean degraded = fellBack || job.getClips().stream().anyMatch(SceneClip::getDegraded);
        return RenderedVideo.newBuilder()
                .setRequestId(requestId)
                .setRunId(runId)
                .setLanguage(job.getLanguage())
                .setSpec(spec)
                .setVideoUri(videoUri)
                .setThumbnailUri(thumbnailUri)
                .setSubtitlesUri(subtitlesUri)
                .setDurationSeconds(written.durationSeconds())
                .setWidth(written.width())
                .setHeight(written.height())
                .setCodec(written.codec())
                .setSceneCount(job.getClips().size())
                .setDegraded(degraded)
                .setCredits(new ArrayList<>(credits))
                .setNotes(notes)
                .build();
    }

    /** The picture source of a scene; its planned media when usable, else a title card. */
    private SceneSource openSource(
            SceneClip clip,
            Map<String, Download> media,
            int width,
            int height,
            int fps,
            List<String> notes) {
        ClipSource kind = clip.getSource();
        if (kind == ClipSource.TITLE_CARD) {
            return titleCard(clip, width, height);
        }
        int sceneIndex = clip.getScene().getIndex();
        String problem;
        if (clip.getMediaUri() == null) {
            problem = "no media URI";
        } else {
            Download download = media.get(clip.getMediaUri());
            if (download.error() != null) {
                problem = "download failed (" + download.error() + ")";
            } else {
                try {
                    return kind == ClipSource.STOCK_PHOTO
                            ? PhotoSource.open(download.file(), width, height)
                            : VideoClipSource.open(download.file(), width, height, fps);
                } catch (IOException e) {
                    problem = "unreadable (" + e.getMessage() + ")";
                }
            }
        }
        notes.add("scene " + sceneIndex + ": " + kind + " media " + problem + ", title card shown");
        LOG.warn("Scene {} media {}: {}", sceneIndex, clip.getMediaUri(), problem);
        return titleCard(clip, width, height);
    }

    private TitleCard titleCard(SceneClip clip, int width, int height) {
        return new TitleCard(clip.getScene().getText(), width, height, config.subtitleFontFamily());
    }

    /** A downloaded media file, or why it could not be downloaded. */
    private record Download(Path file, String error) {}

    /** Fetches every distinct media URI once; failures are kept per URI, not thrown. */
    private Map<String, Download> download(FrameTimeline timeline, Path temp) {
        Map<String, Download> media = new HashMap<>();
        for (SceneSpan span : timeline.spans()) {
            SceneClip clip = span.clip();
            String uri = clip.getMediaUri();
            if (uri == null
                    || clip.getSource() == ClipSource.TITLE_CARD
                    || span.frameCount() == 0
                    || media.containsKey(uri)) {
                continue;
            }
            Path target = temp.resolve("media-" + media.size() + extensionOf(uri));
            try {
                store.get(uri, target);
                media.put(uri, new Download(target, null));
            } catch (IOException | RuntimeException e) {
                media.put(uri, new Download(null, String.valueOf(e.getMessage())));
            }
        }
        return media;
    }

    private static String extensionOf(String uri) {
        int slash = uri.lastIndexOf('/');
        int dot = uri.lastIndexOf('.');
        if (dot > slash && dot + 1 < uri.length()) {
            String extension = uri.substring(dot + 1);
            if (SAFE_EXTENSION.matcher(extension).matches()) {
                return "." + extension.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    /** The middle frame of the first scene that is shown at all. */
    private static int thumbnailFrame(FrameTimeline timeline) {
        for (SceneSpan span : timeline.spans()) {
            if (span.frameCount() > 0) {
                return span.firstFrame() + span.frameCount() / 2;
            }
        }
        return 0;
    }

    private static void writeThumbnail(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "jpg", file.toFile())) {
            throw new IOException("no JPEG writer available");
        }
    }

    /**
     * The subtitle cues of the video as rendered: scene boundaries moved to the frames where the
     * picture changes, then split into readable cues by {@link SubtitleCues} (line width, two
     * lines, RTL marks, CJK widths). Both the burned-in subtitles and the SRT/WebVTT files use
     * them.
     */
    private static List<SubtitleCue> subtitleCues(FrameTimeline timeline, String language) {
        List<Scene> scenes = new ArrayList<>();
        for (SceneSpan span : timeline.spans()) {
            Scene scene = Scene.newBuilder(span.clip().getScene()).build();
            scene.setStartSeconds(timeline.secondsAt(span.firstFrame()));
            scene.setEndSeconds(timeline.secondsAt(span.endFrame()));
            scenes.add(scene);
        }
        return SUBTITLE_CUES.cues(scenes, language);
    }

    /** The cues that start within a scene's frames. */
    private static List<SubtitleCue> cuesWithin(
            List<SubtitleCue> cues, FrameTimeline timeline, SceneSpan span) {
        double start = timeline.secondsAt(span.firstFrame());
        double end = timeline.secondsAt(span.endFrame());
        return cues.stream()
                .filter(cue -> cue.startSeconds() >= start && cue.startSeconds() < end)
                .toList();
    }

    private static void validate(RenderJob job) {
        RenderSpec spec = job.getSpec();
        requireKeySegment("requestId", job.getRequestId());
        requireKeySegment("runId", job.getRunId());
        if (spec.getWidth() <= 0 || spec.getHeight() <= 0) {
            throw new IllegalArgumentException(
                    "width and height must be positive, were "
                            + spec.getWidth()
                            + "x"
                            + spec.getHeight());
        }
        if (spec.getWidth() % 2 != 0 || spec.getHeight() % 2 != 0) {
            throw new IllegalArgumentException(
                    "width and height must be even for yuv420p, were "
                            + spec.getWidth()
                            + "x"
                            + spec.getHeight());
        }
        if (spec.getFps() <= 0 || spec.getFps() > 120) {
            throw new IllegalArgumentException("fps must be within 1..120, was " + spec.getFps());
        }
        if (!(spec.getTargetDurationSeconds() > 0)) {
            throw new IllegalArgumentException(
                    "targetDurationSeconds must be positive, was "
                            + spec.getTargetDurationSeconds());
        }
    }

    /** Ids become object key segments, so they must not climb out of their prefix. */
    private static void requireKeySegment(String name, String value) {
        if (value == null
                || value.isBlank()
                || value.contains("/")
                || value.contains("\\")
                || value.equals(".")
                || value.equals("..")) {
            throw new IllegalArgumentException(
                    name + " must be a non-blank key segment without slashes, was " + value);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.deleteIfExists(path);
                                } catch (IOException e) {
                                    LOG.warn("Could not delete {}", path, e);
                                }
                            });
        } catch (IOException e) {
            LOG.warn("Could not clean up {}", directory, e);
        }
    }
}
