package io.reelflow.operators.render.internal;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.render.internal.FrameTimeline.Boundary;
import io.reelflow.operators.render.internal.FrameTimeline.SceneSpan;
import io.reelflow.schemas.Transition;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Composes a {@link FrameTimeline} frame by frame: paints the scene (or the two scenes of a
 * crossfade) of each frame, blends or dims for transitions, burns in subtitles and passes the frame
 * to the {@link EncodingQueue}. The next scene's source is opened on a helper thread while the
 * current one plays, so decoding and scaling a photo overlaps composing and encoding. At most two
 * sources are open at a time.
 */
public final class Composer {

    /** Opens scene sources for the composer; implementations fall back to title cards. */
    public interface Sources {
        /** The source of a scene; never fails (a broken asset gives a title card). */
        SceneSource open(SceneSpan span);

        /** The replacement of a source that failed at {@code frame}. */
        SceneSource replace(SceneSpan span, int frame, IOException failure);
    }

    /** The thumbnail (middle of the first shown scene) and one tile per shown scene. */
    public record Result(BufferedImage thumbnail, ContactSheet contactSheet) {}

    private final FrameTimeline timeline;
    private final Sources sources;
    private final SubtitleOverlay subtitles;
    private final ContactSheet contactSheet;
    private final Map<Integer, SceneSource> open = new HashMap<>();
    private final Map<Integer, Future<SceneSource>> opening = new HashMap<>();
    private final Cancellation cancellation;

    /** {@code subtitles} may be null (no burned-in subtitles). */
    public Composer(
            FrameTimeline timeline,
            Sources sources,
            SubtitleOverlay subtitles,
            ContactSheet contactSheet) {
        this(timeline, sources, subtitles, contactSheet, Cancellation.none());
    }

    /** A composer that stops between frames, with {@link CancelledException}, once cancelled. */
    public Composer(
            FrameTimeline timeline,
            Sources sources,
            SubtitleOverlay subtitles,
            ContactSheet contactSheet,
            Cancellation cancellation) {
        this.timeline = timeline;
        this.sources = sources;
        this.subtitles = subtitles;
        this.contactSheet = contactSheet;
        this.cancellation = cancellation;
    }

    /** Composes every frame into {@code queue} (the caller finishes it) on this thread. */
    public Result compose(EncodingQueue queue) throws IOException {
        try (Bands single = Bands.of(1)) {
            return compose(queue, single);
        }
    }

    /**
     * Composes every frame into {@code queue} (the caller finishes it), sharing each frame's pixel
     * work out over {@code bands}.
     */
    public Result compose(EncodingQueue queue, Bands bands) throws IOException {
        List<SceneSpan> spans = timeline.spans();
        List<Boundary> boundaries = timeline.boundaries();
        int thumbnailFrame = -1;
        for (SceneSpan span : spans) {
            if (span.frameCount() > 0) {
                thumbnailFrame = span.firstFrame() + span.frameCount() / 2;
                break;
            }
        }
        BufferedImage thumbnail = null;
        Canvas scratch = null;
        ExecutorService opener =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "reelflow-scene-opener");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            int owner = nextShown(spans, 0);
            int boundary = 0;
            for (int frame = 0; frame < timeline.totalFrames(); frame++) {
                cancellation.throwIfCancelled();
                while (spans.get(owner).endFrame() <= frame) {
                    owner = nextShown(spans, owner + 1);
                }
                while (boundary < boundaries.size() && boundaries.get(boundary).end() <= frame) {
                    boundary++;
                }
                Boundary transition =
                        boundary < boundaries.size() && boundaries.get(boundary).covers(frame)
                                ? boundaries.get(boundary)
                                : null;
                Canvas canvas = queue.acquire();
                if (transition != null && transition.kind() == Transition.CROSSFADE) {
                    if (scratch == null) {
                        scratch = new Canvas(canvas.width(), canvas.height());
                    }
                    paint(opener, transition.outgoing(), frame, canvas, bands);
                    paint(opener, transition.incoming(), frame, scratch, bands);
                    blend(canvas, scratch, FrameTimeline.crossfadeWeight(transition, frame), bands);
                } else {
                    paint(opener, owner, frame, canvas, bands);
                    if (transition != null && transition.kind() == Transition.FADE_BLACK) {
                        Planes.dim(canvas, FrameTimeline.fadeLevel(transition, frame));
                    }
                }
                SceneSpan span = spans.get(owner);
                if (frame == span.firstFrame() + span.frameCount() / 2) {
                    contactSheet.add(canvas);
                }
                if (frame == thumbnailFrame) {
                    thumbnail = canvas.toImage();
                }
                // A title card already shows the scene text; subtitles would repeat it.
                if (subtitles != null && !(open.get(owner) instanceof TitleCard)) {
                    subtitles.paint(canvas, timeline.secondsAt(frame));
                }
                queue.submit(canvas);
                closeFinished(spans, frame + 1);
            }
            return new Result(thumbnail, contactSheet);
        } finally {
            opener.shutdown();
            for (SceneSource source : open.values()) {
                source.close();
            }
            open.clear();
            for (Future<SceneSource> future : opening.values()) {
                closeWhenOpened(future);
            }
            opening.clear();
        }
    }

    /** Paints scene {@code index} as it looks at {@code frame} of the video. */
    private void paint(ExecutorService opener, int index, int frame, Canvas canvas, Bands bands)
            throws IOException {
        SceneSource source = sourceOf(opener, index);
        SceneSpan span = timeline.spans().get(index);
        int local = frame - span.shownFrom();
        try {
            source.paint(canvas, local, span.shownCount(), bands);
        } catch (IOException e) {
            source.close();
            source = sources.replace(span, local, e);
            open.put(index, source);
            source.paint(canvas, local, span.shownCount(), bands);
        }
    }

    private static void blend(Canvas into, Canvas other, int weight, Bands bands)
            throws IOException {
        int length = into.data().length;
        bands.run(
                (band, count, worker) -> {
                    int from = Bands.firstRow(band, count, length);
                    Planes.blend(
                            into.data(),
                            other.data(),
                            weight,
                            from,
                            Bands.firstRow(band + 1, count, length) - from);
                });
    }

    private SceneSource sourceOf(ExecutorService opener, int index) throws IOException {
        SceneSource source = open.get(index);
        if (source != null) {
            return source;
        }
        List<SceneSpan> spans = timeline.spans();
        Future<SceneSource> future = opening.remove(index);
        if (future == null) {
            future = opener.submit(() -> sources.open(spans.get(index)));
        }
        try {
            source = future.get();
        } catch (ExecutionException e) {
            throw new IOException("opening scene " + index + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeWhenOpened(future);
            throw new IOException("interrupted while opening scene " + index, e);
        }
        open.put(index, source);
        int next = index + 1;
        while (next < spans.size() && spans.get(next).frameCount() == 0) {
            next++;
        }
        if (next < spans.size() && !open.containsKey(next) && !opening.containsKey(next)) {
            SceneSpan upcoming = spans.get(next);
            opening.put(next, opener.submit(() -> sources.open(upcoming)));
        }
        return source;
    }

    private void closeFinished(List<SceneSpan> spans, int nextFrame) {
        open.entrySet()
                .removeIf(
                        entry -> {
                            if (spans.get(entry.getKey()).shownUntil() <= nextFrame) {
                                entry.getValue().close();
                                return true;
                            }
                            return false;
                        });
    }

    private static int nextShown(List<SceneSpan> spans, int from) {
        for (int i = from; i < spans.size(); i++) {
            if (spans.get(i).frameCount() > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no scene left to show");
    }

    /**
     * Waits for a prefetch still under way (at most one), even when the render is interrupted, and
     * releases what it opened: a decoder left open would leak its native memory.
     */
    private static void closeWhenOpened(Future<SceneSource> future) {
        try {
            Threads.getUninterruptibly(future).close();
        } catch (ExecutionException | RuntimeException e) {
            // The source never opened; nothing to release.
        }
    }
}
