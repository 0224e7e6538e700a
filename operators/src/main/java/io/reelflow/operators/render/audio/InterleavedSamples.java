package io.reelflow.operators.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.av_get_packed_sample_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Audio samples as interleaved floats (full scale ±1), for {@link TruePeak} and the sound checks,
 * from what FFmpeg and JavaCV hand over: planar or interleaved, typed buffers (JavaCV's frames) or
 * raw bytes in the frame's {@code AVSampleFormat} (a decoder's). The array is reused between reads;
 * not thread-safe.
 */
public final class InterleavedSamples {

    private float[] values = new float[0];
    private float[] plane = new float[0];

    /** The values of the last {@link #read}: its first {@code count} entries. */
    public float[] values() {
        return values;
    }

    /**
     * Reads {@code samples} sample frames of {@code channels} channels into {@link #values()};
     * returns how many values that is.
     *
     * @param sampleFormat FFmpeg's {@code AVSampleFormat} of {@code planes}
     * @throws IOException when the format is not a plain integer or float one
     */
    public int read(Buffer[] planes, int channels, int samples, int sampleFormat)
            throws IOException {
        int count = samples * channels;
        if (values.length < count) {
            values = new float[count];
        }
        boolean planar = av_sample_fmt_is_planar(sampleFormat) != 0;
        int packed = av_get_packed_sample_fmt(sampleFormat);
        if (packed == AV_SAMPLE_FMT_FLT && planes[0] instanceof ByteBuffer) {
            // What the AAC decoder gives: copied in bulk, not sample by sample.
            if (!planar) {
                floats(planes[0]).get(values, 0, count);
                return count;
            }
            if (plane.length < samples) {
                plane = new float[samples];
            }
            for (int c = 0; c < channels; c++) {
                floats(planes[c]).get(plane, 0, samples);
                for (int i = 0; i < samples; i++) {
                    values[i * channels + c] = plane[i];
                }
            }
            return count;
        }
        for (int i = 0; i < samples; i++) {
            for (int c = 0; c < channels; c++) {
                Buffer source = planes[planar ? c : 0];
                int index = planar ? i : i * channels + c;
                values[i * channels + c] = sample(source, packed, index);
            }
        }
        return count;
    }

    private static FloatBuffer floats(Buffer bytes) {
        return ((ByteBuffer) bytes).duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static float sample(Buffer plane, int packedFormat, int index) throws IOException {
        int at = plane.position();
        if (plane instanceof FloatBuffer floats) {
            return floats.get(at + index);
        } else if (plane instanceof ShortBuffer shorts) {
            return shorts.get(at + index) / 32768f;
        } else if (plane instanceof DoubleBuffer doubles) {
            return (float) doubles.get(at + index);
        } else if (plane instanceof IntBuffer ints) {
            return (float) (ints.get(at + index) / 2147483648.0);
        } else if (!(plane instanceof ByteBuffer bytes)) {
            throw new IOException("unsupported sample buffer " + plane.getClass().getSimpleName());
        } else if (packedFormat == AV_SAMPLE_FMT_FLT) {
            return bytes.getFloat(at + index * 4);
        } else if (packedFormat == AV_SAMPLE_FMT_S16) {
            return bytes.getShort(at + index * 2) / 32768f;
        } else if (packedFormat == AV_SAMPLE_FMT_S32) {
            return (float) (bytes.getInt(at + index * 4) / 2147483648.0);
        } else if (packedFormat == AV_SAMPLE_FMT_DBL) {
            return (float) bytes.getDouble(at + index * 8);
        } else if (packedFormat == AV_SAMPLE_FMT_U8) {
            return ((bytes.get(at + index) & 0xff) - 128) / 128f;
        }
        throw new IOException("unsupported sample format " + packedFormat);
    }
}
