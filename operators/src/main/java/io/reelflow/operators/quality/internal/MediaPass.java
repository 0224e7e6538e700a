package io.reelflow.operators.quality.internal;

import static org.bytedeco.ffmpeg.avformat.AVIndexEntry.AVINDEX_KEYFRAME;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_bytes_per_sample;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FAST_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.MediaListener;
import io.reelflow.operators.quality.MediaListener.Media;
import io.reelflow.operators.quality.MediaListener.Outcome;
import io.reelflow.operators.quality.MediaListener.Still;
import io.reelflow.operators.quality.MediaListener.Wants;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;

/**
 * One read of a video file for every quality analyzer: the file is demuxed once, its sound decoded
 * whole, and its picture decoded only where some {@link MediaListener} wants frames — from the
 * keyframe before each wanted stretch (found in the container's index, so no seek is needed) until
 * a frame at the stretch's end came out; a still takes the cheapest frame of its interval (one
 * decoded anyway, else a keyframe inside it). Decoding skips the frames no other frame refers to
 * and the deblocking filter (neither changes what the checks see at analysis size). Each decoded
 * frame a listener wants grey is scaled right away to its small size by swscale; stills are
 * converted to BGR at the size asked for. A listener whose callback throws is left out of the rest
 * of the pass ({@link #failureOf}); the others go on.
 */
public final class MediaPass {

    /**
     * Bytes swscale may write past the end of an output row: its SIMD output loops store whole
     * vectors (up to 64 bytes), so a row whose width is not a multiple of that spills into the next
     * row, and the last one past the buffer. Rows are written in order, so only the end needs room;
     * without it a 9:16 or square video's last row corrupted the native heap.
     */
    private static final int SWSCALE_OVERRUN = 64;

    /** Stretches whose decode ranges are closer than this are decoded through. */
    static final double JOIN_SECONDS = 0.5;

    /**
     * How far past a range's end packets are still decoded at most, so that frames held back for
     * reordering come out; decoding stops earlier once a frame at or past the end came out. Also
     * the most a keyframe may be shown after its decode time (the reorder delay).
     */
    private static final double REORDER_SECONDS = 0.25;

    /**
     * Longer than the longest run of frames the decoder leaves out ({@code skip_frame=noref} skips
     * at most a few B-frames in a row: 40-120 ms at 25-30 fps), so a stretch this long that is
     * decoded shows at least one frame.
     */
    private static final double FRAME_GAP_SECONDS = 0.25;

    private static final int EAGAIN = -11;

    private final List<MediaListener> listeners;
    private final Cancellation cancellation;
    private final Map<MediaListener, RuntimeException> failures = new IdentityHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<Long, Scaled> scaled = new HashMap<>();
    private long videoFramesDecoded;
    private long audioFramesDecoded;
    private double lastFrameSeconds;
    private double rangeShownUpTo;
    private String audioError;
    private Outcome outcome;

    private MediaPass(List<MediaListener> listeners, Cancellation cancellation) {
        this.listeners = List.copyOf(listeners);
        this.cancellation = cancellation;
    }

    /**
     * Reads {@code file} once for all {@code listeners}; never throws for bad media (the outcome
     * says why).
     *
     * @throws CancelledException when cancelled between packets
     */
    public static MediaPass run(Path file, List<MediaListener> listeners, Cancellation cancellation)
            throws CancelledException {
        MediaPass pass = new MediaPass(listeners, cancellation);
        pass.outcome = pass.read(file);
        return pass;
    }

    /** How the pass went, for every listener's {@link MediaListener#findings}. */
    public Outcome outcome() {
        return outcome;
    }

    /** What {@code listener} threw during the pass, or null. */
    public RuntimeException failureOf(MediaListener listener) {
        return failures.get(listener);
    }

    /** Video frames the decoder gave (all listeners together). */
    public long videoFramesDecoded() {
        return videoFramesDecoded;
    }

    /** Audio frames the decoder gave. */
    public long audioFramesDecoded() {
        return audioFramesDecoded;
    }

    private Outcome read(Path file) throws CancelledException {
        AVFormatContext format = new AVFormatContext(null);
        AVCodecContext video = null;
        AVCodecContext audio = null;
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        Media media = null;
        try {
            int error = avformat_open_input(format, file.toString(), null, null);
            if (error < 0) {
                format = null;
                return new Outcome(null, "cannot open the file: " + message(error), 0, null);
            }
            error = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (error < 0) {
                return new Outcome(null, "cannot read the streams: " + message(error), 0, null);
            }
            int videoIndex =
                    av_find_best_stream(
                            format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            int audioIndex =
                    av_find_best_stream(
                            format, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            AVStream videoStream = videoIndex >= 0 ? format.streams(videoIndex) : null;
            AVStream audioStream = audioIndex >= 0 ? format.streams(audioIndex) : null;
            double origin =
                    format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time() / 1_000_000.0;
            List<Double> keyframes =
                    videoStream == null ? List.of() : keyframes(videoStream, origin);
            media = media(format, videoStream, audioStream != null, keyframes);

            boolean wantsAudio = false;
            for (MediaListener listener : listeners) {
                final Media known = media;
                Wants wants = call(listener, () -> listener.wants(known), Wants.NOTHING);
                subscriptions.add(
                        new Subscription(listener, wants == null ? Wants.NOTHING : wants));
                wantsAudio |= wants != null && wants.audio();
            }
            List<double[]> ranges = videoStream == null ? List.of() : ranges(keyframes);
            if (!ranges.isEmpty()) {
                video = decoder(videoStream, true);
            }
            if (wantsAudio && audioStream != null) {
                audio = decoder(audioStream, false);
            }
            double videoBase = videoStream == null ? 0 : av_q2d(videoStream.time_base());
            int range = 0;
            boolean decoding = false;
            boolean decodedBefore = false;
            while (true) {
                cancellation.throwIfCancelled();
                error = av_read_frame(format, packet);
                if (error < 0) {
                    if (error != AVERROR_EOF()) {
                        // A broken file ends the read like its end: what was decoded still counts.
                        audioError =
                                audioError == null && audio != null ? message(error) : audioError;
                    }
                    break;
                }
                try {
                    if (video != null && packet.stream_index() == videoIndex) {
                        double pts = seconds(packet.pts(), videoBase, origin);
                        double dts = seconds(packet.dts(), videoBase, origin);
                        if (decoding
                                && !Double.isNaN(dts)
                                && dts >= ranges.get(range)[1] + REORDER_SECONDS) {
                            decoding = false;
                            range++;
                        }
                        while (!decoding
                                && range < ranges.size()
                                && !Double.isNaN(pts)
                                && pts >= ranges.get(range)[1] + REORDER_SECONDS) {
                            range++; // passed without a keyframe to start from
                        }
                        if (!decoding
                                && range < ranges.size()
                                && (packet.flags() & AV_PKT_FLAG_KEY) != 0
                                && (Double.isNaN(pts) || pts >= ranges.get(range)[0] - 1e-3)) {
                            if (decodedBefore) {
                                avcodec_flush_buffers(video);
                            }
                            decoding = true;
                            decodedBefore = true;
                            rangeShownUpTo = Double.NEGATIVE_INFINITY;
                        }
                        if (decoding) {
                            decodeVideo(video, packet, frame, videoBase, origin);
                            // Frames come out in display order: one at or past the end means the
                            // range has given every frame it was decoded for.
                            if (rangeShownUpTo >= ranges.get(range)[1]) {
                                decoding = false;
                                range++;
                            }
                        }
                    } else if (audio != null && packet.stream_index() == audioIndex) {
                        decodeAudio(audio, packet, frame);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (decoding) {
                decodeVideo(video, null, frame, videoBase, origin);
            }
            if (audio != null) {
                decodeAudio(audio, null, frame);
            }
            return new Outcome(media, null, lastFrameSeconds, audioError);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (video != null) {
                avcodec_free_context(video);
            }
            if (audio != null) {
                avcodec_free_context(audio);
            }
            if (format != null) {
                avformat_close_input(format);
            }
            for (Scaled scale : scaled.values()) {
                scale.close();
            }
        }
    }

    /** What the header says. */
    private static Media media(
            AVFormatContext format, AVStream video, boolean audio, List<Double> keyframes) {
        if (video == null) {
            return new Media(false, null, 0, 0, 0, 0, audio, List.of());
        }
        String codec = avcodec_get_name(video.codecpar().codec_id()).getString();
        double seconds =
                video.duration() != AV_NOPTS_VALUE && video.duration() > 0
                        ? video.duration() * av_q2d(video.time_base())
                        : Math.max(0, format.duration() / 1_000_000.0);
        double rate = video.avg_frame_rate().den() > 0 ? av_q2d(video.avg_frame_rate()) : 0;
        return new Media(
                true,
                codec,
                video.codecpar().width(),
                video.codecpar().height(),
                rate,
                seconds,
                audio,
                keyframes);
    }

    /** Keyframe times from the container's index, in order; empty when it has none. */
    private static List<Double> keyframes(AVStream stream, double origin) {
        int count = avformat_index_get_entries_count(stream);
        double base = av_q2d(stream.time_base());
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AVIndexEntry entry = avformat_index_get_entry(stream, i);
            if (entry != null && (entry.flags() & AVINDEX_KEYFRAME) != 0) {
                times.add(entry.timestamp() * base - origin);
            }
        }
        times.sort(Double::compare);
        return times;
    }

    /**
     * The {@code [start, end)} stretches of packets to decode: for every wanted grey window, from
     * the keyframe before it to its end; for every still, nothing when a grey window's decode
     * already shows frames of its interval, else just a keyframe inside its interval, else from the
     * keyframe before its start to its start; overlapping ones merged. Without an index every range
     * starts at the beginning, so nothing wanted is missed.
     */
    private List<double[]> ranges(List<Double> keyframes) {
        List<double[]> grey = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            for (double[] window : subscription.wants.greyWindows()) {
                grey.add(new double[] {window[0], window[1]});
            }
        }
        List<double[]> wanted = new ArrayList<>(grey);
        for (Subscription subscription : subscriptions) {
            for (Still still : subscription.wants.stills()) {
                if (decodedAnyway(still, grey, keyframes)) {
                    continue;
                }
                // A keyframe is all a still needs: decoding stops just past it (a keyframe's decode
                // time may precede its display by the reorder delay, hence the room before the
                // end).
                double inside =
                        firstKeyframeIn(
                                keyframes,
                                still.fromSeconds(),
                                still.toSeconds() - FRAME_GAP_SECONDS);
                wanted.add(
                        Double.isNaN(inside)
                                ? new double[] {
                                    still.fromSeconds(),
                                    Math.min(still.toSeconds(), still.fromSeconds())
                                }
                                : new double[] {inside, inside});
            }
        }
        wanted.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> ranges = new ArrayList<>();
        for (double[] window : wanted) {
            double start = Keyframes.atOrBefore(keyframes, window[0]);
            if (!ranges.isEmpty() && start <= ranges.get(ranges.size() - 1)[1] + JOIN_SECONDS) {
                double[] last = ranges.get(ranges.size() - 1);
                last[1] = Math.max(last[1], window[1]);
            } else {
                ranges.add(new double[] {start, window[1]});
            }
        }
        return ranges;
    }

    /**
     * Whether decoding a grey window (from the keyframe before it) shows frames of {@code still}'s
     * interval anyway: they overlap by more than the decoder's largest gap between frames.
     */
    private static boolean decodedAnyway(Still still, List<double[]> grey, List<Double> keyframes) {
        for (double[] window : grey) {
            double decodedFrom = Keyframes.atOrBefore(keyframes, window[0]);
            double overlap =
                    Math.min(still.toSeconds(), window[1])
                            - Math.max(still.fromSeconds(), decodedFrom);
            if (overlap >= FRAME_GAP_SECONDS) {
                return true;
            }
        }
        return false;
    }

    /** The first keyframe in {@code [from, to]}, or NaN. */
    private static double firstKeyframeIn(List<Double> keyframes, double from, double to) {
        for (double keyframe : keyframes) {
            if (keyframe > to) {
                break;
            }
            if (keyframe >= from) {
                return keyframe;
            }
        }
        return Double.NaN;
    }

    private static AVCodecContext decoder(AVStream stream, boolean video) {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            return null;
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (avcodec_parameters_to_context(context, stream.codecpar()) < 0) {
            avcodec_free_context(context);
            return null;
        }
        AVDictionary options = new AVDictionary(null);
        if (video) {
            // Frames no other frame refers to (most B-frames) and deblocking cost decode time and
            // change nothing at analysis size.
            av_dict_set(options, "skip_frame", "noref", 0);
            av_dict_set(options, "skip_loop_filter", "all", 0);
        }
        // The picture on a thread per core, for the video's latency (a range's end throws away the
        // few frames decoded ahead); the sound is cheap.
        av_dict_set(options, "threads", video ? "auto" : "1", 0);
        int error = avcodec_open2(context, codec, options);
        av_dict_free(options);
        if (error < 0) {
            avcodec_free_context(context);
            return null;
        }
        return context;
    }

    private void decodeVideo(
            AVCodecContext video, AVPacket packet, AVFrame frame, double base, double origin) {
        if (avcodec_send_packet(video, packet) < 0) {
            return; // a broken packet: the decoder conceals it or the next keyframe recovers
        }
        while (avcodec_receive_frame(video, frame) >= 0) {
            try {
                videoFramesDecoded++;
                double at = seconds(frame.best_effort_timestamp(), base, origin);
                if (Double.isNaN(at)) {
                    continue;
                }
                lastFrameSeconds = Math.max(lastFrameSeconds, at);
                rangeShownUpTo = Math.max(rangeShownUpTo, at);
                deliver(frame, at);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** Hands a decoded frame to every listener whose grey window or still it falls in. */
    private void deliver(AVFrame frame, double at) {
        for (Subscription s : subscriptions) {
            if (failures.containsKey(s.listener)) {
                continue;
            }
            List<double[]> windows = s.wants.greyWindows();
            while (s.window < windows.size()) {
                double[] window = windows.get(s.window);
                if (at < window[0]) {
                    break;
                }
                if (!s.inWindow) {
                    s.inWindow = true;
                    call(
                            s.listener,
                            () -> {
                                s.listener.greyWindowStarts();
                                return null;
                            },
                            null);
                }
                ByteBuffer grey = scale(frame, s.wants.greyWidth(), s.wants.greyHeight());
                call(
                        s.listener,
                        () -> {
                            s.listener.grey(grey, s.wants.greyWidth(), at);
                            return null;
                        },
                        null);
                if (at >= window[1]) {
                    s.window++;
                    s.inWindow = false;
                }
                break;
            }
            List<Still> stills = s.wants.stills();
            for (int i = 0; i < stills.size(); i++) {
                Still still = stills.get(i);
                if (s.stillsDone[i] || at < still.fromSeconds() - 1e-4) {
                    continue;
                }
                s.stillsDone[i] = true;
                if (at < still.toSeconds()) {
                    // Closed at once: a full-size frame's native buffer would otherwise wait for a
                    // garbage collection.
                    try (Frame bgr = bgr(frame, still.width(), still.height())) {
                        int index = i;
                        call(
                                s.listener,
                                () -> {
                                    s.listener.still(index, bgr, at);
                                    return null;
                                },
                                null);
                    }
                }
            }
        }
    }

    private void decodeAudio(AVCodecContext audio, AVPacket packet, AVFrame frame) {
        if (audioError != null) {
            return;
        }
        int error = avcodec_send_packet(audio, packet);
        if (error < 0 && error != AVERROR_EOF()) {
            audioError = message(error);
            return;
        }
        while (true) {
            error = avcodec_receive_frame(audio, frame);
            if (error == EAGAIN || error == AVERROR_EOF()) {
                return;
            }
            if (error < 0) {
                audioError = message(error);
                return;
            }
            try {
                audioFramesDecoded++;
                int samples = frame.nb_samples();
                int channels = frame.ch_layout().nb_channels();
                int sampleFormat = frame.format();
                if (samples <= 0 || channels <= 0) {
                    continue;
                }
                boolean planar = av_sample_fmt_is_planar(sampleFormat) != 0;
                int bytes = av_get_bytes_per_sample(sampleFormat);
                Buffer[] planes = new Buffer[planar ? channels : 1];
                for (int c = 0; c < planes.length; c++) {
                    int size = bytes * samples * (planar ? 1 : channels);
                    planes[c] =
                            frame.data(c)
                                    .capacity(size)
                                    .asByteBuffer()
                                    .order(ByteOrder.nativeOrder());
                }
                for (Subscription s : subscriptions) {
                    if (s.wants.audio() && !failures.containsKey(s.listener)) {
                        int rate = frame.sample_rate();
                        call(
                                s.listener,
                                () -> {
                                    s.listener.audio(channels, rate, sampleFormat, samples, planes);
                                    return null;
                                },
                                null);
                    }
                }
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** {@code frame} as 8-bit grey at {@code width x height}, rows packed; valid until the next. */
    private ByteBuffer scale(AVFrame frame, int width, int height) {
        long key = ((long) width << 32) | height;
        Scaled target = scaled.computeIfAbsent(key, k -> new Scaled(width, height));
        target.context =
                sws_getCachedContext(
                        target.context,
                        frame.width(),
                        frame.height(),
                        frame.format(),
                        width,
                        height,
                        AV_PIX_FMT_GRAY8,
                        SWS_FAST_BILINEAR,
                        null,
                        null,
                        (DoublePointer) null);
        sws_scale(
                target.context,
                frame.data(),
                frame.linesize(),
                0,
                frame.height(),
                target.data,
                target.linesize);
        return target.buffer.duplicate().clear().limit(width * height);
    }

    /** {@code frame} as BGR at {@code width x height}, in a frame of its own. */
    private static Frame bgr(AVFrame frame, int width, int height) {
        Frame out = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        SwsContext context =
                sws_getCachedContext(
                        null,
                        frame.width(),
                        frame.height(),
                        frame.format(),
                        width,
                        height,
                        AV_PIX_FMT_BGR24,
                        SWS_BILINEAR,
                        null,
                        null,
                        (DoublePointer) null);
        int size = out.imageStride * height;
        try (BytePointer pixels = new BytePointer((long) size + SWSCALE_OVERRUN);
                PointerPointer<BytePointer> data = new PointerPointer<>(pixels, null, null, null);
                IntPointer linesize = new IntPointer(out.imageStride, 0, 0, 0)) {
            sws_scale(context, frame.data(), frame.linesize(), 0, frame.height(), data, linesize);
            ((ByteBuffer) out.image[0]).clear().put(pixels.limit(size).asByteBuffer()).clear();
        } finally {
            sws_freeContext(context);
        }
        return out;
    }

    private <T> T call(
            MediaListener listener, java.util.function.Supplier<T> callback, T otherwise) {
        if (failures.containsKey(listener)) {
            return otherwise;
        }
        try {
            return callback.get();
        } catch (RuntimeException e) {
            failures.put(listener, e);
            return otherwise;
        }
    }

    private static double seconds(long timestamp, double base, double origin) {
        return timestamp == AV_NOPTS_VALUE ? Double.NaN : timestamp * base - origin;
    }

    private static String message(int error) {
        byte[] text = new byte[256];
        av_strerror(error, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One listener's wants and where the pass is in them. */
    private static final class Subscription {
        final MediaListener listener;
        final Wants wants;
        final boolean[] stillsDone;
        int window;
        boolean inWindow;

        Subscription(MediaListener listener, Wants wants) {
            this.listener = listener;
            this.wants = wants;
            this.stillsDone = new boolean[wants.stills().size()];
        }
    }

    /** A grey target size: its scaler and packed pixel buffer, reused frame after frame. */
    private static final class Scaled implements AutoCloseable {
        final ByteBuffer buffer;
        final BytePointer pixels;
        final PointerPointer<BytePointer> data;
        final IntPointer linesize;
        SwsContext context;

        Scaled(int width, int height) {
            buffer = ByteBuffer.allocateDirect(width * height + SWSCALE_OVERRUN);
            pixels = new BytePointer(buffer);
            data = new PointerPointer<>(pixels, null, null, null);
            linesize = new IntPointer(width, 0, 0, 0);
        }

        @Override
        public void close() {
            if (context != null) {
                sws_freeContext(context);
            }
            data.close();
            linesize.close();
            pixels.close();
        }
    }
}
