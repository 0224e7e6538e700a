package io.reelflow.embedded;

import io.reelflow.embedded.internal.Endpoints;
import io.reelflow.embedded.internal.EndpointsHolder;
import io.reelflow.embedded.internal.KafkaTopics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, PostgreSQL (database {@code reelflow}) and an S3 API (with the bucket created), started
 * together for integration tests and {@code local} mode. The backend comes from {@link
 * ServicesOptions#backend()}, by default from the system property {@value
 * ServicesBackend#PROPERTY}.
 *
 * <pre>{@code
 * try (ReelflowServices services = ReelflowServices.start(ServicesOptions.defaults())) {
 *     services.createTopics("reelflow.requests", "reelflow.results");
 *     String jdbcUrl = services.jdbcUrl();
 * }
 * }</pre>
 */
public final class ReelflowServices extends EndpointsHolder implements AutoCloseable {

    /** Sub-directories of {@link ServicesOptions#dataDirectory()}, one per server. */
    public static final String KAFKA_DIRECTORY = "kafka";

    public static final String POSTGRES_DIRECTORY = "postgres";
    public static final String S3_DIRECTORY = "s3";

    private static final Logger LOG = LoggerFactory.getLogger(ReelflowServices.class);

    private final ServicesOptions options;
    private final List<AutoCloseable> resources;
    // The embedded servers, for failure tests; null on the testcontainers backend.
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private boolean closed;

    private ReelflowServices(
            ServicesOptions options, Endpoints endpoints, List<AutoCloseable> resources) {
        this(options, endpoints, resources, null, null);
    }

    private ReelflowServices(
            ServicesOptions options,
            Endpoints endpoints,
            List<AutoCloseable> resources,
            EmbeddedKafkaBroker kafka,
            EmbeddedPostgresServer postgres) {
        super(endpoints);
        this.options = options;
        this.resources = resources;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts the services with {@link ServicesOptions#defaults()}. */
    public static ReelflowServices start() {
        return start(ServicesOptions.defaults());
    }

    /**
     * Starts the three services and waits until each accepts clients.
     *
     * @throws IllegalStateException when a service does not start, or the testcontainers backend is
     *     chosen on a machine without Docker
     */
    public static ReelflowServices start(ServicesOptions options) {
        return start(options, ContainerServices::dockerAvailable);
    }

    // The Docker check is a parameter so that tests can ask for containers on any machine.
    static ReelflowServices start(ServicesOptions options, BooleanSupplier dockerAvailable) {
        long started = System.nanoTime();
        ReelflowServices services;
        switch (options.backend()) {
            case EMBEDDED:
                services = startEmbedded(options);
                break;
            case TESTCONTAINERS:
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(
                            "The testcontainers backend needs a Docker engine and none was found."
                                    + " Set the system property "
                                    + ServicesBackend.PROPERTY
                                    + "="
                                    + ServicesBackend.EMBEDDED.propertyValue()
                                    + " (the default) to run Kafka, PostgreSQL and the S3 API"
                                    + " inside this JVM instead.");
                }
                ContainerServices containers = ContainerServices.start(options);
                services =
                        new ReelflowServices(options, endpointsOf(containers), List.of(containers));
                break;
            default:
                throw new IllegalArgumentException("Unsupported backend " + options.backend());
        }
        LOG.info(
                "Services ({}) started in {} ms: {}",
                options.backend().propertyValue(),
                (System.nanoTime() - started) / 1_000_000,
                services.endpoints);
        return services;
    }

    /** The options these services were started with. */
    public ServicesOptions options() {
        return options;
    }

    public ServicesBackend backend() {
        return options.backend();
    }

    /**
     * The in-JVM Kafka broker, for tests that {@link EmbeddedKafkaBroker#stop() stop} and {@link
     * EmbeddedKafkaBroker#restart() restart} it on the same address.
     *
     * @throws IllegalStateException on the testcontainers backend
     */
    public EmbeddedKafkaBroker embeddedKafka() {
        return embedded(kafka, "Kafka");
    }

    /**
     * The PostgreSQL server, for tests that {@link EmbeddedPostgresServer#stop() stop} and {@link
     * EmbeddedPostgresServer#restart() restart} it on the same address.
     *
     * @throws IllegalStateException on the testcontainers backend
     */
    public EmbeddedPostgresServer embeddedPostgres() {
        return embedded(postgres, "PostgreSQL");
    }

    private <T> T embedded(T server, String name) {
        if (server == null) {
            throw new IllegalStateException(
                    name
                            + " runs in a container ("
                            + options.backend().propertyValue()
                            + " backend); only the embedded backend can stop and restart it");
        }
        return server;
    }

    /**
     * Creates topics with replication factor 1 and {@value EmbeddedKafkaBroker#DEFAULT_PARTITIONS}
     * partitions, skipping existing ones.
     */
    public void createTopics(String... names) {
        createTopics(EmbeddedKafkaBroker.DEFAULT_PARTITIONS, names);
    }

    /** Creates topics with replication factor 1, skipping those that exist. */
    public void createTopics(int partitions, String... names) {
        KafkaTopics.create(kafkaBootstrapServers(), partitions, names);
    }

    /** Stops every service, the last started first; temporary data is deleted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(resources);
    }

    @Override
    public String toString() {
        return "ReelflowServices[" + options.backend().propertyValue() + ", " + endpoints + "]";
    }

    // The three servers are independent, so they start in parallel: start time is the slowest one.
    private static ReelflowServices startEmbedded(ServicesOptions options) {
        Path data = options.dataDirectory();
        ExecutorService starter =
                Executors.newFixedThreadPool(
                        3,
                        task -> {
                            Thread thread = new Thread(task, "reelflow-services-start");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            CompletableFuture<EmbeddedKafkaBroker> kafka =
                    submit(
                            starter,
                            () ->
                                    EmbeddedKafkaBroker.start(
                                            options.kafkaPort(),
                                            subdirectory(data, KAFKA_DIRECTORY)));
            CompletableFuture<EmbeddedPostgresServer> postgres =
                    submit(
                            starter,
                            () ->
                                    EmbeddedPostgresServer.start(
                                            options.postgresPort(),
                                            subdirectory(data, POSTGRES_DIRECTORY)));
            CompletableFuture<EmbeddedS3Server> s3 =
                    submit(
                            starter,
                            () ->
                                    EmbeddedS3Server.start(
                                            options.s3Port(),
                                            subdirectory(data, S3_DIRECTORY),
                                            options.bucket()));
            List<AutoCloseable> started = new ArrayList<>();
            RuntimeException failure = null;
            for (CompletableFuture<? extends AutoCloseable> future : List.of(kafka, postgres, s3)) {
                try {
                    started.add(future.join());
                } catch (CompletionException e) {
                    RuntimeException cause = asRuntime(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                closeAll(started);
                throw failure;
            }
            EmbeddedKafkaBroker broker = kafka.join();
            EmbeddedPostgresServer database = postgres.join();
            EmbeddedS3Server objects = s3.join();
            Endpoints endpoints =
                    new Endpoints(
                            broker.bootstrapServers(),
                            database.jdbcUrl(),
                            database.user(),
                            database.password(),
                            objects.endpoint().toString(),
                            objects.region(),
                            objects.accessKey(),
                            objects.secretKey(),
                            objects.bucket());
            return new ReelflowServices(options, endpoints, started, broker, database);
        } finally {
            starter.shutdownNow();
        }
    }

    private static <T> CompletableFuture<T> submit(ExecutorService executor, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    private static Path subdirectory(Path data, String name) {
        return data == null ? null : data.resolve(name);
    }

    private static Endpoints endpointsOf(ServiceEndpoints services) {
        return new Endpoints(
                services.kafkaBootstrapServers(),
                services.jdbcUrl(),
                services.jdbcUser(),
                services.jdbcPassword(),
                services.s3Endpoint(),
                services.s3Region(),
                services.s3AccessKey(),
                services.s3SecretKey(),
                services.s3Bucket());
    }

    private static RuntimeException asRuntime(Throwable cause) {
        return cause instanceof RuntimeException
                ? (RuntimeException) cause
                : new IllegalStateException("A service did not start", cause);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}", resources.get(i), e);
            }
        }
    }
}
