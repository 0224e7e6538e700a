package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.SpeechAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RIFF WAV in and out, for mono 16-bit PCM only. espeak-ng writing to a pipe cannot seek back, so
 * its RIFF and data sizes are placeholders (0x7ffff000): the data chunk is taken to the end of what
 * the process wrote, and answers are framed anew with the true sizes.
 */
public final class Wav {

    static final int HEADER_BYTES = 44;
    private static final int PCM = 1;

    private Wav() {}

    /**
     * @throws IOException when the bytes are not mono 16-bit PCM WAV
     */
    public static SpeechAudio read(byte[] riff) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(riff).order(ByteOrder.LITTLE_ENDIAN);
        if (riff.length < 12 || !tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
            throw new IOException("not a RIFF WAVE file (" + riff.length + " bytes)");
        }
        int sampleRate = 0;
        int position = 12;
        while (position + 8 <= riff.length) {
            String id = tag(riff, position);
            long declared = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            int available = riff.length - body;
            if (id.equals("fmt ")) {
                if (available < 16) {
                    throw new IOException("truncated fmt chunk");
                }
                int format = in.getShort(body) & 0xffff;
                int channels = in.getShort(body + 2) & 0xffff;
                int bits = in.getShort(body + 14) & 0xffff;
                if (format != PCM || channels != 1 || bits != 16) {
                    throw new IOException(
                            "expected mono 16-bit PCM but got format "
                                    + format
                                    + ", "
                                    + channels
                                    + " channels, "
                                    + bits
                                    + " bits");
                }
                sampleRate = in.getInt(body + 4);
            } else if (id.equals("data")) {
                if (sampleRate == 0) {
                    throw new IOException("data chunk before fmt chunk");
                }
                int length = (int) Math.min(declared, available) & ~1;
                return new SpeechAudio(Arrays.copyOfRange(riff, body, body + length), sampleRate);
            }
            position = (int) Math.min((long) body + declared + (declared & 1), riff.length);
        }
        throw new IOException("no data chunk in the WAV file");
    }

    /** A canonical WAV file: RIFF, a 16-byte fmt chunk, the data chunk. */
    public static byte[] write(SpeechAudio audio) {
        byte[] pcm = audio.pcm();
        ByteBuffer out =
                ByteBuffer.allocate(HEADER_BYTES + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        out.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        out.putShort((short) PCM).putShort((short) 1).putInt(audio.sampleRate());
        out.putInt(audio.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return out.array();
    }

    private static String tag(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
