package io.reelflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.InvalidRecordException;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes request files to the requests topic, keyed by request id, as JSON or Avro. */
public final class PublishCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PublishCommand() {}

    static int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        if (line.arguments().isEmpty()) {
            err.println("publish needs at least one request file");
            return 2;
        }
        List<VideoRequest> requests = new ArrayList<>();
        for (String file : line.arguments()) {
            requests.addAll(readRequests(Path.of(file)));
        }
        publish(
                line.option("bootstrap-servers", "localhost:9092"),
                line.option("topic", "reelflow.requests"),
                requests,
                line.flag("avro"));
        out.printf("published %d requests%n", requests.size());
        return 0;
    }

    /** Reads a JSON object, a JSON array of objects, or JSON lines. */
    public static List<VideoRequest> readRequests(Path file)
            throws IOException, InvalidRecordException {
        List<VideoRequest> requests = new ArrayList<>();
        try (MappingIterator<JsonNode> nodes =
                MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (nodes.hasNext()) {
                JsonNode node = nodes.next();
                if (node.isArray()) {
                    for (JsonNode item : node) {
                        requests.add(VideoRequestCodec.decode(MAPPER.writeValueAsBytes(item)));
                    }
                } else {
                    requests.add(VideoRequestCodec.decode(MAPPER.writeValueAsBytes(node)));
                }
            }
        }
        return requests;
    }

    /** Sends the requests and waits until the broker has them all. */
    public static void publish(
            String bootstrapServers, String topic, List<VideoRequest> requests, boolean avro) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            for (VideoRequest request : requests) {
                byte[] value =
                        avro
                                ? VideoRequestCodec.toSingleObject(request)
                                : RecordJson.toJsonString(request).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, request.getRequestId(), value));
            }
            producer.flush();
        }
    }

    /** A producer that waits for every replica and never writes a record twice. */
    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
