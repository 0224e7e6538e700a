package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.reelflow.operators.render.FfmpegLogging;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@value VideoWriter#NVENC} opens on this machine, found out once per process and
 * remembered: without a GPU every attempt loads the CUDA driver in vain, and FFmpeg complains each
 * time. The outcome is logged once at INFO; {@link VideoWriter} skips NVENC when it is unavailable.
 */
public final class NvencProbe {
    private static final Logger LOG = LoggerFactory.getLogger(NvencProbe.class);

    // A common size: a GPU that cannot encode this cannot encode our videos either.
    private static final int PROBE_WIDTH = 1280;
    private static final int PROBE_HEIGHT = 720;

    private static final NvencProbe SHARED = new NvencProbe(NvencProbe::openEncoder);

    /**
     * What the probe found.
     *
     * @param available whether the encoder opened
     * @param reason why not, for render notes and the log; empty when available
     */
    public record Outcome(boolean available, String reason) {
        public Outcome {
            Objects.requireNonNull(reason, "reason");
        }

        public static Outcome usable() {
            return new Outcome(true, "");
        }

        public static Outcome unavailable(String reason) {
            return new Outcome(false, reason);
        }
    }

    private final Supplier<Outcome> probe;
    private final AtomicInteger probes = new AtomicInteger();
    private volatile Outcome outcome;

    /** A probe that runs {@code probe} the first time its outcome is asked for. */
    NvencProbe(Supplier<Outcome> probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    /** The probe of this process. */
    public static NvencProbe shared() {
        return SHARED;
    }

    /** The outcome, probing on the first call only; concurrent first callers wait for it. */
    public Outcome outcome() {
        Outcome known = outcome;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (outcome == null) {
                probes.incrementAndGet();
                Outcome found = probe.get();
                LOG.info(describe(found));
                outcome = found;
            }
            return outcome;
        }
    }

    /** How many times this probe has run: one at most. */
    int probes() {
        return probes.get();
    }

    /** The line logged once, e.g. {@code no CUDA driver: encoding with libx264}. */
    static String describe(Outcome outcome) {
        return outcome.available()
                ? VideoWriter.NVENC + " available: encoding on the GPU"
                : outcome.reason() + ": encoding with " + VideoWriter.X264;
    }

    /** Opens and frees an encoder context; no file or frame involved. */
    private static Outcome openEncoder() {
        AVCodec codec = avcodec_find_encoder_by_name(VideoWriter.NVENC);
        if (codec == null) {
            return Outcome.unavailable(VideoWriter.NVENC + " not in this FFmpeg build");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null) {
            return Outcome.unavailable("cannot allocate an " + VideoWriter.NVENC + " context");
        }
        try {
            context.width(PROBE_WIDTH)
                    .height(PROBE_HEIGHT)
                    .pix_fmt(AV_PIX_FMT_YUV420P)
                    .time_base(av_make_q(1, 25))
                    .framerate(av_make_q(25, 1));
            List<String> errors = new ArrayList<>();
            int result =
                    FfmpegLogging.capturingErrors(
                            () -> avcodec_open2(context, codec, (AVDictionary) null), errors);
            return result >= 0 ? Outcome.usable() : Outcome.unavailable(reason(errors, result));
        } finally {
            avcodec_free_context(context);
        }
    }

    /** FFmpeg's own words when it logged any, e.g. {@code Cannot load libcuda.so.1}. */
    static String reason(List<String> errors, int code) {
        String said = errors.isEmpty() ? errorText(code) : String.join("; ", errors);
        boolean noDriver = errors.stream().anyMatch(line -> line.contains("libcuda"));
        return noDriver
                ? "no CUDA driver (" + said + ")"
                : VideoWriter.NVENC + " does not open (" + said + ")";
    }

    private static String errorText(int code) {
        byte[] text = new byte[128];
        if (av_strerror(code, text, text.length) < 0) {
            return "error " + code;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
