package io.reelflow.operators.render.audio;

import io.reelflow.operators.render.audio.internal.MixGraph;
import io.reelflow.operators.render.audio.internal.MixGraph.Role;
import io.reelflow.operators.render.audio.internal.MixPass;
import io.reelflow.operators.render.audio.internal.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mixes the audio track of a video: music bed and/or narration, the music ducked under the
 * narration, faded at both ends, normalised to the plan's loudness (two passes: measure, then
 * apply), exactly as long as the video. Blocking; each call has its own decoders, filter graph and
 * writer, so calls may run in parallel on an executor.
 *
 * <p>Every video gets an audio stream: with no usable input the track is digital silence. An input
 * that cannot be decoded is dropped with a note; only a failure to write the output throws.
 *
 * <pre>{@code
 * AudioMixResult result = new AudioMixer().mix(AudioPlan.of(30).withMusic(music), dir.resolve("a.wav"));
 * }</pre>
 */
public final class AudioMixer {

    /** Output sample rate, the rate of AAC in MP4 for video. */
    public static final int SAMPLE_RATE = 48_000;

    /** Output channels (stereo). */
    public static final int CHANNELS = 2;

    /** Sample frames per write of a silent track, the size of an AAC frame. */
    private static final int SILENCE_CHUNK = 1024;

    /**
     * Writes the mixed track of {@code plan} to {@code outputFile} as a WAV (PCM s16le, 48 kHz,
     * stereo), replacing it.
     *
     * @throws IOException when the output cannot be written or FFmpeg fails while filtering
     */
    public AudioMixResult mix(AudioPlan plan, Path outputFile) throws IOException {
        long totalSamples = Math.round(plan.durationSeconds() * SAMPLE_RATE);
        List<String> notes = new ArrayList<>();
        Path parent = outputFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }

        List<AudioInput> inputs = open(plan, allRoles(plan), notes);
        List<Role> roles = rolesOf(inputs, allRoles(plan));
        if (roles.isEmpty()) {
            notes.add(
                    plan.hasMusic() || plan.hasNarration()
                            ? "no usable audio inputs: silent track"
                            : "no audio inputs: silent track");
            return silentTrack(outputFile, totalSamples, notes);
        }

        MixGraph graph = new MixGraph(plan, roles, totalSamples, SAMPLE_RATE);
        Loudness measured;
        try {
            measured =
                    MixPass.run(inputs, graph.measuring(), totalSamples, SAMPLE_RATE, frame -> {})
                            .loudness();
        } finally {
            closeAll(inputs);
        }
        notes.add(loudnessNote(plan, graph, measured));

        inputs = open(plan, roles, notes);
        if (inputs.isEmpty()) {
            notes.add("inputs became unreadable: silent track");
            return silentTrack(outputFile, totalSamples, notes);
        }
        if (inputs.size() != roles.size()) {
            // Readable a moment ago; mixing what is left beats failing the render.
            graph = new MixGraph(plan, rolesOf(inputs, roles), totalSamples, SAMPLE_RATE);
        }
        MixPass.Outcome outcome;
        try {
            outcome = writeMix(inputs, graph.normalising(measured), totalSamples, outputFile);
            for (AudioInput input : inputs) {
                notes.addAll(inputNotes(input, plan.durationSeconds()));
            }
        } finally {
            closeAll(inputs);
        }
        return new AudioMixResult(
                outputFile,
                outcome.samplesOut(),
                outcome.loudness().integratedLufs(),
                outcome.loudness().truePeakDbtp(),
                outcome.maxBufferedSamples() / (double) SAMPLE_RATE,
                notes,
                inputs.stream().anyMatch(input -> input.name().equals(name(Role.MUSIC))));
    }

    private static List<Role> allRoles(AudioPlan plan) {
        List<Role> roles = new ArrayList<>();
        if (plan.hasMusic()) {
            roles.add(Role.MUSIC);
        }
        if (plan.hasNarration()) {
            roles.add(Role.NARRATION);
        }
        return roles;
    }

    private static List<AudioInput> open(AudioPlan plan, List<Role> roles, List<String> notes) {
        List<AudioInput> inputs = new ArrayList<>();
        for (Role role : roles) {
            String name = name(role);
            Path file = role == Role.MUSIC ? plan.musicFile() : plan.narrationFile();
            try {
                inputs.add(AudioInput.open(name, file, role == Role.MUSIC, SAMPLE_RATE));
            } catch (IOException e) {
                notes.add(name + " dropped: " + e.getMessage());
            }
        }
        return inputs;
    }

    private static List<Role> rolesOf(List<AudioInput> inputs, List<Role> candidates) {
        List<Role> roles = new ArrayList<>();
        for (Role role : candidates) {
            if (inputs.stream().anyMatch(input -> input.name().equals(name(role)))) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String name(Role role) {
        return role == Role.MUSIC ? "music" : "narration";
    }

    private static MixPass.Outcome writeMix(
            List<AudioInput> inputs, String graph, long totalSamples, Path outputFile)
            throws IOException {
        try (WavWriter writer = WavWriter.open(outputFile, SAMPLE_RATE, CHANNELS)) {
            MixPass.Outcome outcome =
                    MixPass.run(inputs, graph, totalSamples, SAMPLE_RATE, writer::write);
            writer.finish();
            return outcome;
        }
    }

    private static AudioMixResult silentTrack(
            Path outputFile, long totalSamples, List<String> notes) throws IOException {
        long written = writeSilence(outputFile, totalSamples);
        return new AudioMixResult(
                outputFile,
                written,
                Loudness.SILENT.integratedLufs(),
                Loudness.SILENT.truePeakDbtp(),
                0,
                notes,
                false);
    }

    private static long writeSilence(Path outputFile, long totalSamples) throws IOException {
        ShortBuffer zeros =
                ByteBuffer.allocateDirect(SILENCE_CHUNK * CHANNELS * Short.BYTES)
                        .order(ByteOrder.nativeOrder())
                        .asShortBuffer();
        try (WavWriter writer = WavWriter.open(outputFile, SAMPLE_RATE, CHANNELS)) {
            long written = 0;
            while (written < totalSamples) {
                int samples = (int) Math.min(SILENCE_CHUNK, totalSamples - written);
                zeros.position(0).limit(samples * CHANNELS);
                writer.write(zeros);
                written += samples;
            }
            writer.finish();
            return written;
        }
    }

    private static String loudnessNote(AudioPlan plan, MixGraph graph, Loudness measured) {
        if (measured.silent()) {
            return "mix is silent: loudness not normalised";
        }
        double gain = plan.targetLufs() - measured.integratedLufs();
        return String.format(
                Locale.ROOT,
                graph.linearGain(measured)
                        ? "loudness %.1f LUFS before normalising: gain %+.1f dB"
                        : "loudness %.1f LUFS before normalising: gain %+.1f dB with peak limiting",
                measured.integratedLufs(),
                gain);
    }

    private static List<String> inputNotes(AudioInput input, double durationSeconds) {
        List<String> notes = new ArrayList<>();
        if (input.restarts() > 0) {
            notes.add(
                    String.format(
                            Locale.ROOT,
                            "%s looped %dx (%.1f s track)",
                            input.name(),
                            input.restarts(),
                            input.trackSeconds()));
        } else if (input.trackSeconds() < 0 && input.error() == null) {
            notes.add(
                    String.format(
                            Locale.ROOT,
                            "%s trimmed to %.1f s, fading out with the video",
                            input.name(),
                            durationSeconds));
        }
        if (input.error() != null) {
            notes.add(input.name() + " ended early, silence after: " + input.error());
        }
        return notes;
    }

    private static void closeAll(List<AudioInput> inputs) {
        inputs.forEach(AudioInput::close);
    }
}
