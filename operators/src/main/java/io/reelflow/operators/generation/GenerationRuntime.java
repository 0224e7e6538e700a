package io.reelflow.operators.generation;

import io.reelflow.operators.generation.internal.Blocking;
import io.reelflow.operators.generation.internal.Endpoint;
import io.reelflow.operators.generation.internal.EndpointPool;
import io.reelflow.operators.generation.internal.ExecutorScheduler;
import io.reelflow.operators.generation.internal.Generated;
import io.reelflow.operators.generation.internal.InFlight;
import io.reelflow.operators.generation.internal.Resources;
import io.reelflow.operators.generation.internal.Scheduler;
import io.reelflow.operators.generation.internal.SharedKey;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.JobRegistry;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What the generation subtasks of one task manager share: the endpoints (clients, slots, breakers,
 * health checks), the job registry, the object store, the work in flight, one timer thread and a
 * bounded pool for blocking calls. Slots and in-flight sharing only work because every subtask sees
 * the same instance; like {@code AssetIndexHolder}, it is reference-counted per configuration.
 *
 * <pre>{@code
 * GenerationRuntime runtime = GenerationRuntime.acquire(config, clients, registry, store);
 * try { ... new ClipGenerator(runtime, metrics) ... } finally { runtime.release(); }
 * }</pre>
 */
public final class GenerationRuntime {
    private static final Map<String, GenerationRuntime> SHARED = new HashMap<>();

    private final String key;
    private final GenerationConfig config;
    private final EndpointPool pool;
    private final JobRegistry registry;
    private final ObjectStore store;
    private final Scheduler scheduler;
    private final Blocking blocking;
    private final InFlight<Generated> inFlight = new InFlight<>();
    private final String owner = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private int users;

    GenerationRuntime(
            String key,
            GenerationConfig config,
            Function<ModelEndpoint, GenerationClient> clients,
            JobRegistry registry,
            ObjectStore store,
            Scheduler scheduler,
            Blocking blocking) {
        this.key = key;
        this.config = config;
        this.registry = registry;
        this.store = store;
        this.scheduler = scheduler;
        this.blocking = blocking;
        List<Endpoint> endpoints = new ArrayList<>();
        for (ModelEndpoint endpoint : config.endpoints()) {
            ModelEndpoint forAdapter = config.endpointForAdapter(endpoint);
            endpoints.add(
                    new Endpoint(
                            forAdapter,
                            clients.apply(forAdapter),
                            Endpoint.breakerConfig(
                                    config.breakerFailureRatePercent(), config.breakerOpenFor())));
        }
        this.pool = new EndpointPool(endpoints);
    }

    /**
     * The runtime of this configuration and these factories in this JVM, created on first use; pair
     * every call with {@link #release()}.
     */
    public static GenerationRuntime acquire(
            GenerationConfig config,
            GenerationClientFactory clients,
            JobRegistryFactory registry,
            ObjectStoreFactory store) {
        String key = SharedKey.of(config, clients, registry, store);
        synchronized (SHARED) {
            GenerationRuntime runtime = SHARED.get(key);
            if (runtime == null) {
                runtime = create(key, config, clients, registry, store);
                runtime.pool.startHealthChecks(runtime.scheduler, config.healthInterval());
                SHARED.put(key, runtime);
            }
            runtime.users++;
            return runtime;
        }
    }

    private static GenerationRuntime create(
            String key,
            GenerationConfig config,
            GenerationClientFactory clients,
            JobRegistryFactory registry,
            ObjectStoreFactory store) {
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(daemon("reelflow-generation-timer"));
        ExecutorService io =
                new ThreadPoolExecutor(
                        config.ioThreads(),
                        config.ioThreads(),
                        60,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(10_000),
                        daemon("reelflow-generation-io"));
        JobRegistry jobs = registry.create();
        ObjectStore objects = store.create();
        GenerationRuntime runtime =
                new GenerationRuntime(
                        key,
                        config,
                        clients::create,
                        jobs,
                        objects,
                        new ExecutorScheduler(timer),
                        new Blocking(io));
        runtime.owned.addAll(List.of(jobs, objects, timer::shutdownNow, io::shutdownNow));
        return runtime;
    }

    /** Gives the runtime back; the last user closes clients, registry, store and threads. */
    public void release() {
        synchronized (SHARED) {
            if (users == 0 || --users > 0) {
                return;
            }
            SHARED.remove(key, this);
        }
        close();
    }

    public GenerationConfig config() {
        return config;
    }

    /** Names of the endpoints, in configuration order. */
    public List<String> endpointNames() {
        return pool.all().stream().map(Endpoint::name).toList();
    }

    EndpointPool pool() {
        return pool;
    }

    InFlight<Generated> inFlight() {
        return inFlight;
    }

    Resources resources(GenerationMetrics metrics) {
        return new Resources(pool, registry, store, blocking, scheduler, owner, config, metrics);
    }

    void close() {
        // The last task of this task manager is going: leave the jobs running and registered.
        inFlight.detachAll();
        pool.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing is best effort: the task is going away.
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
