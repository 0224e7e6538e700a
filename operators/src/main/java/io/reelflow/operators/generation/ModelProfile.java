package io.reelflow.operators.generation;

import io.reelflow.operators.generation.internal.Snapping;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.schemas.SceneTask;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one model accepts and how patiently it is waited for. Requests are snapped to it (size,
 * frame rate, length, frame count) and the renderer fits the rest: it crops, slows and loops.
 *
 * <pre>{@code
 * ModelProfile wan = ModelProfile.builder("wan2.1-t2v", "2.1.0", MediaKind.VIDEO)
 *         .endpoints("gpu-0", "gpu-1").sizes("832x480", "480x832").fps(16)
 *         .seconds(1, 5).frameRule(4, 1).jobDeadline(Duration.ofMinutes(10)).build();
 * }</pre>
 *
 * @param name the model's name as its servers know it
 * @param version weights and server build; part of every content key, so a new version never reuses
 *     an old version's clips
 * @param kind clips or stills
 * @param endpoints names of the endpoints that serve it, in no particular order
 * @param sizes accepted sizes; empty when any multiple of {@code sizeMultiple} is accepted
 * @param sizeMultiple width and height are rounded to multiples of this (when {@code sizes} is
 *     empty)
 * @param maxSide the longest side a free size may have (0: the requested size)
 * @param fps accepted frame rates; empty for any
 * @param minSeconds shortest clip
 * @param maxSeconds longest clip; longer scenes are slowed or looped by the renderer
 * @param frameStep frame counts are {@code frameStep * k + frameOffset} (4k+1 for many video
 *     diffusion models)
 * @param frameOffset see {@code frameStep}
 * @param negativePrompt what to avoid, for every request; the scene's own negative prompt is added
 * @param promptLimit how long a prompt (and a negative prompt) the model reads; longer ones are
 *     shortened by whole clauses
 * @param jobDeadline how long a submitted job may run before it is cancelled
 * @param pollInterval how often a job is polled
 */
public record ModelProfile(
        String name,
        String version,
        MediaKind kind,
        List<String> endpoints,
        List<Size> sizes,
        int sizeMultiple,
        int maxSide,
        List<Integer> fps,
        double minSeconds,
        double maxSeconds,
        int frameStep,
        int frameOffset,
        String negativePrompt,
        PromptLimit promptLimit,
        Duration jobDeadline,
        Duration pollInterval)
        implements Serializable {

    public ModelProfile {
        requireText(name, "name");
        requireText(version, "version of " + name);
        Objects.requireNonNull(kind, "kind");
        endpoints = List.copyOf(endpoints);
        sizes = List.copyOf(sizes);
        fps = List.copyOf(fps);
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        promptLimit = promptLimit == null ? PromptLimit.CLIP : promptLimit;
        Objects.requireNonNull(jobDeadline, "jobDeadline");
        Objects.requireNonNull(pollInterval, "pollInterval");
        check(name, !endpoints.isEmpty(), "needs at least one endpoint");
        check(name, sizeMultiple >= 1 && maxSide >= 0, "needs sizeMultiple >= 1 and maxSide >= 0");
        check(name, fps.stream().allMatch(f -> f > 0), "fps must be positive");
        check(
                name,
                minSeconds > 0 && maxSeconds >= minSeconds,
                "needs 0 < minSeconds <= maxSeconds");
        check(name, frameStep >= 1 && frameOffset >= 0, "needs frameStep >= 1, frameOffset >= 0");
        check(
                name,
                positive(jobDeadline) && positive(pollInterval),
                "jobDeadline and pollInterval must be positive");
    }

    /** A size in pixels, written {@code 832x480}. */
    public record Size(int width, int height) implements Serializable {
        public Size {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException(
                        "size must be positive: " + width + "x" + height);
            }
        }

        public static Size parse(String text) {
            String[] parts = text.strip().toLowerCase().split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a size (WIDTHxHEIGHT): " + text);
            }
            return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    public static Builder builder(String name, String version, MediaKind kind) {
        return new Builder(name, version, kind);
    }

    /** {@code name@version}, as logs and notes name a model. */
    public String id() {
        return name + "@" + version;
    }

    /**
     * The request for a scene: its prompt (which the plan stage wrote with the request's style)
     * fitted to this model's limit, its negative prompt after this model's own, a seed from the
     * prompt, and the scene's size, frame rate and length snapped to what this model accepts.
     */
    public GenerationRequest requestFor(SceneTask task) {
        String prompt = PromptWriter.fit(task.getScene().getPrompt(), promptLimit);
        Size size = Snapping.size(this, task.getSpec().getWidth(), task.getSpec().getHeight());
        int fps = kind == MediaKind.VIDEO ? Snapping.fps(this, task.getSpec().getFps()) : 0;
        double seconds = task.getScene().getEndSeconds() - task.getScene().getStartSeconds();
        int frames = kind == MediaKind.VIDEO ? Snapping.frames(this, seconds, fps) : 0;
        return new GenerationRequest(
                name,
                version,
                kind,
                prompt,
                negativePromptOf(task),
                seedOf(prompt),
                size.width(),
                size.height(),
                fps,
                frames);
    }

    /** This model's negative prompt, then the scene's terms it lacks, within the limit. */
    private String negativePromptOf(SceneTask task) {
        List<String> terms = new ArrayList<>();
        for (String source : List.of(negativePrompt, task.getScene().getNegativePrompt())) {
            for (String term : source.split(",")) {
                if (!term.isBlank() && !terms.contains(term.strip())) {
                    terms.add(term.strip());
                }
            }
        }
        while (terms.size() > 1 && !promptLimit.fits(String.join(", ", terms))) {
            terms.remove(terms.size() - 1);
        }
        return String.join(", ", terms);
    }

    private static long seedOf(String prompt) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(prompt.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("model profile: " + what + " must be set");
        }
    }

    private static void check(String name, boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("model profile " + name + ": " + message);
        }
    }

    /** Builds a {@link ModelProfile}; defaults: any size (multiple of 16), any fps, 1-10 s. */
    public static final class Builder {
        private final String name;
        private final String version;
        private final MediaKind kind;
        private final List<String> endpoints = new ArrayList<>();
        private final List<Size> sizes = new ArrayList<>();
        private int sizeMultiple = 16;
        private int maxSide;
        private final List<Integer> fps = new ArrayList<>();
        private double minSeconds = 1;
        private double maxSeconds = 10;
        private int frameStep = 1;
        private int frameOffset;
        private String negativePrompt = "";
        private PromptLimit promptLimit = PromptLimit.CLIP;
        private Duration jobDeadline = Duration.ofMinutes(10);
        private Duration pollInterval = Duration.ofSeconds(5);

        private Builder(String name, String version, MediaKind kind) {
            this.name = name;
            this.version = version;
            this.kind = kind;
        }

        public Builder endpoints(String... names) {
            endpoints.addAll(List.of(names));
            return this;
        }

        public Builder sizes(String... accepted) {
            for (String size : accepted) {
                sizes.add(Size.parse(size));
            }
            return this;
        }

        public Builder sizeMultiple(int multiple, int maxSide) {
            this.sizeMultiple = multiple;
            this.maxSide = maxSide;
            return this;
        }

        public Builder fps(Integer... accepted) {
            fps.addAll(List.of(accepted));
            return this;
        }

        public Builder seconds(double min, double max) {
            this.minSeconds = min;
            this.maxSeconds = max;
            return this;
        }

        /** Frame counts {@code step * k + offset}: {@code frameRule(4, 1)} for 4k+1. */
        public Builder frameRule(int step, int offset) {
            this.frameStep = step;
            this.frameOffset = offset;
            return this;
        }

        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /** How long a prompt the model reads; {@link PromptLimit#CLIP} by default. */
        public Builder promptLimit(PromptLimit promptLimit) {
            this.promptLimit = promptLimit;
            return this;
        }

        public Builder jobDeadline(Duration jobDeadline) {
            this.jobDeadline = jobDeadline;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public ModelProfile build() {
            return new ModelProfile(
                    name,
                    version,
                    kind,
                    endpoints,
                    sizes,
                    sizeMultiple,
                    maxSide,
                    fps,
                    minSeconds,
                    maxSeconds,
                    frameStep,
                    frameOffset,
                    negativePrompt,
                    promptLimit,
                    jobDeadline,
                    pollInterval);
        }
    }
}
