package io.reelflow.operators.render.internal;

import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.render.audio.AudioMixResult;
import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.RenderJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sound of a render: the job's music bed (when its spec wants music) and narration, fetched
 * from the store and mixed by {@link AudioMixer} to the video's exact length, loudness-normalised.
 * A job with neither gets no audio stream. Sound never fails a render: a missing or broken input is
 * left out with a note.
 *
 * @param file the mixed track, if there is one
 * @param loudnessLufs its measured integrated loudness, if it is not silent
 * @param musicCredit the credit of the music heard, if any
 * @param notes what happened, for the video's notes
 */
public record Soundtrack(
        Optional<Path> file, Double loudnessLufs, Credit musicCredit, List<String> notes) {

    public Soundtrack {
        notes = List.copyOf(notes);
    }

    /**
     * Fetches the inputs of the sound of {@code job} into {@code temp}, without mixing them: what
     * is fetched decides whether the video has an audio stream, before the mix is done.
     */
    public static Inputs fetch(
            RenderJob job, double durationSeconds, ObjectStore store, Path temp) {
        AssetMatch music = job.getSpec().getMusic() ? job.getMusic() : null;
        String narrationUri = job.getNarrationUri();
        List<String> notes = new ArrayList<>();
        AudioPlan plan = AudioPlan.of(durationSeconds);
        if (music != null) {
            Path file = fetch(store, music.getUri(), temp, "music", notes);
            if (file != null) {
                plan = plan.withMusic(file);
            }
        }
        if (narrationUri != null) {
            Path file = fetch(store, narrationUri, temp, "narration", notes);
            if (file != null) {
                plan = plan.withNarration(file);
            }
        }
        return new Inputs(plan, music == null ? null : music.getCredit(), notes);
    }

    /**
     * The fetched inputs of a soundtrack, ready to mix.
     *
     * @param plan the mix, with the files fetched
     * @param musicCredit the credit of the music bed asked for, if any
     * @param notes what happened while fetching
     */
    public record Inputs(AudioPlan plan, Credit musicCredit, List<String> notes) {

        public Inputs {
            notes = List.copyOf(notes);
        }

        /** Whether there is anything to mix: otherwise the video gets no audio stream. */
        public boolean any() {
            return plan.hasMusic() || plan.hasNarration();
        }

        /** Mixes the inputs into {@code temp}; a failure leaves the sound out with a note. */
        public Soundtrack mix(AudioMixer mixer, Path temp) {
            List<String> mixNotes = new ArrayList<>(notes);
            if (!any()) {
                return new Soundtrack(Optional.empty(), null, null, mixNotes);
            }
            try {
                AudioMixResult mix = mixer.mix(plan, temp.resolve("soundtrack.wav"));
                mixNotes.addAll(mix.notes());
                return new Soundtrack(
                        Optional.of(mix.file()),
                        mix.silent() ? null : mix.integratedLufs(),
                        mix.musicMixed() ? musicCredit : null,
                        mixNotes);
            } catch (IOException | RuntimeException e) {
                mixNotes.add("sound left out: mixing failed (" + e.getMessage() + ")");
                return new Soundtrack(Optional.empty(), null, null, mixNotes);
            }
        }
    }

    private static Path fetch(
            ObjectStore store, String uri, Path temp, String name, List<String> notes) {
        Path target = temp.resolve(name + MediaFiles.extensionOf(uri));
        try {
            store.get(uri, target);
            return target;
        } catch (IOException | RuntimeException e) {
            notes.add(name + " left out: download failed (" + e.getMessage() + ")");
            return null;
        }
    }
}
