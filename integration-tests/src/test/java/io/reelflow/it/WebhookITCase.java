package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.WebhookOptions;
import io.reelflow.operators.testing.WebhookReceiver;
import io.reelflow.operators.webhook.WebhookDeliveries;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.sidecar.SidecarOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link ReelflowJob}'s webhooks on the embedded stack: a request whose callback is a
 * local receiver gets exactly its stored result, signed (after one 503); a request whose callback
 * is the cloud metadata address gets a dead letter, and the job keeps running.
 */
class WebhookITCase {
    private static final String SECRET = "whsec-it-5f1d2c";
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @RegisterExtension
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(SidecarOptions.defaults().withPort(0).withSlots(2));

    @TempDir Path workDir;

    @Test
    void shouldPostEachStoredResultSignedAndDeadLetterACallbackToTheMetadataAddress()
            throws Exception {
        ReelflowStack stack = SERVERS.stack("it-webhooks");
        stack.prepare(workDir);
        try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
            receiver.answer("/hooks/reelflow", 503);
            List<VideoRequest> requests = ShortRequests.of("it-webhooks", 0, 2);
            VideoRequest hooked = requests.get(0);
            VideoRequest metadata = requests.get(1);
            hooked.setCallbackUrl(receiver.uri("/hooks/reelflow?token=abc").toString());
            metadata.setCallbackUrl("http://169.254.169.254/latest/meta-data/iam/");
            ShortRequests.publish(stack, requests);

            Configuration config = stack.jobConfiguration(SERVERS.sidecar().baseUri().toString());
            config.set(WebhookOptions.SECRET, SECRET);
            config.set(WebhookOptions.ALLOWED_HOSTS, List.of("127.0.0.1"));
            config.set(WebhookOptions.INITIAL_BACKOFF, Duration.ofMillis(200));
            ReelflowStack.runJobUntil(
                    config,
                    2,
                    DEADLINE,
                    () ->
                            CommittedResults.arrived(stack, 2)
                                    && receiver.deliveries("/hooks/reelflow").size() >= 2
                                    && !webhookDeadLetters(stack).isEmpty());

            VideoResult stored =
                    CommittedResults.onTopic(stack).stream()
                            .filter(r -> r.getRequestId().equals(hooked.getRequestId()))
                            .findFirst()
                            .orElseThrow();
            assertThat(stored.getStatus()).isEqualTo(ResultStatus.COMPLETED);
            List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
            assertThat(deliveries)
                    .as("a 503, then the delivery")
                    .hasSize(2)
                    .allSatisfy(
                            delivery -> {
                                assertThat(receiver.signedCorrectly(delivery)).isTrue();
                                assertThat(RecordJson.fromJson(delivery.body(), VideoResult.class))
                                        .isEqualTo(stored);
                                assertThat(delivery.header("X-Reelflow-Delivery"))
                                        .isEqualTo(
                                                WebhookDeliveries.deliveryId(
                                                        hooked.getRequestId(), stack.name));
                            });

            assertThat(webhookDeadLetters(stack))
                    .singleElement()
                    .satisfies(
                            letter -> {
                                assertThat(letter.getRequestId())
                                        .isEqualTo(metadata.getRequestId());
                                assertThat(letter.getReason())
                                        .contains(
                                                "host '169.254.169.254' not delivered after 1"
                                                        + " attempt (last status none)")
                                        .contains("the cloud metadata service")
                                        .contains("refused before connecting");
                            });
            // Its result is stored all the same.
            assertThat(CommittedResults.rows(stack))
                    .containsEntry(metadata.getRequestId(), "COMPLETED");
        }
    }

    private static List<DeadLetter> webhookDeadLetters(ReelflowStack stack) throws Exception {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : stack.kafka.readAll(stack.deadLetterTopic())) {
            DeadLetter letter = RecordJson.fromJson(record.value(), DeadLetter.class);
            if (WebhookDeliveries.STAGE.equals(letter.getStage())) {
                letters.add(letter);
            }
        }
        return letters;
    }
}
