package io.reelflow.sidecar;

import io.reelflow.sidecar.internal.FaultInjector;
import java.util.Objects;

/**
 * How a {@link ReferenceSidecarServer} runs. Port 0 picks a free port.
 *
 * <pre>{@code
 * SidecarOptions options = SidecarOptions.defaults().withPort(0).withThreads(1);
 * }</pre>
 *
 * @param host address to bind, {@value #DEFAULT_HOST} by default
 * @param port port to bind, 0 for a free one
 * @param threads clips encoded at the same time
 * @param queueCapacity generate requests that may wait for a thread; more are answered 429
 * @param latencyMillis wait before every generate call (fault injection)
 * @param failFirst the first N generate calls fail with 503 (fault injection)
 */
public record SidecarOptions(
        String host, int port, int threads, int queueCapacity, long latencyMillis, int failFirst) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    public static final int DEFAULT_THREADS = 2;
    public static final int DEFAULT_QUEUE_CAPACITY = 8;

    public SidecarOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 but was " + port);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64 but was " + threads);
        }
        if (queueCapacity < 0 || queueCapacity > 1024) {
            throw new IllegalArgumentException(
                    "queueCapacity must be 0..1024 but was " + queueCapacity);
        }
        if (latencyMillis < 0 || latencyMillis > FaultInjector.MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException(
                    "latencyMillis must be 0.."
                            + FaultInjector.MAX_LATENCY_MILLIS
                            + " but was "
                            + latencyMillis);
        }
        if (failFirst < 0) {
            throw new IllegalArgumentException("failFirst must be >= 0 but was " + failFirst);
        }
    }

    /** Port {@value #DEFAULT_PORT} on {@value #DEFAULT_HOST}, two threads, no faults. */
    public static SidecarOptions defaults() {
        return new SidecarOptions(
                DEFAULT_HOST, DEFAULT_PORT, DEFAULT_THREADS, DEFAULT_QUEUE_CAPACITY, 0, 0);
    }

    /**
     * Reads {@code --port 8090 --threads 2 --queue 8 --latency-ms 0 --fail-first 0 --host
     * 127.0.0.1}; options left out keep their defaults.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    public static SidecarOptions parse(String... args) {
        SidecarOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--host":
                    options = options.withHost(value);
                    break;
                case "--port":
                    options = options.withPort(intValue(name, value));
                    break;
                case "--threads":
                    options = options.withThreads(intValue(name, value));
                    break;
                case "--queue":
                    options = options.withQueueCapacity(intValue(name, value));
                    break;
                case "--latency-ms":
                    options = options.withLatencyMillis(intValue(name, value));
                    break;
                case "--fail-first":
                    options = options.withFailFirst(intValue(name, value));
                    break;
                default:
                    throw new IllegalArgumentException(
                            "unknown option "
                                    + name
                                    + "; use --port, --threads, --queue, --latency-ms,"
                                    + " --fail-first, --host");
            }
        }
        return options;
    }

    public SidecarOptions withHost(String newHost) {
        return new SidecarOptions(newHost, port, threads, queueCapacity, latencyMillis, failFirst);
    }

    public SidecarOptions withPort(int newPort) {
        return new SidecarOptions(host, newPort, threads, queueCapacity, latencyMillis, failFirst);
    }

    public SidecarOptions withThreads(int newThreads) {
        return new SidecarOptions(host, port, newThreads, queueCapacity, latencyMillis, failFirst);
    }

    public SidecarOptions withQueueCapacity(int newQueueCapacity) {
        return new SidecarOptions(host, port, threads, newQueueCapacity, latencyMillis, failFirst);
    }

    public SidecarOptions withLatencyMillis(long newLatencyMillis) {
        return new SidecarOptions(host, port, threads, queueCapacity, newLatencyMillis, failFirst);
    }

    public SidecarOptions withFailFirst(int newFailFirst) {
        return new SidecarOptions(host, port, threads, queueCapacity, latencyMillis, newFailFirst);
    }

    private static int intValue(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " needs a whole number but got '" + value + "'");
        }
    }
}
