package io.reelflow.operators.generation.internal;

import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.GenerationMetrics;
import io.reelflow.operators.port.JobRegistry;
import io.reelflow.operators.port.ObjectStore;

/**
 * What generation work runs on: the task manager's shared endpoints, registry, store, executors and
 * clock, plus the settings and the metrics of the subtask that started the work.
 *
 * @param owner names this JVM's claims in the registry
 */
public record Resources(
        EndpointPool pool,
        JobRegistry registry,
        ObjectStore store,
        Blocking blocking,
        Scheduler scheduler,
        String owner,
        GenerationConfig config,
        GenerationMetrics metrics) {}
