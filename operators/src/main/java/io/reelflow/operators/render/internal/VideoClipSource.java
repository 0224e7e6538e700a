package io.reelflow.operators.render.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A video clip decoded frame by frame, scaled by FFmpeg to cover the output and centre-cropped.
 * Frames are picked by time, so a 30 fps clip plays at its own speed in a 25 fps video; a clip
 * shorter than its scene starts again from the beginning.
 */
public final class VideoClipSource implements SceneSource {

    private final FFmpegFrameGrabber grabber;
    private final int width;
    private final int height;
    private final int fps;
    private final CoverCrop crop;
    private final long sourceFrameMicros;

    /** The cropped BGR frame on screen, replaced when the next one is due. */
    private final byte[] current;

    private boolean hasCurrent;

    /** Decoded but not yet due (the grabber's buffer, valid until the next grab). */
    private Frame pending;

    private long pendingMicros;
    private long firstTimestamp = Long.MIN_VALUE;
    private long lastTimestamp;
    private long loopOffsetMicros;
    private boolean decodedAny;

    private VideoClipSource(FFmpegFrameGrabber grabber, int width, int height, int fps) {
        this.grabber = grabber;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.crop = CoverCrop.of(grabber.getImageWidth(), grabber.getImageHeight(), width, height);
        double sourceFps = grabber.getFrameRate();
        this.sourceFrameMicros =
                sourceFps > 0 && sourceFps < 1000
                        ? Math.round(1_000_000 / sourceFps)
                        : 1_000_000L / fps;
        grabber.setImageWidth(crop.scaledWidth());
        grabber.setImageHeight(crop.scaledHeight());
        this.current = new byte[width * height * 3];
    }

    /**
     * Opens {@code file} and decodes its first frame, so an unreadable clip fails here rather than
     * half-way through a scene.
     */
    public static VideoClipSource open(Path file, int width, int height, int fps)
            throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        VideoClipSource source = null;
        try {
            grabber.start();
            if (!grabber.hasVideo()
                    || grabber.getImageWidth() <= 0
                    || grabber.getImageHeight() <= 0) {
                throw new IOException("no video stream");
            }
            source = new VideoClipSource(grabber, width, height, fps);
            source.pending = source.next();
            return source;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode video: " + e.getMessage(), e);
        } finally {
            if (source == null || source.pending == null) {
                closeQuietly(grabber);
            }
        }
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount) throws IOException {
        long at = frame * 1_000_000L / fps;
        while (pending != null && (!hasCurrent || pendingMicros <= at)) {
            show(pending);
            pending = next();
        }
        System.arraycopy(current, 0, canvas.pixels(), 0, current.length);
    }

    /** Copies the visible part of a decoded (already scaled, BGR) frame. */
    private void show(Frame frame) throws IOException {
        if (frame.imageChannels != 3
                || frame.imageWidth != crop.scaledWidth()
                || frame.imageHeight != crop.scaledHeight()) {
            throw new IOException(
                    "unexpected decoded frame "
                            + frame.imageWidth
                            + "x"
                            + frame.imageHeight
                            + "x"
                            + frame.imageChannels);
        }
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++) {
            int from = (y + crop.cropY()) * frame.imageStride + crop.cropX() * 3;
            pixels.get(from, current, y * rowBytes, rowBytes);
        }
        hasCurrent = true;
    }

    /** The next frame in play order, starting the clip over at its end. */
    private Frame next() throws IOException {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                if (!decodedAny) {
                    throw new IOException("no decodable video frames");
                }
                loopOffsetMicros += lastTimestamp - firstTimestamp + sourceFrameMicros;
                grabber.restart();
                firstTimestamp = Long.MIN_VALUE;
                frame = grabber.grabImage();
                if (frame == null) {
                    throw new IOException("clip could not be read again from the start");
                }
            }
            if (firstTimestamp == Long.MIN_VALUE) {
                firstTimestamp = frame.timestamp;
                lastTimestamp = frame.timestamp;
            }
            lastTimestamp = Math.max(lastTimestamp, frame.timestamp);
            pendingMicros = loopOffsetMicros + Math.max(0, frame.timestamp - firstTimestamp);
            decodedAny = true;
            return frame;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode video: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Releasing native decoder memory; nothing useful to do when that fails.
        }
    }
}
