package io.reelflow.operators.render.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a JVM's first render would otherwise do in front of its first frame, started on a thread of
 * its own when the first renderer is made (a task manager makes it when the job starts): compiling
 * the Vector API loops ({@link Resampler}'s class initialisation, about 0.5 s of one core), loading
 * FFmpeg's libraries and the render's fonts. A render that needs one of them before it is done
 * waits for it (class initialisation and the loaders are locked), so nothing is done twice.
 */
public final class RenderWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(RenderWarmUp.class);

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private RenderWarmUp() {}

    /**
     * Starts the warm-up once per JVM, with {@code fonts} loading the fonts of the first renderer's
     * config (a JVM's renderers share one config in practice; another config loads its own fonts on
     * its first render). Returns whether this call started it.
     */
    public static boolean startOnce(Runnable fonts) {
        if (!STARTED.compareAndSet(false, true)) {
            return false;
        }
        Thread thread = new Thread(() -> run(fonts), "reelflow-render-warm-up");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    static void run(Runnable fonts) {
        long start = System.nanoTime();
        try {
            Resampler.vectorised();
            FFmpegFrameRecorder.tryLoad();
            FFmpegFrameGrabber.tryLoad();
            fonts.run();
            LOG.debug(
                    "Render warm-up done in {} ms (pixel loops {})",
                    (System.nanoTime() - start) / 1_000_000,
                    Resampler.vectorised() ? "vectorised" : "scalar");
        } catch (Exception | LinkageError e) {
            // The first render meets the same problem on its own thread and reports it there.
            LOG.warn("Render warm-up stopped: {}", e.toString());
        }
    }
}
