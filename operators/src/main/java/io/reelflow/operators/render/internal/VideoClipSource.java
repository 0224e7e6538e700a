package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.ImageTooLargeException;
import io.reelflow.schemas.CameraMove;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A video clip decoded one frame at a time, scaled by FFmpeg straight to YUV 4:2:0 and fitted to
 * the output: centre-cropped to cover it, or on a blurred pad of itself when its shape differs too
 * much. Frames are picked by time, at the {@link ClipPlan}'s speed, so a 30 fps clip plays at its
 * own pace in a 25 fps video; a clip shorter than its scene is slowed down or starts over.
 */
public final class VideoClipSource implements SceneSource {

    private static final int PAD_BLUR_FACTOR = 16;

    /** Pad brightness in 256ths. */
    private static final int PAD_LEVEL = 165;

    private final FFmpegFrameGrabber grabber;
    private final int fps;
    private final Fit fit;
    private final ClipPlan plan;
    private final int decodedWidth;
    private final int decodedHeight;
    private final int cropX;
    private final int cropY;
    private final long sourceFrameMicros;

    /** The fitted frame on screen, replaced when the next one is due. */
    private final Canvas current;

    /** The blurred pad's small picture, for {@link Fit#BLUR_PAD}. */
    private final Canvas pad;

    /** Reused for every padded frame, so blurring allocates nothing per frame. */
    private final Resampler resampler = new Resampler();

    /** The last decoded frame's planes, copied out of the grabber. */
    private byte[] decoded;

    private boolean hasCurrent;

    /** Decoded but not yet due (the grabber's buffer, valid until the next grab). */
    private Frame pending;

    private long pendingMicros;
    private long firstTimestamp = Long.MIN_VALUE;
    private long lastTimestamp;
    private long loopOffsetMicros;
    private boolean decodedAny;

    private VideoClipSource(
            FFmpegFrameGrabber grabber,
            int width,
            int height,
            int fps,
            List<CameraMove> cues,
            int sceneFrames) {
        this.grabber = grabber;
        this.fps = fps;
        int sourceWidth = grabber.getImageWidth();
        int sourceHeight = grabber.getImageHeight();
        this.fit = Fit.choose(sourceWidth, sourceHeight, width, height);
        double sourceFps = grabber.getFrameRate();
        this.sourceFrameMicros =
                sourceFps > 0 && sourceFps < 1000
                        ? Math.round(1_000_000 / sourceFps)
                        : 1_000_000L / fps;
        this.plan = ClipPlan.choose(lengthSeconds(grabber), (double) sceneFrames / fps, cues);
        if (fit == Fit.COVER) {
            CoverCrop crop = CoverCrop.of(sourceWidth, sourceHeight, width, height);
            // Scaled a little further up to an unpadded width, then cropped as before.
            decodedWidth = alignUp(crop.scaledWidth());
            decodedHeight =
                    even(Math.max(height, crop.scaledHeight() * decodedWidth / crop.scaledWidth()));
            cropX = ((decodedWidth - width) / 2) & ~1;
            cropY = ((decodedHeight - height) / 2) & ~1;
            pad = null;
        } else {
            double scale = Math.min((double) width / sourceWidth, (double) height / sourceHeight);
            int fittedWidth = (int) Math.round(sourceWidth * scale);
            decodedWidth = Math.max(ROW_ALIGNMENT, fittedWidth / ROW_ALIGNMENT * ROW_ALIGNMENT);
            decodedHeight =
                    Math.min(
                            height & ~1,
                            Math.max(
                                    2,
                                    even(
                                            (int)
                                                    Math.round(
                                                            sourceHeight
                                                                    * (double) decodedWidth
                                                                    / sourceWidth))));
            cropX = ((width - decodedWidth) / 2) & ~1;
            cropY = ((height - decodedHeight) / 2) & ~1;
            pad =
                    new Canvas(
                            Math.max(2, (width / PAD_BLUR_FACTOR) & ~1),
                            Math.max(2, (height / PAD_BLUR_FACTOR) & ~1));
        }
        grabber.setImageWidth(decodedWidth);
        grabber.setImageHeight(decodedHeight);
        this.current = new Canvas(width, height);
    }

    /**
     * Opens {@code file} for a scene whose picture is needed for {@code sceneFrames} frames and
     * decodes its first frame, so an unreadable clip fails here rather than half-way through.
     */
    public static VideoClipSource open(
            Path file, int width, int height, int fps, List<CameraMove> cues, int sceneFrames)
            throws IOException {
        return open(file, width, height, fps, cues, sceneFrames, ImageLimits.defaults());
    }

    /**
     * Opens {@code file} as {@link #open(Path, int, int, int, List, int)} does, refusing frames of
     * more than {@code limits.maxPixels()} before the first is decoded: clips come from model
     * servers and stock sites too.
     *
     * @throws ImageTooLargeException when the frames are over the pixel limit
     */
    public static VideoClipSource open(
            Path file,
            int width,
            int height,
            int fps,
            List<CameraMove> cues,
            int sceneFrames,
            ImageLimits limits)
            throws IOException {
        limits.checkStreamHeader(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        VideoClipSource source = null;
        try {
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            // Headers that do not declare a size: the decoder refuses bigger frames itself.
            grabber.setVideoOption(
                    "max_pixels", Long.toString(Math.min(limits.maxPixels(), Integer.MAX_VALUE)));
            grabber.start();
            if (!grabber.hasVideo()
                    || grabber.getImageWidth() <= 0
                    || grabber.getImageHeight() <= 0) {
                throw new IOException("no video stream");
            }
            limits.checkPixels(grabber.getImageWidth(), grabber.getImageHeight());
            source = new VideoClipSource(grabber, width, height, fps, cues, sceneFrames);
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

    public Fit fit() {
        return fit;
    }

    public ClipPlan plan() {
        return plan;
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount) throws IOException {
        long at = Math.round(frame * 1_000_000.0 * plan.speed() / fps);
        while (pending != null && (!hasCurrent || pendingMicros <= at)) {
            show(pending);
            pending = next();
        }
        canvas.copyFrom(current);
    }

    /**
     * FFmpeg pads decoded rows to 64 bytes; with widths a multiple of 128 neither the luma rows nor
     * the half-width chroma rows carry padding, so the planes can be copied as one block.
     */
    static final int ROW_ALIGNMENT = 128;

    static int alignUp(int width) {
        return (width + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT;
    }

    private static int even(int pixels) {
        return pixels + (pixels & 1);
    }

    /** Fits a decoded (already scaled, YUV 4:2:0) frame into {@link #current}. */
    private void show(Frame frame) throws IOException {
        int chromaWidth = decodedWidth / 2;
        int chromaHeight = decodedHeight / 2;
        int lumaSize = decodedWidth * decodedHeight;
        int chromaSize = chromaWidth * chromaHeight;
        if (frame.imageWidth != decodedWidth
                || frame.imageHeight != decodedHeight
                || frame.imageStride != decodedWidth) {
            throw new IOException(
                    "unexpected decoded frame "
                            + frame.imageWidth
                            + "x"
                            + frame.imageHeight
                            + " stride "
                            + frame.imageStride);
        }
        if (decoded == null) {
            decoded = new byte[lumaSize + 2 * chromaSize];
        }
        // The grabber's planes follow each other in one block; the frame may expose only the first.
        ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
        if (frame.image.length >= 3 && frame.image[1] != null) {
            pixels.get(0, decoded, 0, lumaSize);
            ((ByteBuffer) frame.image[1]).get(0, decoded, lumaSize, chromaSize);
            ((ByteBuffer) frame.image[2]).get(0, decoded, lumaSize + chromaSize, chromaSize);
        } else {
            Pointer whole = new BytePointer(pixels).capacity(decoded.length);
            whole.asByteBuffer().get(0, decoded, 0, decoded.length);
        }
        int[] offsets = {0, lumaSize, lumaSize + chromaSize};
        if (fit == Fit.COVER) {
            int[] targets = {0, current.uOffset(), current.vOffset()};
            byte[] data = current.data();
            for (int plane = 0; plane < 3; plane++) {
                int shift = plane == 0 ? 0 : 1;
                int sourceStride = decodedWidth >> shift;
                int rowBytes = current.width() >> shift;
                for (int y = 0; y < current.height() >> shift; y++) {
                    int from =
                            offsets[plane]
                                    + (y + (cropY >> shift)) * sourceStride
                                    + (cropX >> shift);
                    System.arraycopy(decoded, from, data, targets[plane] + y * rowBytes, rowBytes);
                }
            }
        } else {
            padded(decoded, offsets);
        }
        hasCurrent = true;
    }

    /** The whole frame centred on a blurred, dimmed enlargement of itself. */
    private void padded(byte[] decoded, int[] offsets) {
        int[] padOffsets = {0, pad.uOffset(), pad.vOffset()};
        int[] targets = {0, current.uOffset(), current.vOffset()};
        double aspect = (double) current.width() / current.height();
        for (int plane = 0; plane < 3; plane++) {
            int shift = plane == 0 ? 0 : 1;
            int w = decodedWidth >> shift;
            int h = decodedHeight >> shift;
            // The part of the frame with the output's shape, shrunk, then enlarged: a blur.
            double windowWidth = Math.min(w, h * aspect);
            double windowHeight = windowWidth / aspect;
            resampler.sample(
                    decoded,
                    offsets[plane],
                    w,
                    h,
                    pad.data(),
                    padOffsets[plane],
                    pad.width() >> shift,
                    pad.width() >> shift,
                    pad.height() >> shift,
                    (w - windowWidth) / 2,
                    (h - windowHeight) / 2,
                    windowWidth,
                    windowHeight);
            resampler.sample(
                    pad.data(),
                    padOffsets[plane],
                    pad.width() >> shift,
                    pad.height() >> shift,
                    current.data(),
                    targets[plane],
                    current.width() >> shift,
                    current.width() >> shift,
                    current.height() >> shift,
                    0,
                    0,
                    pad.width() >> shift,
                    pad.height() >> shift);
        }
        Planes.dim(current, PAD_LEVEL);
        // The frame itself is already at its fitted size: copied row by row into the middle.
        for (int plane = 0; plane < 3; plane++) {
            int shift = plane == 0 ? 0 : 1;
            int w = decodedWidth >> shift;
            int h = decodedHeight >> shift;
            int stride = current.width() >> shift;
            int into = targets[plane] + (cropY >> shift) * stride + (cropX >> shift);
            for (int row = 0; row < h; row++) {
                System.arraycopy(
                        decoded, offsets[plane] + row * w, current.data(), into + row * stride, w);
            }
        }
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

    private static double lengthSeconds(FFmpegFrameGrabber grabber) {
        long micros = grabber.getLengthInTime();
        return micros > 0 ? micros / 1_000_000.0 : 0;
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
