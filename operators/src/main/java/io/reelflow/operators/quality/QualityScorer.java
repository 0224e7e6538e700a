package io.reelflow.operators.quality;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video and checks it against its {@link RenderSpec}: decodable, H.264, the expected
 * resolution, the target duration within a tolerance, and not mostly black. Thread-safe and
 * blocking; never throws for bad media (an unreadable file scores 0 with a reason).
 *
 * <p>Score (0-100): 0 when not decodable, else 20 for the codec + 20 for the resolution + 30 for
 * the duration (full within the tolerance, then falling linearly to 0 at a further error of the
 * whole target) + 30 × the share of non-black samples. A perfect video scores 100; {@code passed}
 * needs every check to pass, whatever the score.
 */
public final class QualityScorer implements VideoScorer {

    public static final String EXPECTED_CODEC = "h264";

    static final double CODEC_POINTS = 20;
    static final double RESOLUTION_POINTS = 20;
    static final double DURATION_POINTS = 30;
    static final double BLACK_POINTS = 30;

    /** Frames are scaled down before measuring: the mean luma needs no detail. */
    private static final int SAMPLE_WIDTH = 64;

    private static final int SAMPLE_HEIGHT = 36;

    private final QualityConfig config;

    public QualityScorer() {
        this(QualityConfig.defaults());
    }

    public QualityScorer(QualityConfig config) {
        FfmpegLogging.install();
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Scores {@code videoFile}, the stored {@code video}, against what its spec asked for. */
    @Override
    public QualityReport score(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        return score(videoFile, video.getSpec(), cancellation);
    }

    /** Scores {@code videoFile} against what {@code expected} asked for. */
    public QualityReport score(Path videoFile, RenderSpec expected) {
        try {
            return score(videoFile, expected, Cancellation.none());
        } catch (CancelledException e) {
            throw new IllegalStateException("a token nobody holds was cancelled", e);
        }
    }

    /**
     * Scores {@code videoFile}, stopping between decoded frames once {@code cancellation} is
     * cancelled (its timeout passed), so a long video does not hold a thread for nothing.
     *
     * @throws CancelledException when cancelled
     */
    public QualityReport score(Path videoFile, RenderSpec expected, Cancellation cancellation)
            throws CancelledException {
        Measurement measured;
        try {
            measured = measure(videoFile, cancellation);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            return notDecodable(e.getMessage());
        }
        if (measured.frames() == 0) {
            return notDecodable("no decodable video frames");
        }

        List<String> reasons = new ArrayList<>();
        double score = 0;
        if (EXPECTED_CODEC.equals(measured.codec())) {
            score += CODEC_POINTS;
        } else {
            reasons.add("codec is " + measured.codec() + ", expected " + EXPECTED_CODEC);
        }
        if (measured.width() == expected.getWidth() && measured.height() == expected.getHeight()) {
            score += RESOLUTION_POINTS;
        } else {
            reasons.add(
                    "resolution is "
                            + measured.width()
                            + "x"
                            + measured.height()
                            + ", expected "
                            + expected.getWidth()
                            + "x"
                            + expected.getHeight());
        }
        double target = expected.getTargetDurationSeconds();
        double error = Math.abs(measured.durationSeconds() - target);
        double tolerance = config.durationToleranceSeconds();
        if (error <= tolerance) {
            score += DURATION_POINTS;
        } else {
            score += DURATION_POINTS * Math.max(0, 1 - (error - tolerance) / target);
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "duration is %.2f s, target %.2f s (tolerance %.2f s)",
                            measured.durationSeconds(),
                            target,
                            tolerance));
        }
        double blackRatio = measured.blackFrameRatio();
        score += BLACK_POINTS * (1 - blackRatio);
        if (blackRatio > config.maxBlackFrameRatio()) {
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "%.0f%% of sampled frames are black (at most %.0f%% allowed)",
                            blackRatio * 100,
                            config.maxBlackFrameRatio() * 100));
        }

        return QualityReport.newBuilder()
                .setScore(Math.round(score * 10) / 10.0)
                .setPassed(reasons.isEmpty())
                .setReasons(reasons)
                .setMeasuredDurationSeconds(measured.durationSeconds())
                .setWidth(measured.width())
                .setHeight(measured.height())
                .setCodec(measured.codec())
                .setBlackFrameRatio(blackRatio)
                .build();
    }

    private static QualityReport notDecodable(String why) {
        return QualityReport.newBuilder()
                .setScore(0)
                .setPassed(false)
                .setReasons(List.of("not decodable: " + why))
                .build();
    }

    /** What decoding the whole file found. */
    private record Measurement(
            String codec,
            int width,
            int height,
            int frames,
            double durationSeconds,
            int samples,
            int blackSamples) {

        double blackFrameRatio() {
            return samples == 0 ? 0 : (double) blackSamples / samples;
        }
    }

    private Measurement measure(Path videoFile, Cancellation cancellation)
            throws FrameGrabber.Exception, CancelledException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(videoFile.toFile())) {
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new FrameGrabber.Exception("no video stream");
            }
            String codec = avcodec_get_name(grabber.getVideoCodec()).getString();
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            // Set after reading the real size: decoded frames come out small and BGR.
            grabber.setImageWidth(SAMPLE_WIDTH);
            grabber.setImageHeight(SAMPLE_HEIGHT);

            long interval = Math.max(1, Math.round(config.sampleIntervalSeconds() * 1_000_000));
            long firstTimestamp = 0;
            long lastTimestamp = 0;
            long nextSample = 0;
            int frames = 0;
            int samples = 0;
            int blackSamples = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                cancellation.throwIfCancelled();
                if (frames == 0) {
                    firstTimestamp = frame.timestamp;
                }
                frames++;
                lastTimestamp = Math.max(lastTimestamp, frame.timestamp);
                long at = frame.timestamp - firstTimestamp;
                if (at >= nextSample) {
                    samples++;
                    if (meanLuma(frame) < config.blackLumaThreshold()) {
                        blackSamples++;
                    }
                    nextSample = (at / interval + 1) * interval;
                }
            }
            double frameRate = grabber.getFrameRate();
            double duration =
                    frames == 0
                            ? 0
                            : frameRate > 0
                                    ? (lastTimestamp - firstTimestamp) / 1_000_000.0 + 1 / frameRate
                                    : grabber.getLengthInTime() / 1_000_000.0;
            return new Measurement(codec, width, height, frames, duration, samples, blackSamples);
        }
    }

    /** Mean Rec. 601 luma (0-255) of a BGR frame. */
    static double meanLuma(Frame frame) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int channels = frame.imageChannels;
        double sum = 0;
        for (int y = 0; y < frame.imageHeight; y++) {
            int row = y * frame.imageStride;
            for (int x = 0; x < frame.imageWidth; x++) {
                int i = row + x * channels;
                int b = pixels.get(i) & 0xff;
                int g = pixels.get(i + 1) & 0xff;
                int r = pixels.get(i + 2) & 0xff;
                sum += 0.299 * r + 0.587 * g + 0.114 * b;
            }
        }
        return sum / ((double) frame.imageWidth * frame.imageHeight);
    }
}
