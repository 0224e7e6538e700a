package io.reelflow.operators.generation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of a task manager, shared by all its generation subtasks: routes each job to the
 * least loaded endpoint that serves the model, is healthy, not paused and whose breaker lets a call
 * through, and checks every endpoint's health periodically.
 */
public final class EndpointPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointPool.class);

    private final Map<String, Endpoint> byName = new LinkedHashMap<>();
    private AutoCloseable healthChecks;

    public EndpointPool(Collection<Endpoint> endpoints) {
        endpoints.forEach(e -> byName.put(e.name(), e));
    }

    /**
     * Where to send a job, how long to wait first (an endpoint paused by Retry-After), and the
     * job's slot on that endpoint, already asked for.
     */
    public record Choice(
            Endpoint endpoint, Duration delay, CompletableFuture<AsyncSlots.Permit> slot) {}

    public Optional<Endpoint> endpoint(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Endpoint> all() {
        return byName.values();
    }

    /**
     * The endpoint for a new job among {@code names}: healthy and unpaused ones first, {@code
     * avoid} (the one that just failed) last, then least load; a paused endpoint with the wait its
     * server asked for when no other can take the job. Empty when every breaker is open. A choice
     * holds a breaker permission that the job's first call uses, and asks for the job's slot while
     * still holding the pool's lock: the next routing decision sees this job in the endpoint's load
     * even when scenes are routed on several threads at once.
     */
    public synchronized Optional<Choice> choose(List<String> names, String avoid, Instant now) {
        List<Endpoint> candidates =
                names.stream()
                        .map(byName::get)
                        .filter(e -> e != null)
                        .sorted(
                                Comparator.comparing((Endpoint e) -> !e.healthy())
                                        .thenComparing(e -> e.pausedUntil().isAfter(now))
                                        .thenComparing(e -> e.name().equals(avoid))
                                        .thenComparingDouble(Endpoint::load)
                                        .thenComparing(Endpoint::pausedUntil))
                        .toList();
        for (Endpoint endpoint : candidates) {
            if (endpoint.breaker().tryAcquirePermission()) {
                Duration wait = Duration.between(now, endpoint.pausedUntil());
                return Optional.of(
                        new Choice(
                                endpoint,
                                wait.isNegative() ? Duration.ZERO : wait,
                                endpoint.slots().acquire()));
            }
        }
        return Optional.empty();
    }

    /** Checks every endpoint's health now and every {@code interval}. */
    public synchronized void startHealthChecks(Scheduler scheduler, Duration interval) {
        if (healthChecks == null) {
            checkHealth();
            healthChecks = scheduler.every(interval, this::checkHealth);
        }
    }

    /** Asks every endpoint whether it is ready; the answer decides whether it gets new jobs. */
    public void checkHealth() {
        for (Endpoint endpoint : byName.values()) {
            try {
                endpoint.client()
                        .health()
                        .orTimeout(30, TimeUnit.SECONDS)
                        .whenComplete((ok, failure) -> healthChecked(endpoint, failure));
            } catch (RuntimeException e) {
                healthChecked(endpoint, e);
            }
        }
    }

    private static void healthChecked(Endpoint endpoint, Throwable failure) {
        boolean healthy = failure == null;
        if (healthy != endpoint.healthy()) {
            if (healthy) {
                LOG.info("Generation endpoint {} is healthy again", endpoint);
            } else {
                LOG.warn("Generation endpoint {} failed its health check: {}", endpoint, failure);
            }
        }
        endpoint.healthy(healthy);
    }

    @Override
    public synchronized void close() {
        try {
            if (healthChecks != null) {
                healthChecks.close();
            }
        } catch (Exception e) {
            LOG.debug("Stopping health checks failed", e);
        }
        for (Endpoint endpoint : byName.values()) {
            try {
                endpoint.client().close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the client of {} failed", endpoint, e);
            }
        }
    }
}
