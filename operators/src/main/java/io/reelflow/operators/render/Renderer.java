package io.reelflow.operators.render;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.common.ScratchDirectories;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.operators.render.internal.Bands;
import io.reelflow.operators.render.internal.Composer;
import io.reelflow.operators.render.internal.ContactSheet;
import io.reelflow.operators.render.internal.EncodingQueue;
import io.reelflow.operators.render.internal.FontLibrary;
import io.reelflow.operators.render.internal.FrameTimeline;
import io.reelflow.operators.render.internal.FrameTimeline.SceneSpan;
import io.reelflow.operators.render.internal.KenBurns;
import io.reelflow.operators.render.internal.MediaDownloads;
import io.reelflow.operators.render.internal.MediaProbe;
import io.reelflow.operators.render.internal.PhotoSource;
import io.reelflow.operators.render.internal.RenderWarmUp;
import io.reelflow.operators.render.internal.Resampler;
import io.reelflow.operators.render.internal.SceneSource;
import io.reelflow.operators.render.internal.SoundMixing;
import io.reelflow.operators.render.internal.Soundtrack;
import io.reelflow.operators.render.internal.StepTimes;
import io.reelflow.operators.render.internal.SubtitleOverlay;
import io.reelflow.operators.render.internal.TitleCard;
import io.reelflow.operators.render.internal.VideoClipSource;
import io.reelflow.operators.render.internal.VideoWriter;
import io.reelflow.operators.scene.SubtitleCue;
import io.reelflow.operators.scene.SubtitleCues;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link RenderJob} into an H.264 (+ AAC) MP4 with a JPEG thumbnail, a contact sheet and
 * SRT/WebVTT subtitles, uploads them to the {@link ObjectStore} and describes the result. Scenes
 * are photos with a Ken Burns move, clips (trimmed, slowed or looped to fill) or title cards,
 * joined by the spec's transition, with burned-in subtitles. Frames stream through: the calling
 * thread composes (with {@link RenderConfig#composeThreads()} - 1 helpers sharing each frame's
 * rows) while another thread encodes, with a few frames in flight. Blocking; call it from a bounded
 * executor. Thread-safe: concurrent renders share nothing but the store and the config.
 *
 * <pre>{@code
 * Renderer renderer = new Renderer(store, RenderConfig.defaults());
 * RenderedVideo video = renderer.render(job);
 * }</pre>
 *
 * <p>One bad asset never fails a render: its scene becomes a title card and the result is marked
 * degraded with a note. Neither does text in a script no font has ({@link RenderFonts}): it is left
 * out of the picture, kept in the SRT and WebVTT, and the result is degraded with a reason naming
 * the script. Encoding and upload failures are thrown.
 */
public final class Renderer {
    private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);

    /** The render note of a JVM without the Vector API: same pictures, about half the speed. */
    static final String SCALAR_PIXEL_LOOPS =
            "pixel loops scalar: start the JVM with --add-modules jdk.incubator.vector for the"
                    + " vector ones (benchmarks/README.md, Renderer)";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ObjectStore store;
    private final RenderConfig config;

    public Renderer(ObjectStore store, RenderConfig config) {
        AvroClassTrust.install();
        FfmpegLogging.install();
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        RenderWarmUp.startOnce(() -> config.fonts().library());
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

    /** Object key of the contact sheet (one frame per scene) of a request in a run. */
    public static String contactSheetKey(String runId, String requestId) {
        return "contact-sheets/" + runId + "/" + requestId + ".jpg";
    }

    /**
     * The keys of every object a render under {@code objectName} (the request id, unless given)
     * stores: video, thumbnail, contact sheet, SRT and WebVTT subtitles.
     */
    public static List<String> objectKeys(String runId, String objectName) {
        return List.of(
                videoKey(runId, objectName),
                thumbnailKey(runId, objectName),
                contactSheetKey(runId, objectName),
                subtitlesKey(runId, objectName),
                webVttKey(runId, objectName));
    }

    /**
     * Renders {@code job} with its own sound: the music bed of {@link RenderJob#getMusic()} (when
     * the spec asks for music) and the narration track, mixed and loudness-normalised; no audio
     * stream when it has neither. See {@link #render(RenderJob, Optional)}.
     *
     * @throws IllegalArgumentException when the job's spec cannot be rendered (odd size, no scenes)
     * @throws IOException when encoding or uploading fails
     */
    public RenderedVideo render(RenderJob job) throws IOException {
        return renderWith(job, null, job.getRequestId(), Cancellation.none());
    }

    /**
     * Renders {@code job} as {@link #render(RenderJob)} does, stopping between frames and steps
     * once {@code cancellation} is cancelled: then nothing more is uploaded, what this attempt
     * uploaded is deleted, and {@link CancelledException} is thrown. The uploads take effect only
     * if {@link Cancellation#commit()} succeeds after the last one.
     *
     * @throws CancelledException when cancelled before the result was committed
     */
    public RenderedVideo render(RenderJob job, Cancellation cancellation) throws IOException {
        return renderWith(
                job,
                null,
                job.getRequestId(),
                Objects.requireNonNull(cancellation, "cancellation"));
    }

    /**
     * Renders {@code job} as {@link #render(RenderJob, Cancellation)} does, but stores its objects
     * under {@code objectName} in place of the request id (e.g. {@code videoKey(runId,
     * objectName)}), so a second rendering of a request (a quality repair) never overwrites or,
     * when it fails, takes back the first one's objects.
     */
    public RenderedVideo render(RenderJob job, String objectName, Cancellation cancellation)
            throws IOException {
        requireKeySegment("objectName", objectName);
        return renderWith(
                job, null, objectName, Objects.requireNonNull(cancellation, "cancellation"));
    }

    /**
     * Renders {@code job}, with {@code audioTrack} (a local 48 kHz stereo WAV, or any file FFmpeg
     * reads, e.g. the mixed music and narration) as its AAC sound when present; uploads video,
     * thumbnail, contact sheet and subtitles, and returns their URIs.
     *
     * @throws IllegalArgumentException when the job's spec cannot be rendered (odd size, no scenes)
     * @throws IOException when encoding or uploading fails
     */
    public RenderedVideo render(RenderJob job, Optional<Path> audioTrack) throws IOException {
        return renderWith(
                job,
                Objects.requireNonNull(audioTrack, "audioTrack"),
                job.getRequestId(),
                Cancellation.none());
    }

    /** Renders with {@code audioTrack}, or with the job's own sound when it is null. */
    private RenderedVideo renderWith(
            RenderJob job, Optional<Path> audioTrack, String objectName, Cancellation cancellation)
            throws IOException {
        RenderSpec spec = job.getSpec();
        validate(job);
        FrameTimeline timeline = BurnedSubtitles.timeline(job);
        Path workDirectory = config.resolveWorkDirectory();
        Files.createDirectories(workDirectory);
        Path temp = Files.createTempDirectory(workDirectory, "render-");
        StepTimes steps = new StepTimes();
        // Closed before the temporary directory is deleted: downloads and a mix still under way
        // are stopped.
        try (MediaDownloads media =
                        MediaDownloads.start(mediaUris(timeline), store, temp, cancellation);
                SoundMixing sound =
                        audioTrack != null
                                ? SoundMixing.done(
                                        new Soundtrack(audioTrack, null, null, List.of()))
                                : SoundMixing.start(
                                        Soundtrack.fetch(
                                                job,
                                                timeline.secondsAt(timeline.totalFrames()),
                                                store,
                                                temp),
                                        new AudioMixer(),
                                        temp)) {
            steps.lap("sound downloads");
            cancellation.throwIfCancelled();
            return render(job, timeline, temp, media, sound, objectName, cancellation, steps);
        } finally {
            ScratchDirectories.deleteQuietly(temp);
        }
    }

    private RenderedVideo render(
            RenderJob job,
            FrameTimeline timeline,
            Path temp,
            MediaDownloads media,
            SoundMixing mixing,
            String objectName,
            Cancellation cancellation,
            StepTimes steps)
            throws IOException {
        RenderSpec spec = job.getSpec();
        int width = spec.getWidth();
        int height = spec.getHeight();
        FontLibrary fonts = config.fonts().library();
        SubtitleCues.Track track = BurnedSubtitles.track(timeline, job.getLanguage());
        List<SubtitleCue> cues = track.cues();
        SubtitleOverlay subtitles =
                spec.getSubtitles()
                        ? SubtitleOverlay.of(
                                cues,
                                width,
                                height,
                                config.subtitleSizeRatio(),
                                fonts,
                                job.getLanguage())
                        : null;
        SceneOpener opener = new SceneOpener(job, fonts, temp);
        for (SceneSpan span : timeline.spans()) {
            SceneClip clip = span.clip();
            int sceneIndex = clip.getScene().getIndex();
            if (clip.getNote() != null && !clip.getNote().isBlank()) {
                opener.notes.add("scene " + sceneIndex + ": " + clip.getNote());
            }
            if (clip.getDegraded()) {
                opener.reasons.add(
                        "scene "
                                + sceneIndex
                                + ": "
                                + (clip.getNote() == null || clip.getNote().isBlank()
                                        ? "degraded before rendering"
                                        : clip.getNote()));
            }
            if (span.frameCount() == 0) {
                opener.notes.add("scene " + sceneIndex + ": shorter than one frame, not shown");
            }
        }
        // The plan's own words (narration's length, a narration skipped) come first.
        opener.notes.addAll(job.getNotes());
        opener.reasons.addAll(job.getDegradedReasons());
        boolean subtitlesCut = reportCutSubtitles(track, spec.getSubtitles(), opener);
        opener.media = media;
        steps.lap("subtitle layout");

        Path videoFile = temp.resolve("video.mp4");
        Path thumbnailFile = temp.resolve("thumbnail.jpg");
        Path contactSheetFile = temp.resolve("contact-sheet.jpg");
        Path subtitlesFile = temp.resolve("subtitles.srt");
        Path webVttFile = temp.resolve("subtitles.vtt");
        Composer.Result composed;
        long audioWaitMillis;
        String audioProblem;
        try (VideoWriter writer =
                VideoWriter.open(
                        videoFile,
                        width,
                        height,
                        spec.getFps(),
                        config,
                        VideoWriter.encodersFor(config),
                        mixing.asAudioSource())) {
            steps.lap("open encoder");
            opener.notes.add(writer.note());
            if (!Resampler.vectorised()) {
                opener.notes.add(SCALAR_PIXEL_LOOPS);
            }
            try (EncodingQueue queue =
                    new EncodingQueue(writer, width, height, config.framesInFlight())) {
                ContactSheet sheet =
                        new ContactSheet(
                                config.contactSheetColumns(),
                                config.contactSheetTileWidth(),
                                width,
                                height);
                long start = System.nanoTime();
                long startCpu = THREADS.getCurrentThreadCpuTime();
                try (Bands bands = Bands.of(config.composeThreads())) {
                    composed =
                            new Composer(timeline, opener, subtitles, sheet, cancellation)
                                    .compose(queue, bands);
                }
                queue.finish();
                // Which side held the other up: the figures that tell whether tuning the
                // composer or the encoder pays.
                LOG.debug(
                        "Rendered {} frames of {} in {} ms, composing took {} ms of CPU; the encoder"
                                + " waited {} ms for frames, the composer {} ms for free canvases",
                        timeline.totalFrames(),
                        job.getRequestId(),
                        (System.nanoTime() - start) / 1_000_000,
                        (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000,
                        queue.encoderWaitMillis(),
                        queue.composerWaitMillis());
            }
            steps.lap("picture");
            cancellation.throwIfCancelled();
            writer.finish();
            audioWaitMillis = writer.audioWaitMillis();
            audioProblem = writer.audioProblem();
        }
        steps.lap("encoder flush");
        Soundtrack sound = mixing.soundtrack();
        if (audioProblem != null && sound.file().isPresent()) {
            List<String> notes = new ArrayList<>(sound.notes());
            notes.add("sound left out: " + audioProblem + "; " + SoundMixing.SILENT_STREAM);
            sound = new Soundtrack(Optional.empty(), null, null, notes);
        }
        opener.notes.addAll(sound.notes());

        MediaProbe.VideoInfo written = MediaProbe.probe(videoFile);
        steps.lap("probe");
        writeJpeg(composed.thumbnail(), thumbnailFile);
        writeJpeg(composed.contactSheet().image(), contactSheetFile);
        Files.writeString(
                subtitlesFile, BurnedSubtitles.SUBTITLE_CUES.toSrt(cues), StandardCharsets.UTF_8);
        Files.writeString(
                webVttFile, BurnedSubtitles.SUBTITLE_CUES.toWebVtt(cues), StandardCharsets.UTF_8);

        steps.lap("stills and subtitle files");
        String runId = job.getRunId();
        String requestId = job.getRequestId();
        Uploads uploads = new Uploads(cancellation);
        String videoUri;
        String thumbnailUri;
        String contactSheetUri;
        String subtitlesUri;
        String webVttUri;
        try {
            videoUri = uploads.put(videoKey(runId, objectName), videoFile, "video/mp4");
            thumbnailUri =
                    uploads.put(thumbnailKey(runId, objectName), thumbnailFile, "image/jpeg");
            contactSheetUri =
                    uploads.put(contactSheetKey(runId, objectName), contactSheetFile, "image/jpeg");
            subtitlesUri =
                    uploads.put(
                            subtitlesKey(runId, objectName), subtitlesFile, "application/x-subrip");
            webVttUri = uploads.put(webVttKey(runId, objectName), webVttFile, "text/vtt");
            cancellation.commit();
        } catch (IOException | RuntimeException | Error e) {
            uploads.takeBack(requestId);
            throw e;
        }
        steps.lap("uploads");
        LOG.debug(
                "Render steps of {}: {}; the sound mixed beside the picture in {} ms, the encoder"
                        + " waited {} ms for it",
                requestId,
                steps,
                mixing.mixMillis(),
                audioWaitMillis);

        String fontNote = leftOutText(subtitles, opener.titleCardScripts());
        if (fontNote != null) {
            opener.notes.add(fontNote);
            opener.reasons.add(fontNote);
        }
        boolean degraded =
                opener.fellBack
                        || subtitlesCut
                        || fontNote != null
                        || !job.getDegradedReasons().isEmpty()
                        || job.getClips().stream().anyMatch(SceneClip::getDegraded);
        return RenderedVideo.newBuilder()
                .setRequestId(requestId)
                .setRunId(runId)
                .setLanguage(job.getLanguage())
                .setSpec(spec)
                .setVideoUri(videoUri)
                .setThumbnailUri(thumbnailUri)
                .setSubtitlesUri(subtitlesUri)
                .setWebVttUri(webVttUri)
                .setContactSheetUri(contactSheetUri)
                .setDurationSeconds(written.durationSeconds())
                .setWidth(written.width())
                .setHeight(written.height())
                .setCodec(written.codec())
                .setAudioCodec(written.audioCodec())
                .setLoudnessLufs(written.audioCodec() == null ? null : sound.loudnessLufs())
                .setSceneCount(job.getClips().size())
                .setDegraded(degraded)
                .setCredits(creditsWithMusic(opener.credits(), sound))
                .setNotes(new ArrayList<>(opener.notes))
                .setDegradedReasons(new ArrayList<>(opener.reasons))
                .setJob(job)
                .build();
    }

    /**
     * The note on text left out of the picture for want of a font, naming the scripts and where
     * they were left out; null when every character was drawn.
     */
    private static String leftOutText(SubtitleOverlay subtitles, List<String> titleCardScripts) {
        Set<String> scripts = new LinkedHashSet<>();
        List<String> where = new ArrayList<>();
        if (subtitles != null && !subtitles.missingScripts().isEmpty()) {
            scripts.addAll(subtitles.missingScripts());
            where.add("burned-in subtitles");
        }
        if (!titleCardScripts.isEmpty()) {
            scripts.addAll(titleCardScripts);
            where.add("title cards");
        }
        return scripts.isEmpty() ? null : RenderFonts.leftOutNote(new ArrayList<>(scripts), where);
    }

    /**
     * Opens each scene's picture for the {@link Composer}, possibly on its prefetch thread: the
     * planned media when usable, else a title card with a note. Notes may name the failure in
     * detail; reasons are for users and name no files.
     */
    private final class SceneOpener implements Composer.Sources {
        private final RenderJob job;
        private final FontLibrary fonts;
        private final Path temp;
        private final int width;
        private final int height;
        private final int fps;
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        final List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        private final Set<Credit> credits = new LinkedHashSet<>();
        private final Set<String> titleCardScripts = new LinkedHashSet<>();
        volatile boolean fellBack;
        volatile MediaDownloads media;

        SceneOpener(RenderJob job, FontLibrary fonts, Path temp) {
            this.job = job;
            this.fonts = fonts;
            this.temp = temp;
            this.width = job.getSpec().getWidth();
            this.height = job.getSpec().getHeight();
            this.fps = job.getSpec().getFps();
        }

        synchronized List<Credit> credits() {
            return new ArrayList<>(credits);
        }

        /** The scripts left out of the title cards shown, for want of a font. */
        synchronized List<String> titleCardScripts() {
            return new ArrayList<>(titleCardScripts);
        }

        @Override
        public SceneSource open(SceneSpan span) {
            SceneClip clip = span.clip();
            ClipSource kind = clip.getSource();
            if (kind == ClipSource.TITLE_CARD) {
                return titleCard(clip);
            }
            int sceneIndex = clip.getScene().getIndex();
            List<CameraMove> cues = clip.getScene().getCameraMoves();
            String problem;
            String detail = null;
            if (clip.getMediaUri() == null) {
                problem = "no media URI";
            } else {
                MediaDownloads.Download download = media.await(clip.getMediaUri());
                if (download.error() != null) {
                    problem = "download failed";
                    detail = download.error();
                } else {
                    try {
                        SceneSource source =
                                isStill(kind)
                                        ? PhotoSource.open(
                                                download.file(),
                                                width,
                                                height,
                                                KenBurns.forCues(
                                                        cues,
                                                        KenBurns.seed(
                                                                job.getRequestId(), sceneIndex)),
                                                config.imageLimits())
                                        : VideoClipSource.open(
                                                download.file(),
                                                width,
                                                height,
                                                fps,
                                                cues,
                                                span.shownCount(),
                                                config.imageLimits());
                        if (clip.getCredit() != null) {
                            synchronized (this) {
                                credits.add(clip.getCredit());
                            }
                        }
                        return source;
                    } catch (ImageTooLargeException e) {
                        // The reason names no file, so users see it: "image is 100000x100000 ...".
                        problem = "refused (" + e.getMessage() + ")";
                    } catch (IOException | RuntimeException e) {
                        problem = "unreadable";
                        detail = String.valueOf(e.getMessage());
                    }
                }
            }
            String what = "scene " + sceneIndex + ": " + kind + " media " + problem;
            notes.add(
                    what
                            + (detail == null ? "" : " (" + withoutWorkPath(detail) + ")")
                            + BurnedSubtitles.TITLE_CARD_SHOWN);
            reasons.add(what + BurnedSubtitles.TITLE_CARD_SHOWN);
            LOG.warn("Scene {} media {}: {} {}", sceneIndex, clip.getMediaUri(), problem, detail);
            fellBack = true;
            return titleCard(clip);
        }

        @Override
        public SceneSource replace(SceneSpan span, int frame, IOException failure) {
            int sceneIndex = span.clip().getScene().getIndex();
            String what = "scene " + sceneIndex + ": media failed at frame " + frame;
            notes.add(
                    what
                            + " ("
                            + withoutWorkPath(String.valueOf(failure.getMessage()))
                            + ")"
                            + BurnedSubtitles.TITLE_CARD_SHOWN);
            reasons.add(what + BurnedSubtitles.TITLE_CARD_SHOWN);
            LOG.warn("Scene {} of {} fell back mid-scene", sceneIndex, job.getRequestId(), failure);
            fellBack = true;
            return titleCard(span.clip());
        }

        private TitleCard titleCard(SceneClip clip) {
            TitleCard card =
                    new TitleCard(
                            clip.getScene().getText(), width, height, fonts, job.getLanguage());
            synchronized (this) {
                titleCardScripts.addAll(card.missingScripts());
            }
            return card;
        }

        /** Failure messages name the render's temporary files; notes keep only their names. */
        private String withoutWorkPath(String message) {
            return message.replace(temp.toString() + File.separator, "");
        }
    }

    /**
     * One attempt's uploads, remembered so that a cancelled or failed attempt takes them back: a
     * FAILED request never leaves a video (or its thumbnail, subtitles, ...) behind.
     */
    private final class Uploads {
        private final Cancellation cancellation;
        private final List<String> keys = new ArrayList<>();

        Uploads(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        String put(String key, Path file, String contentType) throws IOException {
            cancellation.throwIfCancelled();
            // Remembered first: an upload cut short by an interrupt may still have landed.
            keys.add(key);
            return store.put(key, file, contentType);
        }

        /** Deletes what was uploaded; failures are logged, the original failure is thrown. */
        void takeBack(String requestId) {
            // An interrupted thread would have its deletes refused (the S3 client aborts).
            boolean interrupted = Thread.interrupted();
            try {
                for (String key : keys) {
                    try {
                        store.delete(key);
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Could not delete {} of failed render {}", key, requestId, e);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Every distinct media URI the timeline shows, in the order it first shows them: what the
     * render fetches, each once.
     */
    private static List<String> mediaUris(FrameTimeline timeline) {
        Set<String> uris = new LinkedHashSet<>();
        for (SceneSpan span : timeline.spans()) {
            SceneClip clip = span.clip();
            if (clip.getMediaUri() != null
                    && clip.getSource() != ClipSource.TITLE_CARD
                    && span.frameCount() > 0) {
                uris.add(clip.getMediaUri());
            }
        }
        return new ArrayList<>(uris);
    }

    /** Stills (stock or generated) are moved with Ken Burns; everything else is a clip. */
    static boolean isStill(ClipSource kind) {
        return kind == ClipSource.STOCK_PHOTO || kind == ClipSource.GENERATED_PHOTO;
    }

    /** The scenes' credits, then the music's, each once. */
    private static List<Credit> creditsWithMusic(List<Credit> sceneCredits, Soundtrack sound) {
        List<Credit> credits = new ArrayList<>(sceneCredits);
        if (sound.musicCredit() != null && !credits.contains(sound.musicCredit())) {
            credits.add(sound.musicCredit());
        }
        return credits;
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "jpg", file.toFile())) {
            throw new IOException("no JPEG writer available");
        }
    }

    /**
     * Notes each scene whose subtitles were cut short; with burned-in subtitles it is also a reason
     * the video is degraded (the picture does not show the whole text).
     *
     * @return whether the video is degraded for it
     */
    private static boolean reportCutSubtitles(
            SubtitleCues.Track track, boolean burnedIn, SceneOpener opener) {
        for (int scene : track.cutScenes()) {
            String what =
                    "scene "
                            + scene
                            + ": text too long to read in the scene's time, subtitles cut short"
                            + " with an ellipsis";
            opener.notes.add(what);
            if (burnedIn) {
                opener.reasons.add(what);
            }
        }
        return burnedIn && !track.cutScenes().isEmpty();
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
}
