package io.reelflow.benchmarks.generation;

import io.reelflow.connectors.generation.GenerationClients;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * E reference sidecars on loopback, each with S slots and the same job time, as the endpoints of
 * the generation stage ({@code openai-videos}, S slots each) and with their counters summed: the
 * model servers of a generation benchmark.
 *
 * <pre>{@code
 * try (SidecarFleet fleet = SidecarFleet.start(4, 2, Duration.ofSeconds(5), 32)) {
 *     GenerationConfig.builder().endpoints(fleet.endpoints()) ...
 * }
 * }</pre>
 */
public final class SidecarFleet implements AutoCloseable {

    private final List<ReferenceSidecarServer> servers;
    private final int slots;

    private SidecarFleet(List<ReferenceSidecarServer> servers, int slots) {
        this.servers = servers;
        this.slots = slots;
    }

    /**
     * Starts {@code count} sidecars with {@code slots} slots, {@code jobTime} per job and room for
     * {@code queue} waiting jobs each.
     */
    public static SidecarFleet start(int count, int slots, Duration jobTime, int queue)
            throws IOException {
        List<ReferenceSidecarServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(
                        ReferenceSidecarServer.start(
                                SidecarOptions.defaults()
                                        .withPort(0)
                                        .withSlots(slots)
                                        .withQueueCapacity(queue)
                                        .withJobTime(jobTime)));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(ReferenceSidecarServer::close);
            throw e;
        }
        return new SidecarFleet(started, slots);
    }

    /** The sidecars as endpoints {@code sidecar-0} … of the generation stage, S slots each. */
    public List<ModelEndpoint> endpoints() {
        return endpoints(slots);
    }

    /**
     * The sidecars as endpoints with {@code jobsAtOnce} slots each: with more than the servers'
     * slots, the rest of the submitted jobs wait in the servers' queues.
     */
    public List<ModelEndpoint> endpoints(int jobsAtOnce) {
        List<ModelEndpoint> named = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            named.add(
                    new ModelEndpoint(
                            "sidecar-" + i,
                            servers.get(i).baseUri(),
                            GenerationClients.OPENAI_VIDEOS,
                            jobsAtOnce,
                            Map.of()));
        }
        return named;
    }

    /** Endpoint names in order. */
    public List<String> names() {
        return endpoints().stream().map(ModelEndpoint::name).toList();
    }

    /** Jobs accepted by all sidecars together. */
    public long submissions() {
        return sum("submissions");
    }

    /** Jobs accepted by each sidecar, in endpoint order: how evenly the stage routed them. */
    public List<Long> submissionsPerSidecar() {
        return servers.stream()
                .map(server -> ((Number) server.stats().get("submissions")).longValue())
                .toList();
    }

    public long completed() {
        return sum("completed");
    }

    /** Jobs running now on all sidecars. */
    public long running() {
        return sum("running");
    }

    /** Jobs waiting in the sidecars' own queues now. */
    public long queued() {
        return sum("queued");
    }

    /** Refused with 429, failed, or lost: anything but accepted work. */
    public long refusedOrFailed() {
        return sum("rejectedBusy") + sum("failed") + sum("injectedFailures");
    }

    /** Submissions per content key over all sidecars. */
    public Map<String, Long> submissionsByKey() {
        Map<String, Long> merged = new HashMap<>();
        for (ReferenceSidecarServer server : servers) {
            server.submissionsByKey().forEach((key, count) -> merged.merge(key, count, Long::sum));
        }
        return merged;
    }

    private long sum(String counter) {
        long total = 0;
        for (ReferenceSidecarServer server : servers) {
            total += ((Number) server.stats().get(counter)).longValue();
        }
        return total;
    }

    @Override
    public void close() {
        servers.forEach(ReferenceSidecarServer::close);
    }
}
