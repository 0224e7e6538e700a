package io.reelflow.embedded;

import io.reelflow.embedded.internal.Endpoints;
import io.reelflow.embedded.internal.EndpointsHolder;
import io.reelflow.embedded.internal.KafkaTopics;
import io.reelflow.embedded.internal.Secrets;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The services as Docker containers through Testcontainers: Kafka ({@code apache/kafka}),
 * PostgreSQL and MinIO. For machines with a Docker engine; ports and the data directory of the
 * options are ignored (containers get free host ports and keep no data after close).
 *
 * <p>Images can be changed with the system properties {@value #KAFKA_IMAGE_PROPERTY}, {@value
 * #POSTGRES_IMAGE_PROPERTY} and {@value #MINIO_IMAGE_PROPERTY}.
 */
public final class ContainerServices extends EndpointsHolder implements AutoCloseable {

    public static final String KAFKA_IMAGE_PROPERTY = "reelflow.services.kafka-image";
    public static final String POSTGRES_IMAGE_PROPERTY = "reelflow.services.postgres-image";
    public static final String MINIO_IMAGE_PROPERTY = "reelflow.services.minio-image";

    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.3.1";
    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:18-alpine";
    // Docker Hub stopped serving minio/minio images; quay.io still has them.
    public static final String DEFAULT_MINIO_IMAGE =
            "quay.io/minio/minio:RELEASE.2025-02-28T09-55-16Z";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerServices.class);
    private static final String REGION = "us-east-1";

    private final Deque<GenericContainer<?>> started;

    private ContainerServices(Deque<GenericContainer<?>> started, Endpoints endpoints) {
        super(endpoints);
        this.started = started;
    }

    /** Whether Testcontainers finds a Docker engine (it tries the usual sockets and settings). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Docker availability check failed", e);
            return false;
        }
    }

    /**
     * Starts the three containers and creates the bucket; the database is created by the PostgreSQL
     * image itself.
     */
    public static ContainerServices start(ServicesOptions options) {
        if (options.kafkaPort() != 0 || options.postgresPort() != 0 || options.s3Port() != 0) {
            LOG.warn("The testcontainers backend maps free host ports; fixed ports are ignored");
        }
        if (options.dataDirectory() != null) {
            LOG.warn(
                    "The testcontainers backend keeps no data; {} is ignored",
                    options.dataDirectory());
        }
        Deque<GenericContainer<?>> started = new ArrayDeque<>();
        try {
            KafkaContainer kafka =
                    new KafkaContainer(
                                    image(KAFKA_IMAGE_PROPERTY, DEFAULT_KAFKA_IMAGE)
                                            .asCompatibleSubstituteFor("apache/kafka"))
                            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                            .withEnv(
                                    "KAFKA_NUM_PARTITIONS",
                                    Integer.toString(EmbeddedKafkaBroker.DEFAULT_PARTITIONS))
                            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                            // Flink's exactly-once Kafka sink uses a one-hour transaction timeout.
                            .withEnv("KAFKA_TRANSACTION_MAX_TIMEOUT_MS", "3600000");
            startTracked(kafka, started);

            PostgreSQLContainer<?> postgres =
                    new PostgreSQLContainer<>(
                                    image(POSTGRES_IMAGE_PROPERTY, DEFAULT_POSTGRES_IMAGE)
                                            .asCompatibleSubstituteFor("postgres"))
                            .withDatabaseName(EmbeddedPostgresServer.DATABASE)
                            .withUsername("postgres")
                            .withPassword(Secrets.secretKey());
            startTracked(postgres, started);

            MinIOContainer minio =
                    new MinIOContainer(
                                    image(MINIO_IMAGE_PROPERTY, DEFAULT_MINIO_IMAGE)
                                            .asCompatibleSubstituteFor("minio/minio"))
                            .withUserName(Secrets.accessKey())
                            .withPassword(Secrets.secretKey());
            startTracked(minio, started);
            createBucket(minio, options.bucket());

            Endpoints endpoints =
                    new Endpoints(
                            kafka.getBootstrapServers(),
                            postgres.getJdbcUrl(),
                            postgres.getUsername(),
                            postgres.getPassword(),
                            minio.getS3URL(),
                            REGION,
                            minio.getUserName(),
                            minio.getPassword(),
                            options.bucket());
            LOG.info("Containers ready: {}", endpoints);
            return new ContainerServices(started, endpoints);
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
    }

    /** Creates topics with replication factor 1, skipping those that exist. */
    public void createTopics(int partitions, String... names) {
        KafkaTopics.create(kafkaBootstrapServers(), partitions, names);
    }

    /** Stops and removes the containers, newest first. */
    @Override
    public synchronized void close() {
        stopAll(started);
    }

    private static DockerImageName image(String property, String defaultImage) {
        return DockerImageName.parse(System.getProperty(property, defaultImage));
    }

    private static void startTracked(
            GenericContainer<?> container, Deque<GenericContainer<?>> started) {
        container.start();
        started.push(container);
    }

    private static void createBucket(MinIOContainer minio, String bucket) {
        try (S3Client s3 =
                S3Client.builder()
                        .endpointOverride(URI.create(minio.getS3URL()))
                        .region(Region.of(REGION))
                        .forcePathStyle(true)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                minio.getUserName(), minio.getPassword())))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            s3.createBucket(request -> request.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // Nothing to do: the bucket is there.
        }
    }

    private static void stopAll(Deque<GenericContainer<?>> started) {
        while (!started.isEmpty()) {
            GenericContainer<?> container = started.pop();
            try {
                container.stop();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop container {}", container.getDockerImageName(), e);
            }
        }
    }
}
