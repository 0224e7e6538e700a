package io.reelflow.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.Webhook;
import io.reelflow.operators.port.WebhookRefusedException;
import io.reelflow.operators.testing.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link HttpWebhookSender}, against a real HTTP server on loopback. */
class HttpWebhookSenderTest {
    private static final String SECRET = "whsec-test-0123456789";
    private static final Clock CLOCK =
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final byte[] BODY =
            "{\"requestId\":\"req-42\",\"status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = WebhookReceiver.start(SECRET);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static WebhookSettings loopbackAllowed(Duration attemptTimeout) {
        return WebhookSettings.withSecret(
                SECRET, new CallbackAddressPolicy(List.of("127.0.0.1"), false), attemptTimeout);
    }

    private static Webhook webhook(URI target) {
        return new Webhook(target, "8f7a7a1c-3c55-3e0e-9d41-6c0e7c1e3b2a", BODY);
    }

    @Test
    void shouldPostTheBodySignedWithTheContractsHeaders() throws Exception {
        try (HttpWebhookSender sender =
                new HttpWebhookSender(loopbackAllowed(Duration.ofSeconds(5)), CLOCK)) {
            assertThat(sender.post(webhook(receiver.uri("/hooks/reelflow?t=1")))).isEqualTo(200);
        }

        WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
        assertThat(delivery.path()).isEqualTo("/hooks/reelflow");
        assertThat(delivery.body()).isEqualTo(BODY);
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        assertThat(delivery.header("User-Agent")).isEqualTo("Reelflow-Webhooks/1");
        assertThat(delivery.header("X-Reelflow-Delivery"))
                .isEqualTo("8f7a7a1c-3c55-3e0e-9d41-6c0e7c1e3b2a");
        assertThat(delivery.header("X-Reelflow-Timestamp")).isEqualTo("1700000000");
        assertThat(receiver.signedCorrectly(delivery)).isTrue();
        assertThat(delivery.header("X-Reelflow-Signature"))
                .isEqualTo(
                        "sha256="
                                + WebhookReceiver.hmacHex(
                                        SECRET.getBytes(StandardCharsets.UTF_8),
                                        "1700000000.",
                                        BODY));
    }

    @Test
    void shouldAnswerAnyStatusAndNeverFollowARedirect() throws Exception {
        receiver.answer("/hook", 307).answer("/gone", 410).answer("/busy", 503);

        try (HttpWebhookSender sender =
                new HttpWebhookSender(loopbackAllowed(Duration.ofSeconds(5)), CLOCK)) {
            assertThat(sender.post(webhook(receiver.uri("/hook")))).isEqualTo(307);
            assertThat(sender.post(webhook(receiver.uri("/gone")))).isEqualTo(410);
            assertThat(sender.post(webhook(receiver.uri("/busy")))).isEqualTo(503);
        }

        assertThat(receiver.deliveries())
                .extracting(WebhookReceiver.Delivery::path)
                .containsExactly("/hook", "/gone", "/busy");
    }

    @Test
    void shouldRefuseLoopbackBeforeConnectingUnlessListed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                HttpWebhookSender sender =
                        new HttpWebhookSender(
                                WebhookSettings.withSecret(
                                        SECRET,
                                        CallbackAddressPolicy.publicOnly(),
                                        Duration.ofSeconds(5)),
                                CLOCK)) {
            int port = listener.getLocalPort();
            for (String host : List.of("127.0.0.1", "localhost")) {
                assertThatThrownBy(
                                () ->
                                        sender.post(
                                                webhook(
                                                        URI.create(
                                                                "http://" + host + ":" + port
                                                                        + "/hook"))))
                        .isInstanceOf(WebhookRefusedException.class)
                        .hasMessageContaining("callback host '" + host + "'")
                        .hasMessageContaining("a loopback address: refused before connecting");
            }

            // A connection attempt would wait in the listener's backlog.
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void shouldGiveUpAnAttemptThatGetsNoAnswerWithinItsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                HttpWebhookSender sender =
                        new HttpWebhookSender(loopbackAllowed(Duration.ofMillis(300)), CLOCK)) {
            Thread acceptor =
                    new Thread(
                            () -> {
                                try (Socket connection = silent.accept()) {
                                    Thread.sleep(10_000);
                                } catch (IOException | InterruptedException e) {
                                    // The test is over.
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();

            assertThatThrownBy(
                            () ->
                                    sender.post(
                                            webhook(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + silent.getLocalPort()
                                                                    + "/hook"))))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(WebhookRefusedException.class);
            acceptor.interrupt();
        }
    }

    @Test
    void shouldNotSendUnsignedWhenTheSecretIsMissing() {
        WebhookSettings settings =
                WebhookSettings.withSecretFrom(
                        "REELFLOW_TEST_WEBHOOK_SECRET_THAT_IS_NOT_SET",
                        null,
                        new CallbackAddressPolicy(List.of("127.0.0.1"), false),
                        Duration.ofSeconds(5));

        try (HttpWebhookSender sender = new HttpWebhookSender(settings, CLOCK)) {
            assertThatThrownBy(() -> sender.post(webhook(receiver.uri("/hook"))))
                    .isInstanceOf(WebhookRefusedException.class)
                    .hasMessageContaining("no webhook secret")
                    .hasMessageContaining("REELFLOW_TEST_WEBHOOK_SECRET_THAT_IS_NOT_SET");
        }
        assertThat(receiver.deliveries()).isEmpty();
        assertThat(settings.toString()).doesNotContain(SECRET);
        assertThat(loopbackAllowed(Duration.ofSeconds(1)).toString()).doesNotContain(SECRET);
    }
}
