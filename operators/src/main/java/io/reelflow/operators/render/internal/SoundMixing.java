package io.reelflow.operators.render.internal;

import io.reelflow.operators.render.audio.AudioMixer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A render's {@link Soundtrack}, mixed on its own thread while the picture is composed and encoded:
 * the mix (two passes over a minute of music, about a second of one core) no longer holds back the
 * first frame. Whether the video has an audio stream is known at once (there is something to mix);
 * the {@link VideoWriter} reads the track when it is ready. Closing stops a mix still under way and
 * waits for it, so the render's temporary files are not deleted under it.
 */
public final class SoundMixing implements VideoWriter.AudioSource, AutoCloseable {

    /** The note of a mix that failed: the audio stream its fetched inputs promised is silent. */
    public static final String SILENT_STREAM = "the audio stream is silent";

    private final boolean audio;
    private final FutureTask<Soundtrack> mix;
    private final Thread thread;
    private volatile long mixNanos;

    /** Runs {@code work} on a thread of its own, or at once when {@code ownThread} is false. */
    private SoundMixing(boolean audio, Callable<Soundtrack> work, boolean ownThread) {
        this.audio = audio;
        this.mix =
                new FutureTask<>(
                        () -> {
                            long start = System.nanoTime();
                            try {
                                return work.call();
                            } finally {
                                mixNanos = System.nanoTime() - start;
                            }
                        });
        if (ownThread) {
            thread = new Thread(mix, "reelflow-sound-mixer");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
            mix.run();
        }
    }

    /** Starts mixing {@code inputs} into {@code temp} on a new thread, when there is anything. */
    public static SoundMixing start(Soundtrack.Inputs inputs, AudioMixer mixer, Path temp) {
        return new SoundMixing(inputs.any(), () -> inputs.mix(mixer, temp), inputs.any());
    }

    /** A soundtrack already made (or none): an audio stream only when it has a file. */
    public static SoundMixing done(Soundtrack soundtrack) {
        return new SoundMixing(soundtrack.file().isPresent(), () -> soundtrack, false);
    }

    /** Whether the video gets an audio stream. */
    public boolean hasAudio() {
        return audio;
    }

    /** This as the writer's audio, or null when the video has no audio stream. */
    public VideoWriter.AudioSource asAudioSource() {
        return audio ? this : null;
    }

    @Override
    public boolean ready() {
        return mix.isDone();
    }

    @Override
    public Optional<Path> await() throws IOException {
        return soundtrack().file();
    }

    /**
     * The soundtrack, waiting for the mix; a failed mix gives one without a file and a note (the
     * audio stream it was to fill is then silent).
     *
     * @throws InterruptedIOException when interrupted while waiting
     */
    public Soundtrack soundtrack() throws IOException {
        Soundtrack soundtrack;
        try {
            soundtrack = mix.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the sound mix");
        } catch (ExecutionException e) {
            soundtrack =
                    new Soundtrack(
                            Optional.empty(),
                            null,
                            null,
                            List.of("sound left out: mixing failed (" + e.getCause() + ")"));
        }
        if (audio && soundtrack.file().isEmpty()) {
            List<String> notes = new ArrayList<>(soundtrack.notes());
            notes.add(SILENT_STREAM);
            return new Soundtrack(Optional.empty(), null, null, notes);
        }
        return soundtrack;
    }

    /** How long the mix took on its own thread; 0 when there was none. */
    public long mixMillis() {
        return mixNanos / 1_000_000;
    }

    /** Stops a mix still under way and waits for its thread, even when interrupted. */
    @Override
    public void close() {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            Threads.joinUninterruptibly(thread);
        }
    }
}
