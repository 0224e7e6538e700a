package io.reelflow.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.WebhookSenderFactory;
import io.reelflow.operators.testing.WebhookReceiver;
import io.reelflow.operators.webhook.WebhookConfig;
import io.reelflow.operators.webhook.WebhookDeliveries;
import io.reelflow.operators.webhook.WebhookStage;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.schemas.codec.RecordJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link WebhookStage} with the real sender on a Flink MiniCluster: Flink's retry
 * strategy drives the attempts against a real HTTP server, the receiver checks every signature, and
 * what is not delivered becomes a dead letter.
 */
class WebhookStageITCase {
    private static final String SECRET = "whsec-stage-test";
    private static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static VideoResult result(String requestId, String callbackUrl) {
        return VideoResult.newBuilder()
                .setRequestId(requestId)
                .setRunId("live")
                .setStatus(ResultStatus.COMPLETED)
                .setVideoUri("s3://reelflow/videos/live/" + requestId + ".mp4")
                .setCompletedAt(AT)
                .setCallbackUrl(callbackUrl)
                .build();
    }

    @Test
    @Timeout(120)
    void shouldRetryUntilAcceptedAndDeadLetterWhatCannotBeDelivered() throws Exception {
        AvroClassTrust.install();
        try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
            receiver.answer("/flaky", 503, 503).answer("/gone", 410);
            List<VideoResult> results =
                    List.of(
                            result("req-flaky", receiver.uri("/flaky").toString()),
                            result("req-gone", receiver.uri("/gone").toString()),
                            result("req-metadata", "http://169.254.169.254/latest/meta-data/"),
                            result("req-none", null));
            WebhookSenderFactory senders =
                    HttpWebhookSender.factory(
                            WebhookSettings.withSecret(
                                    SECRET,
                                    new CallbackAddressPolicy(List.of("127.0.0.1"), false),
                                    Duration.ofSeconds(5)));
            WebhookConfig config =
                    new WebhookConfig(
                            5,
                            Duration.ofMillis(100),
                            Duration.ofMillis(400),
                            Duration.ofSeconds(60),
                            2,
                            10);

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            DataStream<DeadLetter> undelivered =
                    WebhookStage.deliver(resultsThenIdle(env, results), senders, config);

            List<DeadLetter> letters = new ArrayList<>();
            try (CloseableIterator<DeadLetter> iterator = undelivered.executeAndCollect()) {
                letters.add(iterator.next());
                letters.add(iterator.next());
                // The flaky receiver's third attempt is answered 200: no dead letter for it.
                assertThat(receiver.await("/flaky", 3, 30_000)).hasSize(3);
            }

            List<WebhookReceiver.Delivery> flaky = receiver.deliveries("/flaky");
            assertThat(flaky).hasSize(3).allMatch(receiver::signedCorrectly);
            assertThat(flaky)
                    .extracting(WebhookReceiver.Delivery::bodyText)
                    .containsOnly(RecordJson.toJsonString(results.get(0)));
            assertThat(flaky)
                    .extracting(d -> d.header("X-Reelflow-Delivery"))
                    .containsOnly(WebhookDeliveries.deliveryId("req-flaky", "live"));
            assertThat(receiver.deliveries("/gone")).hasSize(1);
            assertThat(receiver.deliveries())
                    .extracting(WebhookReceiver.Delivery::path)
                    .containsOnly("/flaky", "/gone");

            assertThat(letters)
                    .extracting(DeadLetter::getRequestId)
                    .containsExactlyInAnyOrder("req-gone", "req-metadata");
            assertThat(letters).extracting(DeadLetter::getStage).containsOnly("webhook");
            DeadLetter gone =
                    letters.stream()
                            .filter(l -> l.getRequestId().equals("req-gone"))
                            .findFirst()
                            .orElseThrow();
            assertThat(gone.getReason())
                    .startsWith(
                            "webhook to host '127.0.0.1' not delivered after 1 attempt (last status 410)");
            DeadLetter metadata =
                    letters.stream()
                            .filter(l -> l.getRequestId().equals("req-metadata"))
                            .findFirst()
                            .orElseThrow();
            assertThat(metadata.getReason())
                    .contains(
                            "host '169.254.169.254' not delivered after 1 attempt (last status none)")
                    .contains("the cloud metadata service")
                    .contains("refused before connecting");
        }
    }

    /**
     * The results, then nothing, without ending: at the end of its input Flink's async operator
     * fires every waiting retry at once and stops retrying, which a bounded source would trigger.
     */
    private static DataStream<VideoResult> resultsThenIdle(
            StreamExecutionEnvironment env, List<VideoResult> results) {
        List<String> json = results.stream().map(RecordJson::toJsonString).toList();
        GeneratorFunction<Long, VideoResult> nth =
                index ->
                        RecordJson.fromJson(
                                json.get((int) (index % json.size())).getBytes(),
                                VideoResult.class);
        return env.fromSource(
                        new DataGeneratorSource<>(
                                nth,
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perCheckpoint(results.size()),
                                TypeInformation.of(VideoResult.class)),
                        WatermarkStrategy.noWatermarks(),
                        "results")
                .setParallelism(1);
    }
}
