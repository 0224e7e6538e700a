package io.reelflow.operators.narration;

import io.reelflow.operators.port.SynthesizedSpeech.WordTiming;
import io.reelflow.operators.render.audio.AudioClips;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SpokenSpan;
import io.reelflow.schemas.SpokenWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Scene timing from speech: each scene starts on a video frame, its sentences are spoken one after
 * the other from its start plus the lead-in, and it ends on the first frame at or after its speech
 * plus the tail; so a scene lasts its speech plus the breathing room, exact to within one frame. A
 * scene with nothing to say keeps its planned length. The video is at least the minimum long (the
 * last scene is lengthened); {@link #cutToMaximum()} drops the last sentences until it fits the
 * maximum.
 */
final class NarrationTiming {

    private static final int RATE = AudioClips.SAMPLE_RATE;

    /** How far a server's word times may overlap or pass the audio's end (rounding) and be used. */
    static final double WORD_SLACK_SECONDS = 0.05;

    /** One sentence placed on the track. */
    record Placed(SpokenPiece piece, int scene, long offsetSamples) {}

    private final List<Scene> planned;
    private final List<List<SpokenPiece>> pieces;
    private final int fps;
    private final double leadIn;
    private final double tail;
    private final double minSeconds;
    private final double maxSeconds;
    private final int dropped;

    private final List<Scene> scenes = new ArrayList<>();
    private final List<Placed> placed = new ArrayList<>();
    private long totalFrames;

    private NarrationTiming(
            List<Scene> planned,
            List<List<SpokenPiece>> pieces,
            int fps,
            double leadIn,
            double tail,
            double minSeconds,
            double maxSeconds,
            int dropped) {
        this.planned = planned;
        this.pieces = pieces;
        this.fps = fps;
        this.leadIn = leadIn;
        this.tail = tail;
        this.minSeconds = minSeconds;
        this.maxSeconds = maxSeconds;
        this.dropped = dropped;
        layOut();
    }

    /**
     * @param pieces per scene of {@code planned}, its sentences as speech (empty: nothing to say)
     */
    static NarrationTiming of(
            List<Scene> planned,
            List<List<SpokenPiece>> pieces,
            int fps,
            double leadIn,
            double tail,
            double minSeconds,
            double maxSeconds) {
        if (planned.size() != pieces.size()) {
            throw new IllegalArgumentException("one list of pieces per scene");
        }
        return new NarrationTiming(planned, pieces, fps, leadIn, tail, minSeconds, maxSeconds, 0);
    }

    private void layOut() {
        long frame = 0;
        for (int i = 0; i < planned.size(); i++) {
            Scene scene = planned.get(i);
            long startFrame = frame;
            List<SpokenPiece> spoken = pieces.get(i);
            long endFrame;
            List<SpokenSpan> spans = new ArrayList<>();
            if (spoken.isEmpty()) {
                double seconds =
                        scene.getText() == null || scene.getText().isBlank()
                                ? scene.getEndSeconds() - scene.getStartSeconds()
                                : leadIn + tail;
                endFrame = startFrame + Math.max(1, Math.round(seconds * fps));
            } else {
                long offset = Math.round((seconds(startFrame) + leadIn) * RATE);
                for (SpokenPiece piece : spoken) {
                    placed.add(new Placed(piece, i, offset));
                    spans.add(span(piece, offset));
                    offset += piece.samples();
                }
                double end = offset / (double) RATE + tail;
                endFrame = Math.max(startFrame + 1, (long) Math.ceil(end * fps - 1e-6));
            }
            scenes.add(
                    Scene.newBuilder(scene)
                            .setStartSeconds(seconds(startFrame))
                            .setEndSeconds(seconds(endFrame))
                            .setSpokenSpans(spans)
                            .build());
            frame = endFrame;
        }
        long minFrames = (long) Math.ceil(minSeconds * fps - 1e-6);
        if (frame < minFrames && !scenes.isEmpty()) {
            Scene last = scenes.get(scenes.size() - 1);
            scenes.set(
                    scenes.size() - 1,
                    Scene.newBuilder(last).setEndSeconds(seconds(minFrames)).build());
            frame = minFrames;
        }
        totalFrames = frame;
    }

    /**
     * The span of a sentence: from its first word to its last, with the words' times, when the
     * server timed them in order and within the audio; else the whole piece, without words.
     */
    private static SpokenSpan span(SpokenPiece piece, long offset) {
        double start = offset / (double) RATE;
        double end = (offset + piece.samples()) / (double) RATE;
        List<SpokenWord> timed = new ArrayList<>();
        List<WordTiming> words = piece.words();
        if (!words.isEmpty() && inOrder(words, end - start)) {
            double length = end - start;
            for (WordTiming word : words) {
                timed.add(
                        SpokenWord.newBuilder()
                                .setText(word.word())
                                .setStartSeconds(start + Math.max(0, word.startSeconds()))
                                .setEndSeconds(start + Math.min(length, word.endSeconds()))
                                .build());
            }
            end = timed.get(timed.size() - 1).getEndSeconds();
            start = timed.get(0).getStartSeconds();
        }
        return SpokenSpan.newBuilder()
                .setText(piece.text())
                .setStartSeconds(start)
                .setEndSeconds(end)
                .setWords(timed)
                .build();
    }

    /**
     * Whether the words follow one another within {@code seconds} of audio, each taking time, give
     * or take {@link #WORD_SLACK_SECONDS}.
     */
    private static boolean inOrder(List<WordTiming> words, double seconds) {
        double previousEnd = 0;
        for (WordTiming word : words) {
            if (!(word.startSeconds() >= previousEnd - WORD_SLACK_SECONDS
                    && word.endSeconds() > word.startSeconds()
                    && word.endSeconds() <= seconds + WORD_SLACK_SECONDS)) {
                return false;
            }
            previousEnd = word.endSeconds();
        }
        return true;
    }

    private double seconds(long frame) {
        return frame / (double) fps;
    }

    private long maxFrames() {
        return (long) Math.floor(maxSeconds * fps + 1e-6);
    }

    boolean overMaximum() {
        return totalFrames > maxFrames();
    }

    /**
     * The timing without the last sentences, dropped one by one until the video fits the maximum; a
     * scene left with nothing to say keeps only its breathing room.
     */
    NarrationTiming cutToMaximum() {
        List<List<SpokenPiece>> kept = new ArrayList<>();
        pieces.forEach(scene -> kept.add(new ArrayList<>(scene)));
        NarrationTiming timing = this;
        int drops = dropped;
        while (timing.overMaximum()) {
            int last = kept.size() - 1;
            while (last >= 0 && kept.get(last).isEmpty()) {
                last--;
            }
            if (last < 0) {
                break;
            }
            List<SpokenPiece> scene = kept.get(last);
            scene.remove(scene.size() - 1);
            drops++;
            timing =
                    new NarrationTiming(
                            planned, kept, fps, leadIn, tail, minSeconds, maxSeconds, drops);
        }
        return timing;
    }

    List<Scene> scenes() {
        return List.copyOf(scenes);
    }

    List<Placed> placed() {
        return List.copyOf(placed);
    }

    int droppedPieces() {
        return dropped;
    }

    long totalFrames() {
        return totalFrames;
    }

    double totalSeconds() {
        return seconds(totalFrames);
    }

    long totalSamples() {
        return Math.round(totalFrames * (double) RATE / fps);
    }

    /** Seconds of speech placed. */
    double speechSeconds() {
        return placed.stream().mapToLong(p -> p.piece().samples()).sum() / (double) RATE;
    }

    /** Seconds the speech may take for the video to fit the maximum, the silences kept. */
    double speechBudgetSeconds() {
        return Math.max(1e-3, maxSeconds - (totalSeconds() - speechSeconds()));
    }
}
