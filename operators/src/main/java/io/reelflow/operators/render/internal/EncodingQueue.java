package io.reelflow.operators.render.internal;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands composed frames to a {@link VideoWriter} running on its own thread, so composing the next
 * frames overlaps encoding this one. A fixed pool of {@code framesInFlight} canvases circulates
 * between the two threads: the composer blocks when all are queued for encoding, so memory is
 * bounded whatever the video's length.
 */
public final class EncodingQueue implements AutoCloseable {

    private static final Canvas END = new Canvas(2, 2);

    private final VideoWriter writer;
    private final int width;
    private final int height;
    private final int framesInFlight;
    private final BlockingQueue<Canvas> free;
    private final BlockingQueue<Canvas> queued;
    private final Thread thread;
    private int allocated;
    private long composerWaitNanos;
    private long encoderWaitNanos;
    private volatile Throwable failure;

    public EncodingQueue(VideoWriter writer, int width, int height, int framesInFlight) {
        if (framesInFlight < 1) {
            throw new IllegalArgumentException(
                    "framesInFlight must be positive, was " + framesInFlight);
        }
        this.writer = writer;
        this.width = width;
        this.height = height;
        this.framesInFlight = framesInFlight;
        this.free = new ArrayBlockingQueue<>(framesInFlight);
        this.queued = new ArrayBlockingQueue<>(framesInFlight + 1);
        this.thread = new Thread(this::encode, "reelflow-encoder");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A canvas to compose the next frame on; blocks while every canvas waits for the encoder.
     *
     * @throws IOException when encoding has failed
     */
    public Canvas acquire() throws IOException {
        try {
            while (true) {
                rethrow();
                Canvas canvas = free.poll();
                if (canvas == null && allocated < framesInFlight) {
                    allocated++;
                    return new Canvas(width, height);
                }
                if (canvas == null) {
                    long start = System.nanoTime();
                    canvas = free.poll(50, TimeUnit.MILLISECONDS);
                    composerWaitNanos += System.nanoTime() - start;
                }
                if (canvas != null) {
                    return canvas;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the encoder", e);
        }
    }

    /** Queues a composed canvas (from {@link #acquire()}) as the next frame. */
    public void submit(Canvas canvas) throws IOException {
        rethrow();
        if (!queued.offer(canvas)) {
            throw new IllegalStateException("more canvases submitted than acquired");
        }
    }

    /** Waits until every queued frame is encoded. */
    public void finish() throws IOException {
        queued.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the encoder", e);
        }
        rethrow();
    }

    /** Canvases created so far: never more than {@code framesInFlight}. */
    public int canvasesAllocated() {
        return allocated;
    }

    /** How long {@link #acquire()} blocked because every canvas was with the encoder. */
    public long composerWaitMillis() {
        return composerWaitNanos / 1_000_000;
    }

    /** How long the encoder thread waited for composed frames; valid after {@link #finish()}. */
    public long encoderWaitMillis() {
        return encoderWaitNanos / 1_000_000;
    }

    private void encode() {
        try {
            while (true) {
                Canvas canvas = queued.poll();
                if (canvas == null) {
                    long start = System.nanoTime();
                    canvas = queued.take();
                    encoderWaitNanos += System.nanoTime() - start;
                }
                if (canvas == END) {
                    return;
                }
                writer.write(canvas);
                free.add(canvas);
            }
        } catch (InterruptedException e) {
            failure = e;
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    private void rethrow() throws IOException {
        Throwable error = failure;
        if (error instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (error != null) {
            throw new IOException("encoding failed: " + error, error);
        }
    }

    /**
     * Stops the encoder thread if it still runs (after a failure or cancellation while composing)
     * and waits for it even when interrupted: the writer is closed next, and must not be while the
     * encoder is inside it.
     */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            Threads.joinUninterruptibly(thread);
        }
    }
}
