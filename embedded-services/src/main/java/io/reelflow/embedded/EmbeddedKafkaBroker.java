package io.reelflow.embedded;

import io.reelflow.embedded.internal.Directories;
import io.reelflow.embedded.internal.FreePorts;
import io.reelflow.embedded.internal.KafkaTopics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node Kafka cluster in this JVM: a KRaft server with the broker and controller roles
 * combined, on loopback, tuned for tests (replication factor 1 everywhere, no rebalance delay,
 * topics created on first use).
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
 *     kafka.createTopics("reelflow.requests");
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /**
     * Partitions of topics created by {@link #createTopics(String...)} and of auto-created ones.
     */
    public static final int DEFAULT_PARTITIONS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final boolean deleteOnClose;
    private KafkaRaftServer server; // null while stopped
    private boolean closed;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server,
            int port,
            int controllerPort,
            Path logDirectory,
            boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a broker on a free port with a temporary log directory, deleted on close. */
    public static EmbeddedKafkaBroker start() {
        return start(0, null);
    }

    /**
     * Starts a broker and waits until it accepts clients.
     *
     * @param port client port, 0 for a free one
     * @param logDirectory where logs and metadata are kept across runs, or {@code null} for a
     *     temporary directory deleted on close
     */
    public static EmbeddedKafkaBroker start(int port, Path logDirectory) {
        boolean temporary = logDirectory == null;
        Path directory;
        try {
            directory =
                    temporary
                            ? Files.createTempDirectory("reelflow-kafka-")
                            : Directories.ensure(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory", e);
        }
        try {
            EmbeddedKafkaBroker broker =
                    new EmbeddedKafkaBroker(
                            null, FreePorts.resolve(port), FreePorts.pick(), directory, temporary);
            broker.launch();
            LOG.info("Kafka broker ready at {} (logs in {})", broker.bootstrapServers(), directory);
            return broker;
        } catch (RuntimeException | Error e) {
            if (temporary) {
                deleteQuietly(directory);
            }
            throw e;
        }
    }

    // Starts a server on this broker's ports and directory and waits until it takes clients.
    private void launch() {
        KafkaRaftServer started = null;
        try {
            KafkaConfig config =
                    new KafkaConfig(properties(logDirectory, port, controllerPort), false);
            // A kept log directory is formatted already; formatting again would change its cluster
            // id.
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                format(logDirectory);
            }
            started = new KafkaRaftServer(config, Time.SYSTEM);
            started.startup();
            server = started;
            awaitReady();
        } catch (RuntimeException | Error e) {
            server = null;
            stopQuietly(started);
            throw e;
        } catch (Exception e) {
            server = null;
            stopQuietly(started);
            throw new IllegalStateException("Kafka broker did not start", e);
        }
    }

    /** {@code bootstrap.servers} for clients, for example {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Where the broker keeps its logs and metadata. */
    public Path logDirectory() {
        return logDirectory;
    }

    /** Creates the topics that do not exist yet, with {@value #DEFAULT_PARTITIONS} partitions. */
    public void createTopics(String... names) {
        createTopics(DEFAULT_PARTITIONS, names);
    }

    /** Creates the topics that do not exist yet, with replication factor 1. */
    public void createTopics(int partitions, String... names) {
        KafkaTopics.create(bootstrapServers(), partitions, names);
    }

    /** The names of all non-internal topics. */
    public Set<String> topics() {
        return KafkaTopics.list(bootstrapServers());
    }

    /** Whether the broker is up: started and not {@link #stop() stopped} or closed. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Stops the broker (a controlled shutdown) but keeps its ports and log directory, so that
     * {@link #restart()} brings the same cluster back with its topics, offsets and transactions;
     * for failure tests. Does nothing when the broker is stopped already.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopQuietly(server);
        server = null;
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    /**
     * Starts a {@link #stop() stopped} broker again on the same ports over the same log directory
     * and waits until it takes clients; does nothing when it runs.
     *
     * @throws IllegalStateException when the broker was closed or does not come back
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException(
                    "Kafka broker at " + bootstrapServers() + " was closed");
        }
        if (server != null) {
            return;
        }
        launch();
        LOG.info("Kafka broker at {} restarted", bootstrapServers());
    }

    /**
     * Stops the broker and waits for its threads; deletes the log directory if it was temporary.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (deleteOnClose) {
            deleteQuietly(logDirectory);
        }
    }

    private static Map<String, Object> properties(Path logDir, int clientPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://"
                        + HOST
                        + ":"
                        + clientPort
                        + ","
                        + CONTROLLER_LISTENER
                        + "://"
                        + HOST
                        + ":"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        props.put(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        // One partition for the internal topics: creating 50 of them is most of a cold start.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Flink's exactly-once Kafka sink uses a one-hour transaction timeout by default.
        props.put("transaction.max.timeout.ms", Long.toString(Duration.ofHours(1).toMillis()));
        // Small footprint: the default cleaner buffer alone is 128 MiB of heap.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("log.cleaner.threads", "1");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        return props;
    }

    private static void format(Path logDir) throws Exception {
        Formatter formatter =
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setClusterId(Uuid.randomUuid().toString())
                        .setNodeId(NODE_ID)
                        .addDirectory(logDir.toString())
                        .setMetadataLogDirectory(logDir.toString())
                        .setControllerListenerName(CONTROLLER_LISTENER)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        formatter.run();
    }

    // Startup returns before the broker is unfenced; a broker that lists itself takes topics.
    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = KafkaTopics.admin(bootstrapServers())) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<Node> nodes =
                            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(
                "Kafka broker at " + bootstrapServers() + " not ready after " + READY_TIMEOUT,
                last);
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker did not shut down cleanly", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete Kafka log directory {}", directory, e);
        }
    }
}
