package io.reelflow.operators.generation;

import io.reelflow.operators.generation.internal.Blocking;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.testing.DirectoryObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared fixtures of the generation tests: fake servers per endpoint, an in-memory registry on
 * virtual time, a directory object store, and runtimes built on them (direct blocking calls, so a
 * test runs on its own thread).
 */
final class GenerationTestBed {
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration DEADLINE = Duration.ofMinutes(10);

    final VirtualScheduler scheduler = new VirtualScheduler();
    final InMemoryJobRegistry registry = new InMemoryJobRegistry(scheduler.clock());
    final DirectoryObjectStore store;
    final RecordingMetrics metrics = new RecordingMetrics();
    final Map<String, FakeGenerationClient> servers = new LinkedHashMap<>();

    GenerationTestBed(Path storeRoot) {
        this.store = new DirectoryObjectStore(storeRoot);
    }

    static ModelEndpoint endpoint(String name, int slots) {
        return new ModelEndpoint(
                name, URI.create("http://" + name + ":8000"), "fake", slots, Map.of());
    }

    static ModelProfile.Builder video(String name, String... endpoints) {
        return ModelProfile.builder(name, "1.0", MediaKind.VIDEO)
                .endpoints(endpoints)
                .jobDeadline(DEADLINE)
                .pollInterval(POLL);
    }

    static GenerationConfig.Builder config(List<ModelProfile> models, ModelEndpoint... endpoints) {
        return GenerationConfig.builder()
                .models(models)
                .endpoints(List.of(endpoints))
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0);
    }

    /** The fake server behind {@code endpoint}, created on first use. */
    FakeGenerationClient server(String endpoint) {
        return servers.computeIfAbsent(
                endpoint, name -> new FakeGenerationClient(name, scheduler::now));
    }

    GenerationRuntime runtime(GenerationConfig config) {
        return runtime(config, scheduler);
    }

    /** A runtime on its own clock, e.g. a task manager started after a failure. */
    GenerationRuntime runtime(GenerationConfig config, VirtualScheduler scheduler) {
        return new GenerationRuntime(
                "test",
                config,
                endpoint -> server(endpoint.name()),
                registry,
                store,
                scheduler,
                new Blocking(Runnable::run));
    }

    ClipGenerator generator(GenerationConfig config) {
        return new ClipGenerator(runtime(config), metrics);
    }

    int submissions() {
        return servers.values().stream().mapToInt(s -> s.submissions.size()).sum();
    }
}
