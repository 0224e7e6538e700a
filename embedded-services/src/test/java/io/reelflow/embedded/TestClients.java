package io.reelflow.embedded;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Clients and thread checks shared by the tests of the embedded services. */
final class TestClients {

    private TestClients() {}

    /** A path-style S3 client for the endpoint and keys the services report. */
    static S3Client s3(ServiceEndpoints endpoints) {
        return s3(endpoints.s3Endpoint(), endpoints.s3AccessKey(), endpoints.s3SecretKey());
    }

    static S3Client s3(String endpoint, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static Properties producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    static Properties transactionalProducer(String bootstrapServers, String transactionalId) {
        Properties props = producer(bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    static Properties consumer(String bootstrapServers, String groupId, String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    /** Ids of the live non-daemon threads: the ones that keep a JVM from exiting. */
    static Set<Long> nonDaemonThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }

    /**
     * Names of non-daemon threads that were not in {@code before}, after giving stopping threads up
     * to ten seconds to end.
     */
    static Set<String> nonDaemonThreadsLeftSince(Set<Long> before) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Set<String> left = new HashSet<>();
        while (System.nanoTime() < deadline) {
            left = newNonDaemonThreads(before);
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return left;
    }

    private static Set<String> newNonDaemonThreads(Set<Long> before) {
        return Thread.getAllStackTraces().entrySet().stream()
                .map(Map.Entry::getKey)
                .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t.getId()))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
