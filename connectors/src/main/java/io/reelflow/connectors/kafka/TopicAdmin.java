package io.reelflow.connectors.kafka;

import io.reelflow.connectors.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the job's topics when they are missing, for {@code local} mode and tests; production
 * topics are provisioned with the cluster. Existing topics are left as they are.
 */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicAdmin() {}

    /**
     * Creates each topic of {@code topicPartitions} (name to partition count) that does not exist
     * yet, with the broker's default replication factor. Safe to call again.
     *
     * @return the names of the topics this call created
     */
    public static Set<String> ensureTopics(
            String bootstrapServers, Map<String, Integer> topicPartitions) {
        Checks.requireText(bootstrapServers, "bootstrapServers");
        topicPartitions.forEach(
                (topic, partitions) -> {
                    Checks.requireText(topic, "topic name");
                    Checks.requirePositive(partitions, "partitions of topic " + topic);
                });
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing =
                    admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            topicPartitions.forEach(
                    (topic, partitions) -> {
                        if (!existing.contains(topic)) {
                            missing.add(
                                    new NewTopic(topic, Optional.of(partitions), Optional.empty()));
                        }
                    });
            Set<String> created = new TreeSet<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    // Someone else created it between our listing and our request: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "Could not create topic " + entry.getKey() + ": " + e.getCause(),
                                e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.info("Created Kafka topics {}", created);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not list Kafka topics at " + bootstrapServers + ": " + e, e);
        }
    }
}
