package io.reelflow.benchmarks.quality;

import io.reelflow.benchmarks.render.DirectoryObjectStore;
import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SpokenSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The slideshow as a full request renders it: burned-in subtitles, a music bed and a narration (a
 * speech-like signal: voiced syllables at about 4 a second) spoken in every scene, which the
 * renderer mixes with its own {@link AudioMixer} to −16 LUFS. So the sound and subtitle checks have
 * something to measure (option {@code --sound} of {@link QualityBenchmark}).
 */
public final class SoundedSlideshow {

    private static final int RATE = AudioMixer.SAMPLE_RATE;

    /** Spoken from this far into each scene, until this far before its end. */
    private static final double LEAD_IN = 0.5;

    private static final double TAIL = 1.0;

    private static final String[] SENTENCES = {
        "The harbour wakes up long before the sun.",
        "Fishing boats leave the quay one after another.",
        "Gulls follow them out past the lighthouse."
    };

    private SoundedSlideshow() {}

    /**
     * {@code job} with subtitles, a music bed and a narration track in {@code store}, which the
     * renderer mixes as it does for the job.
     */
    public static RenderJob of(RenderJob job, DirectoryObjectStore store, Path work)
            throws IOException {
        double seconds = job.getSpec().getTargetDurationSeconds();
        Path music = wav(work.resolve("music.wav"), 2, seconds, SoundedSlideshow::music);
        List<double[]> spoken = new ArrayList<>();
        List<SceneClip> clips = new ArrayList<>();
        for (SceneClip clip : job.getClips()) {
            Scene scene = clip.getScene();
            double from = scene.getStartSeconds() + LEAD_IN;
            double to = scene.getEndSeconds() - TAIL;
            spoken.add(new double[] {from, to});
            String text = SENTENCES[scene.getIndex() % SENTENCES.length];
            clips.add(
                    SceneClip.newBuilder(clip)
                            .setScene(
                                    Scene.newBuilder(scene)
                                            .setText(text)
                                            .setSpokenSpans(
                                                    List.of(
                                                            SpokenSpan.newBuilder()
                                                                    .setText(text)
                                                                    .setStartSeconds(from)
                                                                    .setEndSeconds(to)
                                                                    .build()))
                                            .build())
                            .build());
        }
        Random random = new Random(7);
        List<double[]> syllables = syllables(spoken, random);
        Path narration = wav(work.resolve("narration.wav"), 1, seconds, t -> speech(t, syllables));
        String musicUri = store.put("catalog/music.wav", music, "audio/wav");
        String narrationUri = store.put("speech/narration.wav", narration, "audio/wav");
        RenderSpec spec =
                RenderSpec.newBuilder(job.getSpec())
                        .setSubtitles(true)
                        .setMusic(true)
                        .setNarration(true)
                        .build();
        AssetMatch bed =
                AssetMatch.newBuilder()
                        .setAssetId("music")
                        .setUri(musicUri)
                        .setKind(AssetKind.MUSIC)
                        .setScore(1)
                        .setCredit(Credit.newBuilder().setAssetId("music").setUri(musicUri).build())
                        .build();
        return RenderJob.newBuilder(job)
                .setSpec(spec)
                .setClips(clips)
                .setMusic(bed)
                .setNarrationUri(narrationUri)
                .build();
    }

    /** Syllables (start, length, formant 1, formant 2) inside the spoken spans. */
    private static List<double[]> syllables(List<double[]> spans, Random random) {
        List<double[]> syllables = new ArrayList<>();
        for (double[] span : spans) {
            double t = span[0];
            while (t < span[1] - 0.3) {
                int inWord = 1 + random.nextInt(3);
                for (int s = 0; s < inWord && t < span[1] - 0.3; s++) {
                    double length = 0.12 + random.nextDouble() * 0.1;
                    syllables.add(
                            new double[] {
                                t,
                                length,
                                300 + random.nextDouble() * 500,
                                900 + random.nextDouble() * 1400
                            });
                    t += length + 0.04 + random.nextDouble() * 0.05;
                }
                t += 0.15 + random.nextDouble() * 0.15;
            }
        }
        return syllables;
    }

    private static double speech(double t, List<double[]> syllables) {
        for (double[] syllable : syllables) {
            double in = t - syllable[0];
            if (in >= 0 && in < syllable[1]) {
                double sum = 0;
                for (int h = 1; h * 120 < 4000; h++) {
                    double f = h * 120;
                    double weight =
                            1 / (1 + Math.pow((f - syllable[2]) / 120, 2))
                                    + 0.5 / (1 + Math.pow((f - syllable[3]) / 200, 2));
                    sum += weight * Math.sin(2 * Math.PI * f * t);
                }
                return 0.15 * Math.sin(Math.PI * in / syllable[1]) * sum;
            }
        }
        return 0;
    }

    /** Chords changing every 2 s over a bass note, and a plucked melody of two notes a second. */
    private static double music(double t) {
        double[][] chords = {{220, 261.6, 329.6}, {174.6, 220, 261.6}, {196, 246.9, 293.7}};
        double[] melody = {659.3, 587.3, 523.3, 587.3, 659.3, 784, 659.3, 523.3};
        double[] chord = chords[(int) (t / 2) % chords.length];
        double pad = 0;
        for (double f : chord) {
            pad += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
        }
        double noteTime = t % 0.5;
        double pluck =
                Math.exp(-noteTime * 4)
                        * Math.min(1, noteTime / 0.02)
                        * Math.sin(2 * Math.PI * melody[(int) (t / 0.5) % melody.length] * t);
        return 0.08 * pad + 0.15 * Math.sin(Math.PI * chord[0] * t) + 0.12 * pluck;
    }

    /** A 16-bit WAV of {@code channels} equal channels of {@code signal}. */
    private static Path wav(Path file, int channels, double seconds, DoubleUnaryOperator signal)
            throws IOException {
        int frames = (int) Math.round(seconds * RATE);
        ByteBuffer bytes =
                ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double value = Math.max(-1, Math.min(1, signal.applyAsDouble(i / (double) RATE)));
            for (int c = 0; c < channels; c++) {
                bytes.putShort((short) Math.round(value * 32767));
            }
        }
        AudioFormat format = new AudioFormat(RATE, 16, channels, true, false);
        try (AudioInputStream in =
                new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
