package io.reelflow.operators.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's log ({@code av_log}) to SLF4J at DEBUG instead of the process's stderr, where
 * FFmpeg would print stream tables, encoder statistics and one complaint per failed encoder open.
 * The renderer, the asset importer and local mode call {@link #install()}; set this class's logger
 * to DEBUG to see FFmpeg's lines.
 *
 * <pre>{@code
 * FfmpegLogging.install(); // idempotent, once per process is enough
 * }</pre>
 */
public final class FfmpegLogging {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegLogging.class);

    // Held here for the life of the process: native code keeps calling it after install().
    private static final LogCallback CALLBACK = new ToSlf4j();

    // Error lines of the FFmpeg calls made inside capturingErrors, per calling thread.
    private static final ThreadLocal<List<String>> CAPTURED = new ThreadLocal<>();

    private static boolean installed;

    private FfmpegLogging() {}

    /**
     * Routes FFmpeg's log through SLF4J from now on. FFmpeg's level becomes {@code info} when this
     * class logs at DEBUG, {@code error} otherwise: the native side drops lines above that level
     * before they cross into Java, and errors still reach {@link #capturingErrors}.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        av_log_set_level(LOG.isDebugEnabled() ? AV_LOG_INFO : AV_LOG_ERROR);
        setLogCallback(CALLBACK);
        installed = true;
    }

    /**
     * Runs {@code action} and adds to {@code errors} the FFmpeg error lines it logged on this
     * thread (without FFmpeg's {@code [codec @ 0x...]} prefix): FFmpeg explains a failure only in
     * its log, the return code says little more than "failed". Installs the routing if needed.
     */
    public static <T> T capturingErrors(Supplier<T> action, List<String> errors) {
        install();
        List<String> previous = CAPTURED.get();
        List<String> lines = new ArrayList<>();
        CAPTURED.set(lines);
        try {
            return action.get();
        } finally {
            CAPTURED.set(previous);
            errors.addAll(lines);
        }
    }

    /** {@code [h264_nvenc @ 0x7f..] Cannot load libcuda.so.1} becomes {@code Cannot load ...}. */
    static String withoutContext(String line) {
        return line.replaceFirst("^\\[[^\\]]*\\]\\s*", "");
    }

    private static final class ToSlf4j extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            try {
                String line = message.getString().stripTrailing();
                if (line.isEmpty()) {
                    return;
                }
                List<String> captured = CAPTURED.get();
                // The low byte is the level; higher bits are flags.
                if (captured != null && (level & 0xff) <= AV_LOG_ERROR) {
                    captured.add(withoutContext(line));
                }
                LOG.debug("{}", line);
            } catch (RuntimeException e) {
                // Never let an exception unwind into FFmpeg's native frames.
            }
        }
    }
}
