package io.reelflow.operators.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Collects what {@code ebur128=metadata=1} attaches to the frames it passes: the running integrated
 * loudness, loudness range and, with {@code peak=true}, true peaks. Reading frame metadata, rather
 * than the filter's log, keeps concurrent mixes apart (FFmpeg's log callback is process-wide). The
 * mixer and quality scoring read loudness with it; both measure true peaks with {@link TruePeak},
 * which costs much less than the filter's oversampling.
 */
public final class LoudnessMeter {

    private static final String PREFIX = "lavfi.r128.";

    private double integrated = Double.NaN;
    private double range;
    private double peakLinear;

    /** Reads the ebur128 entries of a filtered frame's metadata, if it has any. */
    public void accept(AVFrame frame) {
        AVDictionary metadata = frame.metadata();
        if (metadata == null || metadata.isNull()) {
            return;
        }
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(metadata, PREFIX, entry, AV_DICT_IGNORE_SUFFIX)) != null) {
            accept(entry.key().getString(), entry.value().getString());
        }
    }

    /** One metadata entry, e.g. {@code lavfi.r128.I = -16.2}; unknown keys are ignored. */
    public void accept(String key, String value) {
        if (!key.startsWith(PREFIX)) {
            return;
        }
        String name = key.substring(PREFIX.length());
        double number = parse(value);
        if (name.equals("I")) {
            if (Double.isFinite(number)) {
                integrated = number;
            }
        } else if (name.equals("LRA")) {
            if (Double.isFinite(number)) {
                range = number;
            }
        } else if (name.equals("true_peak") || name.startsWith("true_peaks_ch")) {
            // Linear amplitude, cumulative per channel in FFmpeg 8; the maximum is safe either way.
            if (Double.isFinite(number) && number > peakLinear) {
                peakLinear = number;
            }
        }
    }

    public Loudness result() {
        double peakDb = peakLinear > 0 ? 20 * Math.log10(peakLinear) : Double.NEGATIVE_INFINITY;
        return new Loudness(
                Double.isNaN(integrated) ? Double.NEGATIVE_INFINITY : integrated, peakDb, range);
    }

    /**
     * A number FFmpeg wrote into frame metadata: it prints {@code nan}, {@code inf} and {@code
     * -inf} as well as plain decimals; anything else is NaN.
     */
    public static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }
}
