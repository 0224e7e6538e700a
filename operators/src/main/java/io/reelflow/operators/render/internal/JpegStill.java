package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_freep;
import static org.bytedeco.ffmpeg.global.avutil.av_image_alloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A JPEG photo decoded by FFmpeg and scaled by swscale straight into a YUV 4:2:0 {@link Canvas}:
 * the pixels stay in native memory until the finished still is copied out, so no decoded picture
 * lands on the Java heap. The decoder halves large photos in the DCT domain ({@code lowres}) when
 * that still leaves at least the size needed, and JPEG's own YCbCr goes to the canvas's
 * limited-range YCbCr without a detour through RGB (both are BT.601).
 */
final class JpegStill {

    /** What remains of the pad's brightness under the Java2D pad's translucent black. */
    private static final int PAD_KEEP = 255 - PhotoSource.PAD_SHADE.getAlpha();

    /**
     * Halving in the DCT domain (a 4x4 inverse DCT per block) keeps the fit as sharp as decoding
     * whole; FFmpeg's deeper shrinks (2x2 and 1x1 inverse DCTs, by 4 and 8) soften it visibly.
     */
    static final int MAX_LOWRES = 1;

    private static final int SCALE_FLAGS = SWS_BICUBIC | SWS_ACCURATE_RND;

    /** Bytes past a native picture that swscale's vector code may touch. */
    private static final int SWSCALE_PADDING = 64;

    private JpegStill() {}

    /**
     * Whether the file is a JPEG of YCbCr or grey samples, read from its header the way ImageIO
     * reads it: one component is grey; three are YCbCr unless an Adobe marker says RGB (transform
     * 0) or the components are named R, G, B; four (CMYK, YCCK) are not. FFmpeg decodes an RGB JPEG
     * with subsampled components as if it were YCbCr, so the header, not FFmpeg, decides.
     */
    static boolean isYcbcrOrGrey(Path file) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4096))) {
            if (in.readUnsignedShort() != 0xffd8) {
                return false;
            }
            int adobeTransform = -1;
            while (true) {
                int marker = nextMarker(in);
                if (marker == 0xd9 || marker == 0xda) {
                    return false; // end of image or scan before any frame header
                }
                if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                    continue; // markers without a segment
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return false;
                }
                if (isStartOfFrame(marker)) {
                    in.skipNBytes(5); // precision, height, width
                    int components = in.readUnsignedByte();
                    if (components == 1) {
                        return true;
                    }
                    if (components != 3 || adobeTransform == 0) {
                        return false;
                    }
                    int[] ids = new int[3];
                    for (int i = 0; i < 3; i++) {
                        ids[i] = in.readUnsignedByte();
                        in.skipNBytes(2);
                    }
                    return !(ids[0] == 'R' && ids[1] == 'G' && ids[2] == 'B');
                }
                byte[] segment = in.readNBytes(length);
                if (marker == 0xee && segment.length >= 12 && startsWith(segment, "Adobe")) {
                    adobeTransform = segment[11] & 0xff;
                }
            }
        } catch (EOFException e) {
            return false;
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        int value = in.readUnsignedByte();
        while (value != 0xff) {
            value = in.readUnsignedByte(); // stray bytes between segments
        }
        while (value == 0xff) {
            value = in.readUnsignedByte(); // fill bytes
        }
        return value;
    }

    /** SOF0..SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xc0
                && marker <= 0xcf
                && marker != 0xc4
                && marker != 0xc8
                && marker != 0xcc;
    }

    private static boolean startsWith(byte[] segment, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (segment[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The still of a {@code width x height} JPEG (its declared size, already checked against the
     * limits) at {@code stillWidth x stillHeight}, covering it or on a blurred pad; check {@link
     * #isYcbcrOrGrey} first. Null when FFmpeg's decoder gives samples other than 8-bit YCbCr or
     * grey (12-bit JPEGs): those keep the ImageIO path.
     *
     * @throws IOException when FFmpeg cannot decode the file
     */
    static Canvas decode(
            Path file,
            int width,
            int height,
            int stillWidth,
            int stillHeight,
            Fit fit,
            long maxPixels)
            throws IOException {
        CoverCrop cover = CoverCrop.of(width, height, stillWidth, stillHeight);
        int[] needed =
                fit == Fit.COVER
                        ? new int[] {cover.scaledWidth(), cover.scaledHeight()}
                        : contained(width, height, stillWidth, stillHeight);
        int lowres = lowresFor(width, height, needed[0], needed[1]);
        AVFrame frame = decodeFrame(file, lowres, maxPixels);
        try {
            int format = yuvFormat(frame.format());
            if (format < 0) {
                return null;
            }
            int sourceRange = frame.color_range() == AVCOL_RANGE_MPEG ? 0 : 1;
            Canvas still = new Canvas(stillWidth, stillHeight);
            if (fit == Fit.COVER) {
                coverInto(frame, format, sourceRange, still, SCALE_FLAGS);
            } else {
                int[] size = contained(frame.width(), frame.height(), stillWidth, stillHeight);
                int left = ((stillWidth - size[0]) / 2) & ~1;
                int top = ((stillHeight - size[1]) / 2) & ~1;
                Canvas photo = new Canvas(size[0], size[1]);
                scaleInto(frame, format, sourceRange, photo, size[0], size[1], 0, 0, SCALE_FLAGS);
                padInto(frame, format, sourceRange, still);
                paste(photo, still, left, top);
            }
            return still;
        } finally {
            av_frame_free(frame);
        }
    }

    /**
     * The largest DCT-domain shrink that still leaves at least {@code needed} pixels each way; the
     * rest of the way is swscale's.
     */
    static int lowresFor(int width, int height, int neededWidth, int neededHeight) {
        int lowres = 0;
        while (lowres < MAX_LOWRES
                && ceilShift(width, lowres + 1) >= neededWidth
                && ceilShift(height, lowres + 1) >= neededHeight) {
            lowres++;
        }
        return lowres;
    }

    private static int ceilShift(int size, int shift) {
        return -((-size) >> shift);
    }

    /** The even size of a {@code width x height} picture shown whole inside the still. */
    static int[] contained(int width, int height, int stillWidth, int stillHeight) {
        double scale = Math.min((double) stillWidth / width, (double) stillHeight / height);
        int w = Math.min(stillWidth, Math.max(2, (int) Math.round(width * scale / 2) * 2));
        int h = Math.min(stillHeight, Math.max(2, (int) Math.round(height * scale / 2) * 2));
        return new int[] {w, h};
    }

    private static AVFrame decodeFrame(Path file, int lowres, long maxPixels) throws IOException {
        AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
        if (codec == null) {
            throw new IOException("FFmpeg has no JPEG decoder");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        boolean decoded = false;
        try {
            context.lowres(lowres);
            context.thread_count(1);
            context.max_pixels(maxPixels);
            check(avcodec_open2(context, codec, (AVDictionary) null), "cannot open the decoder");
            readInto(packet, file);
            check(avcodec_send_packet(context, packet), "cannot decode the JPEG");
            avcodec_send_packet(context, null);
            check(avcodec_receive_frame(context, frame), "the JPEG gave no picture");
            if (frame.width() <= 0 || frame.height() <= 0) {
                throw new IOException("the JPEG gave no picture");
            }
            decoded = true;
            return frame;
        } finally {
            if (!decoded) {
                av_frame_free(frame);
            }
            av_packet_free(packet);
            avcodec_free_context(context);
        }
    }

    /** The whole file as one packet, read into native memory (FFmpeg pads and zeroes the end). */
    private static void readInto(AVPacket packet, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size <= 0 || size > Integer.MAX_VALUE - 64) {
                throw new IOException("cannot read a JPEG of " + size + " bytes");
            }
            check(av_new_packet(packet, (int) size), "out of memory for the JPEG");
            ByteBuffer buffer = packet.data().capacity(size).asByteBuffer();
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Read to the end.
            }
            if (buffer.hasRemaining()) {
                throw new IOException("the JPEG file got shorter while read");
            }
        }
    }

    /**
     * The full-range format's limited-range twin with the same planes, since swscale takes range as
     * a setting, not a format; -1 for RGB, CMYK and everything else.
     */
    private static int yuvFormat(int format) {
        if (format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUV420P) {
            return AV_PIX_FMT_YUV420P;
        } else if (format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUV422P) {
            return AV_PIX_FMT_YUV422P;
        } else if (format == AV_PIX_FMT_YUVJ444P || format == AV_PIX_FMT_YUV444P) {
            return AV_PIX_FMT_YUV444P;
        } else if (format == AV_PIX_FMT_YUVJ440P || format == AV_PIX_FMT_YUV440P) {
            return AV_PIX_FMT_YUV440P;
        } else if (format == AV_PIX_FMT_YUVJ411P || format == AV_PIX_FMT_YUV411P) {
            return AV_PIX_FMT_YUV411P;
        } else if (format == AV_PIX_FMT_GRAY8) {
            return AV_PIX_FMT_GRAY8;
        }
        return -1;
    }

    /**
     * Scales {@code frame} to cover {@code target} and copies the middle, as {@link CoverCrop}
     * places it. Scaling the whole frame keeps the grid exactly there; cropping the source first
     * would shift it by a fraction of a pixel, which softens fine detail measurably.
     */
    private static void coverInto(
            AVFrame frame, int format, int sourceRange, Canvas target, int flags)
            throws IOException {
        CoverCrop cover =
                CoverCrop.of(frame.width(), frame.height(), target.width(), target.height());
        scaleInto(
                frame,
                format,
                sourceRange,
                target,
                cover.scaledWidth(),
                cover.scaledHeight(),
                cover.cropX(),
                cover.cropY(),
                flags);
    }

    /**
     * The blurred, darker pad: the photo covering the still, shrunk by box filtering to about a
     * 24th (the same halving steps as the Java2D pad) and enlarged smoothly, then shaded.
     */
    private static void padInto(AVFrame frame, int format, int sourceRange, Canvas still)
            throws IOException {
        int smallWidth = Math.max(2, still.width() / PhotoSource.PAD_BLUR_FACTOR);
        int smallHeight = Math.max(2, still.height() / PhotoSource.PAD_BLUR_FACTOR);
        int width = still.width();
        int height = still.height();
        while (width / 2 >= smallWidth && height / 2 >= smallHeight) {
            width /= 2;
            height /= 2;
        }
        Canvas small = new Canvas(width + (width & 1), height + (height & 1));
        coverInto(frame, format, sourceRange, small, SWS_AREA);
        enlarge(small, still);
        shade(still);
    }

    /**
     * Scales {@code frame} to {@code width x height} and copies the window of {@code target}'s size
     * at {@code (left, top)} into it.
     */
    private static void scaleInto(
            AVFrame frame,
            int format,
            int sourceRange,
            Canvas target,
            int width,
            int height,
            int left,
            int top,
            int flags)
            throws IOException {
        SwsContext context =
                sws_getContext(
                        frame.width(),
                        frame.height(),
                        format,
                        width,
                        height,
                        AV_PIX_FMT_YUV420P,
                        flags,
                        null,
                        null,
                        (DoublePointer) null);
        if (context == null) {
            throw new IOException("swscale cannot convert the JPEG's samples");
        }
        try (PointerPointer<BytePointer> data = new PointerPointer<>(4);
                IntPointer linesize = new IntPointer(4)) {
            IntPointer bt601 = sws_getCoefficients(SWS_CS_ITU601);
            sws_setColorspaceDetails(context, bt601, sourceRange, bt601, 0, 0, 1 << 16, 1 << 16);
            check(
                    av_image_alloc(data, linesize, width, height, AV_PIX_FMT_YUV420P, 32),
                    "out of memory for the still");
            try {
                sws_scale(
                        context, frame.data(), frame.linesize(), 0, frame.height(), data, linesize);
                copyOut(data, linesize, target, left, top);
            } finally {
                av_freep(data);
            }
        } finally {
            sws_freeContext(context);
        }
    }

    /** The small picture enlarged (bilinear, swscale) over the whole of {@code target}. */
    private static void enlarge(Canvas small, Canvas target) throws IOException {
        SwsContext context =
                sws_getContext(
                        small.width(),
                        small.height(),
                        AV_PIX_FMT_YUV420P,
                        target.width(),
                        target.height(),
                        AV_PIX_FMT_YUV420P,
                        SWS_BILINEAR | SWS_ACCURATE_RND,
                        null,
                        null,
                        (DoublePointer) null);
        if (context == null) {
            throw new IOException("swscale cannot enlarge the pad");
        }
        // Room past the last row: swscale's vector loads read beyond a row's width.
        try (BytePointer pixels =
                        new BytePointer((long) small.data().length + SWSCALE_PADDING)
                                .put(small.data());
                PointerPointer<BytePointer> source =
                        new PointerPointer<>(
                                pixels,
                                pixels.getPointer(small.uOffset()),
                                pixels.getPointer(small.vOffset()),
                                null);
                IntPointer sourceLinesize =
                        new IntPointer(small.width(), small.chromaWidth(), small.chromaWidth(), 0);
                PointerPointer<BytePointer> data = new PointerPointer<>(4);
                IntPointer linesize = new IntPointer(4)) {
            check(
                    av_image_alloc(
                            data,
                            linesize,
                            target.width(),
                            target.height(),
                            AV_PIX_FMT_YUV420P,
                            32),
                    "out of memory for the pad");
            try {
                sws_scale(context, source, sourceLinesize, 0, small.height(), data, linesize);
                copyOut(data, linesize, target, 0, 0);
            } finally {
                av_freep(data);
            }
        } finally {
            sws_freeContext(context);
        }
    }

    /**
     * Copies the window of {@code target}'s size at {@code (left, top)} of a native yuv420p picture
     * into it. An odd corner puts the chroma half a chroma sample off (the luma is exact): a shift
     * of the whole picture by a row shows, half a chroma sample does not.
     */
    private static void copyOut(
            PointerPointer<BytePointer> data,
            IntPointer linesize,
            Canvas target,
            int left,
            int top) {
        byte[] out = target.data();
        copyPlane(
                data.get(BytePointer.class, 0),
                linesize.get(0),
                left,
                top,
                out,
                0,
                target.width(),
                target.height());
        copyPlane(
                data.get(BytePointer.class, 1),
                linesize.get(1),
                left / 2,
                top / 2,
                out,
                target.uOffset(),
                target.chromaWidth(),
                target.chromaHeight());
        copyPlane(
                data.get(BytePointer.class, 2),
                linesize.get(2),
                left / 2,
                top / 2,
                out,
                target.vOffset(),
                target.chromaWidth(),
                target.chromaHeight());
    }

    private static void copyPlane(
            BytePointer plane,
            int linesize,
            int left,
            int top,
            byte[] out,
            int offset,
            int width,
            int height) {
        for (int row = 0; row < height; row++) {
            plane.position((long) (top + row) * linesize + left)
                    .get(out, offset + row * width, width);
        }
    }

    /** Darkens towards black in limited range, as the Java2D pad's translucent black fill. */
    private static void shade(Canvas canvas) {
        byte[] luma = new byte[256];
        byte[] chroma = new byte[256];
        for (int value = 0; value < 256; value++) {
            luma[value] =
                    (byte)
                            (Canvas.BLACK_Y
                                    + Math.round((value - Canvas.BLACK_Y) * PAD_KEEP / 255f));
            chroma[value] =
                    (byte)
                            (Canvas.NEUTRAL_CHROMA
                                    + Math.round(
                                            (value - Canvas.NEUTRAL_CHROMA) * PAD_KEEP / 255f));
        }
        byte[] data = canvas.data();
        int u = canvas.uOffset();
        for (int i = 0; i < u; i++) {
            data[i] = luma[data[i] & 0xff];
        }
        for (int i = u; i < data.length; i++) {
            data[i] = chroma[data[i] & 0xff];
        }
    }

    /** Copies {@code photo} into {@code still} with its top left corner at an even place. */
    private static void paste(Canvas photo, Canvas still, int left, int top) {
        byte[] from = photo.data();
        byte[] to = still.data();
        for (int row = 0; row < photo.height(); row++) {
            System.arraycopy(
                    from,
                    row * photo.width(),
                    to,
                    (top + row) * still.width() + left,
                    photo.width());
        }
        for (int row = 0; row < photo.chromaHeight(); row++) {
            int at = (top / 2 + row) * still.chromaWidth() + left / 2;
            int fromAt = row * photo.chromaWidth();
            System.arraycopy(
                    from, photo.uOffset() + fromAt, to, still.uOffset() + at, photo.chromaWidth());
            System.arraycopy(
                    from, photo.vOffset() + fromAt, to, still.vOffset() + at, photo.chromaWidth());
        }
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException(what + " (FFmpeg error " + result + ")");
        }
    }
}
