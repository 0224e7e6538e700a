package io.reelflow.operators.quality;

import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.Renderer;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.operators.render.audio.AudioClips;
import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.operators.render.audio.TestAudio;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SpokenSpan;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Short videos with known sound, rendered by our {@link Renderer} (a light photo per scene,
 * burned-in subtitles, AAC in MP4) over tracks mixed by our {@link AudioMixer} from generated music
 * and speech: real espeak-ng speech where the engine is installed, else a speech-like signal
 * (syllables of a voiced, formant-shaped tone at about 4 a second, with pauses between words).
 */
final class SoundVideos {

    static final int RATE = AudioMixer.SAMPLE_RATE;

    /** Where narration tests need real speech (CI) they fail without espeak-ng. */
    static final String REQUIRE_SPEECH_ENGINE = "REELFLOW_REQUIRE_SPEECH_ENGINE";

    static final List<String> SENTENCES =
            List.of(
                    "The harbour wakes up long before the sun.",
                    "Fishing boats leave the quay one after another.");

    /** Seconds per scene; each sentence starts half a second into its scene. */
    static final double SCENE_SECONDS = 4.0;

    static final double LEAD_IN = 0.5;

    /** A video file and what it was rendered as, with its job. */
    record Made(Path file, RenderedVideo video) {}

    /** A light photo: the hardest picture for white subtitles on a translucent box. */
    static final Color PHOTO = new Color(225, 225, 210);

    private final Path dir;
    private final int width;
    private final int height;
    private final int scenes;
    private final DirectoryObjectStore store;
    private String photoUri;

    SoundVideos(Path dir) {
        this(dir, TestMedia.WIDTH, TestMedia.HEIGHT, SENTENCES.size());
    }

    /** Videos of {@code scenes} scenes, each speaking the next of {@link #SENTENCES} in turn. */
    SoundVideos(Path dir, int width, int height, int scenes) {
        this.dir = dir;
        this.width = width;
        this.height = height;
        this.scenes = scenes;
        this.store = new DirectoryObjectStore(dir.resolve("store"));
    }

    /** Whether espeak-ng is installed; fails instead when real speech is required. */
    static boolean speechEngineInstalled() {
        boolean installed;
        try {
            Process process = new ProcessBuilder("espeak-ng", "--version").start();
            installed = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            installed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            installed = false;
        }
        if (!installed && "1".equals(System.getenv(REQUIRE_SPEECH_ENGINE))) {
            throw new IllegalStateException(
                    "espeak-ng is required for real speech; install it with: apt-get install"
                            + " espeak-ng");
        }
        return installed;
    }

    /** The two sentences spoken by espeak-ng. */
    List<Path> espeak() throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (String sentence : SENTENCES) {
            Path file = next("speech", ".wav");
            Process process =
                    new ProcessBuilder("espeak-ng", "-w", file.toString(), sentence)
                            .redirectErrorStream(true)
                            .start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("espeak-ng failed on " + sentence);
            }
            files.add(file);
        }
        return files;
    }

    /** Two speech-like pieces of about 2.6 s. */
    List<Path> speechLike() throws IOException {
        return List.of(speechLike(2.6, 1), speechLike(2.4, 2));
    }

    /**
     * Syllables of 120-220 ms (a 120 Hz voice with harmonics shaped by two formants that change per
     * syllable), 40-90 ms apart, words of 1-3 syllables 150-300 ms apart.
     */
    Path speechLike(double seconds, long seed) throws IOException {
        Random random = new Random(seed);
        List<double[]> syllables = new ArrayList<>(); // start, length, formant 1, formant 2
        double t = 0.05;
        while (t < seconds - 0.3) {
            int inWord = 1 + random.nextInt(3);
            for (int s = 0; s < inWord && t < seconds - 0.3; s++) {
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
        return TestAudio.write(
                next("speech", ".wav"),
                RATE,
                1,
                seconds,
                time -> {
                    for (double[] syllable : syllables) {
                        double in = time - syllable[0];
                        if (in >= 0 && in < syllable[1]) {
                            double envelope = Math.sin(Math.PI * in / syllable[1]);
                            return 0.3 * envelope * voice(time, syllable[2], syllable[3]);
                        }
                    }
                    return 0;
                });
    }

    /** A 120 Hz voice: harmonics weighted by resonances at two formants. */
    private static double voice(double t, double f1, double f2) {
        double sum = 0;
        for (int h = 1; h * 120 < 4000; h++) {
            double f = h * 120;
            double weight =
                    1 / (1 + Math.pow((f - f1) / 120, 2)) + 0.5 / (1 + Math.pow((f - f2) / 200, 2));
            sum += weight * Math.sin(2 * Math.PI * f * t);
        }
        return sum / 2;
    }

    /**
     * A music bed: a pad of three-note chords (with two harmonics each) changing every 2 s, a bass
     * note, and a soft plucked melody of two notes a second.
     */
    Path music(double seconds, double gain) throws IOException {
        double[][] chords = {{220, 261.6, 329.6}, {174.6, 220, 261.6}, {196, 246.9, 293.7}};
        double[] melody = {659.3, 587.3, 523.3, 587.3, 659.3, 784, 659.3, 523.3};
        return TestAudio.write(
                next("music", ".wav"),
                RATE,
                2,
                seconds,
                t -> {
                    double[] chord = chords[(int) (t / 2) % chords.length];
                    double pad = 0;
                    for (double f : chord) {
                        pad += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
                    }
                    double bass = Math.sin(2 * Math.PI * chord[0] / 2 * t);
                    double noteTime = t % 0.5;
                    double note = melody[(int) (t / 0.5) % melody.length];
                    double pluck =
                            Math.exp(-noteTime * 4)
                                    * Math.min(1, noteTime / 0.02)
                                    * Math.sin(2 * Math.PI * note * t);
                    return gain * (0.08 * pad + 0.15 * bass + 0.12 * pluck);
                });
    }

    /** A mono track of {@code pieces} in turn, each from its scene's start plus the lead-in. */
    Path narration(List<Path> pieces) throws IOException {
        List<AudioClips.Placement> placements = new ArrayList<>();
        for (int i = 0; i < scenes; i++) {
            placements.add(
                    new AudioClips.Placement(
                            pieces.get(i % pieces.size()),
                            Math.round((i * SCENE_SECONDS + LEAD_IN) * RATE)));
        }
        Path file = next("narration", ".wav");
        AudioClips.place(placements, Math.round(seconds() * RATE), file);
        return file;
    }

    /** The mixer's track for the video: music and/or narration, normalised. */
    Path mix(Path music, Path narration) throws IOException {
        AudioPlan plan = AudioPlan.of(seconds());
        if (music != null) {
            plan = plan.withMusic(music);
        }
        if (narration != null) {
            plan = plan.withNarration(narration);
        }
        return new AudioMixer().mix(plan, next("mix", ".wav")).file();
    }

    double seconds() {
        return SCENE_SECONDS * scenes;
    }

    /** The scenes' texts: {@link #SENTENCES} in turn. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < scenes; i++) {
            texts.add(SENTENCES.get(i % SENTENCES.size()));
        }
        return texts;
    }

    /**
     * The job of a video of {@code texts}, a scene each, over a photo; with {@code spoken} pieces
     * (their lengths, in turn), the scenes carry the spans the narration speaks them in.
     */
    RenderJob job(boolean music, boolean narration, List<Path> spoken, List<String> texts)
            throws IOException {
        if (photoUri == null) {
            Path photo = TestMedia.writePhoto(next("photo", ".jpg"), width, height, PHOTO, "jpg");
            photoUri = store.put("assets/photo.jpg", photo, "image/jpeg");
        }
        RenderSpec spec =
                RenderSpec.newBuilder(TestMedia.spec(seconds(), true))
                        .setWidth(width)
                        .setHeight(height)
                        .setMusic(music)
                        .setNarration(narration)
                        .build();
        List<SceneClip> clips = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            double start = i * SCENE_SECONDS;
            SceneClip clip =
                    TestMedia.clip(
                            i,
                            texts.get(i),
                            start,
                            start + SCENE_SECONDS,
                            ClipSource.STOCK_PHOTO,
                            photoUri,
                            texts.size());
            if (spoken != null) {
                double length = AudioClips.samples(spoken.get(i % spoken.size())) / (double) RATE;
                clip.getScene()
                        .setSpokenSpans(
                                List.of(
                                        SpokenSpan.newBuilder()
                                                .setText(texts.get(i))
                                                .setStartSeconds(start + LEAD_IN)
                                                .setEndSeconds(start + LEAD_IN + length)
                                                .build()));
            }
            clips.add(clip);
        }
        RenderJob.Builder job = RenderJob.newBuilder(TestMedia.job(spec, clips));
        if (music) {
            job.setMusic(
                    AssetMatch.newBuilder()
                            .setAssetId("bed")
                            .setUri("s3://catalog/music/bed.wav")
                            .setKind(AssetKind.MUSIC)
                            .setScore(1.0)
                            .setCredit(Credit.newBuilder().setAssetId("bed").setUri("u").build())
                            .build());
        }
        if (narration) {
            job.setNarrationUri("s3://speech/narration.wav");
        }
        return job.build();
    }

    /** Renders {@code job} over {@code audio} (none: no audio stream). */
    Made render(RenderJob job, Path audio) throws IOException {
        Renderer renderer =
                new Renderer(store, RenderConfig.defaults().withWorkDirectory(dir.resolve("work")));
        RenderedVideo video = renderer.render(job, Optional.ofNullable(audio));
        Path file = Path.of(URI.create(video.getVideoUri()));
        return new Made(file, RenderedVideo.newBuilder(video).setJob(job).build());
    }

    // The labelled videos.

    /** Narration over music, as the pipeline makes it. */
    Made narratedWithMusic(List<Path> speech) throws IOException {
        return render(
                job(true, true, speech, texts()), mix(music(seconds(), 1), narration(speech)));
    }

    /** Narration alone: silent between sentences and scenes, as the pipeline makes it. */
    Made narratedOnly(List<Path> speech) throws IOException {
        return render(job(false, true, speech, texts()), mix(null, narration(speech)));
    }

    /** Music asked for and a music bed planned, but the track is digital silence. */
    Made silentWhereMusicAsked() throws IOException {
        return render(job(true, false, null, texts()), mix(null, null));
    }

    /** The music bed recorded far too hot: its peaks cut off at full scale. */
    Made clipped() throws IOException {
        return render(job(true, false, null, texts()), music(seconds(), 4));
    }

    /** Narration planned and timed, but only the music bed is heard. */
    Made narrationMissing(List<Path> speech) throws IOException {
        return render(job(true, true, speech, texts()), mix(music(seconds(), 1), null));
    }

    /** Neither music nor narration asked for, and no audio stream. */
    Made withoutSound() throws IOException {
        return render(job(false, false, null, texts()), null);
    }

    private Path next(String name, String extension) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, name + "-", extension);
    }
}
