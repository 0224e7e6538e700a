package io.reelflow.benchmarks.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.benchmarks.common.Options;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The encode-only baseline: encodes frames already rendered (raw yuv420p on disk) with the same
 * JavaCV FFmpeg build and the same settings as the renderer's writer (libx264, preset, CRF,
 * threads, two-second GOP, MP4 with faststart), and prints one JSON line. The renderer cannot be
 * faster than this; issue 5 asks for at most 1.3 times its time.
 *
 * <pre>
 * --raw FILE        raw yuv420p frames of the variant's size (required)
 * --variant NAME    the slideshow variant the frames belong to (default 720p)
 * --out FILE        the MP4 to write (required)
 * --crf N           (default 23)   --preset NAME (default ultrafast)   --threads N (default 2)
 * </pre>
 */
public final class EncodeOnlyMain {

    private static final Set<String> OPTIONS =
            Set.of("raw", "variant", "out", "crf", "preset", "threads");

    private EncodeOnlyMain() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, OPTIONS, Set.of());
        Slideshow show = Slideshow.named(options.get("variant", "720p"));
        Path raw = Path.of(options.require("raw"));
        Path out = Path.of(options.require("out"));
        av_log_set_level(AV_LOG_ERROR);

        long start = System.nanoTime();
        int frames =
                encode(
                        raw,
                        out,
                        show,
                        options.get("preset", FfmpegCommands.PRESET),
                        options.getInt("crf", FfmpegCommands.CRF),
                        options.getInt("threads", FfmpegCommands.THREADS));
        long encodeMillis = (System.nanoTime() - start) / 1_000_000;

        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("variant", show.name());
        line.put("encodeMillis", encodeMillis);
        line.put("frames", frames);
        line.put("output", out.toString());
        System.out.println(line);
    }

    /** Encodes every whole frame of {@code raw}; returns how many. */
    static int encode(Path raw, Path out, Slideshow show, String preset, int crf, int threads)
            throws IOException {
        int width = show.width();
        int height = show.height();
        int frameBytes = width * height * 3 / 2;
        ByteBuffer buffer = ByteBuffer.allocateDirect(frameBytes);
        int frames = 0;
        try (FileChannel input = FileChannel.open(raw, StandardOpenOption.READ);
                FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(out.toFile(), width, height, 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(show.fps());
            recorder.setGopSize(2 * show.fps());
            recorder.setVideoBitrate(0);
            recorder.setOption("movflags", "+faststart");
            recorder.setVideoOption("preset", preset);
            recorder.setVideoOption("crf", Integer.toString(crf));
            recorder.setVideoOption("threads", Integer.toString(threads));
            recorder.start();
            while (readFrame(input, buffer)) {
                // Same pixel format and size as the encoder: JavaCV hands the planes over as
                // they are, without swscale.
                recorder.recordImage(
                        width, height, Frame.DEPTH_UBYTE, 1, width, AV_PIX_FMT_YUV420P, buffer);
                frames++;
            }
            recorder.stop();
        }
        return frames;
    }

    /** Fills {@code buffer} with the next frame; false at the end (a partial frame is dropped). */
    private static boolean readFrame(FileChannel input, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (input.read(buffer) < 0) {
                return false;
            }
        }
        buffer.flip();
        return true;
    }
}
