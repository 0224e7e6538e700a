package io.reelflow.operators.port;

import java.util.Objects;

/**
 * A model server's job as last seen.
 *
 * @param id the server's job id (a prompt id for ComfyUI); stored in the {@link JobRegistry} before
 *     the first poll
 * @param state where the job is
 * @param progress 0 to 1, as far as the server says
 * @param error why the job failed, when it did
 * @param gpuSeconds GPU time the server reports for the job, or null when it reports none
 * @param resultLocator where the finished result is, in the adapter's own terms (a URL, a file
 *     name, a stash of decoded bytes); opaque to the generation stage, null until completed
 */
public record GenerationJob(
        String id,
        JobState state,
        double progress,
        String error,
        Double gpuSeconds,
        String resultLocator) {

    public GenerationJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    public static GenerationJob of(String id, JobState state) {
        return new GenerationJob(id, state, 0, null, null, null);
    }
}
