package io.reelflow.job.sizing;

import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.render.RenderConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How many videos each subtask renders and scores at once, and how many scenes each generation
 * subtask holds, derived from the task manager's resources unless an option says otherwise (an
 * explicit option always wins). Renders are sized by cores: renders per slot × (encoder + compose
 * threads) ≈ cores per slot, at most what the native memory budget holds. Generation is sized by
 * the model servers' slots, never by cores: a subtask holds its share of the slots for as many
 * rounds as its queue allowance lasts. Every value comes with the reason the start-up log prints.
 * Generation is sized before its config is built, so the capacity is set once:
 *
 * <pre>{@code
 * GenerationConfig.Builder generation = GenerationOptions.read(config);
 * StageSizing sizing = StageSizing.derive(tm, render, generation, explicitThreads, explicitCapacity);
 * GenerationConfig sized = generation.capacity(sizing.generationCapacity()).build();
 * }</pre>
 *
 * @param renderThreads videos rendered at once per subtask; scoring and repair use as many
 * @param renderCapacity videos in flight per render, score or repair subtask (async capacity)
 * @param generationCapacity scenes in flight per generation subtask (async capacity)
 * @param reasons one line per stage: the value and why
 */
public record StageSizing(
        int renderThreads, int renderCapacity, int generationCapacity, List<String> reasons)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Native memory (FFmpeg's codecs, frames in flight) of one 1080p render: a process rendering a
     * 10-minute 1080p video peaked at 463 MB RSS with a 270 MB heap peak (benchmarks/README.md,
     * Renderer), so ≈ 190 MB outside the heap, JVM included; rounded up.
     */
    public static final long NATIVE_BYTES_PER_RENDER = 200L * 1024 * 1024;

    /** Most renders per subtask the job derives (an explicit option may ask more). */
    public static final int MAX_DERIVED_RENDER_THREADS = 16;

    /** Fewest scenes in flight per generation subtask: one in a slot, one ready for the next. */
    public static final int MIN_GENERATION_CAPACITY = 2;

    /**
     * Most scenes in flight per generation subtask the job derives: the checkpoint benchmark's
     * 1,000 scenes in flight checkpoint in milliseconds (benchmarks/README.md, Generation).
     */
    public static final int MAX_GENERATION_CAPACITY = 1000;

    /** In flight per render thread: one working, one waiting, so a thread never idles. */
    private static final int RENDER_INPUTS_PER_THREAD = 2;

    public StageSizing {
        if (renderThreads < 1 || renderCapacity < renderThreads || generationCapacity < 1) {
            throw new IllegalArgumentException(
                    "need renderThreads >= 1, renderCapacity >= renderThreads, generationCapacity"
                            + " >= 1");
        }
        reasons = List.copyOf(reasons);
    }

    /**
     * Derives what {@code explicitRenderThreads} ({@code reelflow.render.threads}) and {@code
     * explicitGenerationCapacity} ({@code reelflow.generation.capacity}) leave open; {@code
     * generation} gives the models, their endpoints' slots and the queue allowance (its capacity is
     * not read).
     */
    public static StageSizing derive(
            TaskManagerResources tm,
            RenderConfig render,
            GenerationConfig.Builder generation,
            Optional<Integer> explicitRenderThreads,
            Optional<Integer> explicitGenerationCapacity) {
        String renderReason;
        int renderThreads;
        if (explicitRenderThreads.isPresent()) {
            renderThreads = explicitRenderThreads.get();
            renderReason = "set by reelflow.render.threads";
        } else {
            renderThreads = rendersPerSlot(tm, render);
            renderReason = renderReason(tm, render, renderThreads);
        }
        int renderCapacity = renderThreads * RENDER_INPUTS_PER_THREAD;
        String renderLine =
                String.format(
                        Locale.ROOT,
                        "render: %d video(s) at once per subtask, capacity %d: %s",
                        renderThreads,
                        renderCapacity,
                        renderReason);
        String qualityLine =
                String.format(
                        Locale.ROOT,
                        "score and repair: %d video(s) at once per subtask, capacity %d: as the"
                                + " render stage, whose every video they take once (scoring costs"
                                + " about a tenth of a render's CPU)",
                        renderThreads,
                        renderCapacity);

        int generationCapacity;
        String generationReason;
        if (explicitGenerationCapacity.isPresent()) {
            generationCapacity = explicitGenerationCapacity.get();
            generationReason = "set by reelflow.generation.capacity";
        } else {
            generationCapacity = generationCapacity(tm, generation);
            generationReason = generationReason(tm, generation, generationCapacity);
        }
        String generationLine =
                String.format(
                        Locale.ROOT,
                        "generation: %d scene(s) in flight per subtask: %s",
                        generationCapacity,
                        generationReason);
        return new StageSizing(
                renderThreads,
                renderCapacity,
                generationCapacity,
                List.of(renderLine, qualityLine, generationLine));
    }

    /** Threads one render keeps busy: the encoder's and the composer's. */
    static int threadsPerRender(RenderConfig render) {
        return render.encoderThreads() + render.composeThreads();
    }

    /**
     * Renders per slot so that renders × threads per render ≈ cores per slot (rounded half up: a
     * little oversubscription costs less than idle cores), at least 1, at most what the native
     * memory budget holds per slot when one is set.
     */
    static int rendersPerSlot(TaskManagerResources tm, RenderConfig render) {
        int byCores = rendersByCores(tm, render);
        return Math.max(1, Math.min(byCores, rendersByMemory(tm).orElse(byCores)));
    }

    /** Renders per slot by cores alone, within 1..{@link #MAX_DERIVED_RENDER_THREADS}. */
    static int rendersByCores(TaskManagerResources tm, RenderConfig render) {
        int rounded = (int) Math.floor(tm.coresPerSlot() / threadsPerRender(render) + 0.5);
        return Math.max(1, Math.min(MAX_DERIVED_RENDER_THREADS, rounded));
    }

    /** Renders per slot the task off-heap budget holds; empty when none is set. */
    static Optional<Integer> rendersByMemory(TaskManagerResources tm) {
        if (tm.taskOffHeapBytes() <= 0) {
            return Optional.empty();
        }
        long perSlot = tm.taskOffHeapBytes() / tm.slots();
        return Optional.of((int) Math.min(Integer.MAX_VALUE, perSlot / NATIVE_BYTES_PER_RENDER));
    }

    private static String renderReason(TaskManagerResources tm, RenderConfig render, int renders) {
        String cores =
                String.format(
                        Locale.ROOT,
                        "%s cores per task manager (%s) / %d slots = %s per slot, / %d threads per"
                                + " render (%d encoder + %d compose), rounded, within 1..%d",
                        number(tm.cores()),
                        tm.coresSource(),
                        tm.slots(),
                        number(tm.coresPerSlot()),
                        threadsPerRender(render),
                        render.encoderThreads(),
                        render.composeThreads(),
                        MAX_DERIVED_RENDER_THREADS);
        Optional<Integer> byMemory = rendersByMemory(tm);
        if (byMemory.isEmpty()) {
            return cores + "; no task off-heap budget set, so memory does not limit it";
        }
        String memory =
                String.format(
                        Locale.ROOT,
                        "taskmanager.memory.task.off-heap.size %d MB / %d slots / %d MB per render"
                                + " = %d",
                        tm.taskOffHeapBytes() >> 20,
                        tm.slots(),
                        NATIVE_BYTES_PER_RENDER >> 20,
                        byMemory.get());
        return renders < rendersByCores(tm, render)
                ? cores + "; capped by memory: " + memory
                : cores + "; memory holds it: " + memory;
    }

    /**
     * Scenes per subtask = its share of the first model's slots × (1 + queue allowance ÷ job
     * deadline), rounded up: a scene at the back of the subtask's queue still gets a slot within
     * its queue allowance when every job before it runs to its deadline. The endpoints' slots are
     * shared by the task manager's subtasks (one pool per task manager), hence the share.
     */
    static int generationCapacity(TaskManagerResources tm, GenerationConfig.Builder generation) {
        double rounds = 1 + roundsWithinAllowance(generation);
        double capacity = Math.ceil(slotsPerSubtask(tm, generation) * rounds);
        return (int) Math.max(MIN_GENERATION_CAPACITY, Math.min(MAX_GENERATION_CAPACITY, capacity));
    }

    private static String generationReason(
            TaskManagerResources tm, GenerationConfig.Builder generation, int capacity) {
        ModelProfile model = generation.models().get(0);
        return String.format(
                Locale.ROOT,
                "%d slot(s) of model %s's endpoints shared by %d task slot(s) = %s per subtask, x"
                        + " (1 + queue allowance %s / job deadline %s), rounded up, within %d..%d"
                        + " (sized by the model servers' slots, not by cores)",
                slotsOf(model, generation),
                model.name(),
                tm.slots(),
                number(slotsPerSubtask(tm, generation)),
                duration(generation.queueAllowance()),
                duration(model.jobDeadline()),
                MIN_GENERATION_CAPACITY,
                MAX_GENERATION_CAPACITY);
    }

    private static double slotsPerSubtask(
            TaskManagerResources tm, GenerationConfig.Builder generation) {
        return (double) slotsOf(generation.models().get(0), generation) / tm.slots();
    }

    private static double roundsWithinAllowance(GenerationConfig.Builder generation) {
        Duration deadline = generation.models().get(0).jobDeadline();
        return (double) generation.queueAllowance().toMillis() / Math.max(1, deadline.toMillis());
    }

    private static int slotsOf(ModelProfile model, GenerationConfig.Builder generation) {
        return generation.endpoints().stream()
                .filter(endpoint -> model.endpoints().contains(endpoint.name()))
                .mapToInt(ModelEndpoint::slots)
                .sum();
    }

    private static String number(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
    }
}
