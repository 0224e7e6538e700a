package io.reelflow.connectors.webhook;

import io.reelflow.connectors.webhook.internal.CheckingDnsResolver;
import io.reelflow.operators.port.Webhook;
import io.reelflow.operators.port.WebhookRefusedException;
import io.reelflow.operators.port.WebhookSender;
import io.reelflow.operators.port.WebhookSenderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs webhooks with Apache HttpClient 5, one attempt per call: signed ({@link WebhookSignature}),
 * to addresses the {@link CallbackAddressPolicy} allows and that its resolver checked (the JDK's
 * {@code java.net.http} cannot be told which address to connect to), over HTTP or HTTPS with the
 * usual certificate and host name checks, with no proxy, redirects, cookies or automatic retries.
 * An attempt is cancelled when it outlives the attempt timeout; the answer's body is not read.
 */
public final class HttpWebhookSender implements WebhookSender {
    private final WebhookSettings settings;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;

    public HttpWebhookSender(WebhookSettings settings) {
        this(settings, Clock.systemUTC());
    }

    HttpWebhookSender(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Timeout timeout = Timeout.of(settings.attemptTimeout());
        this.http =
                HttpClients.custom()
                        .setConnectionManager(
                                PoolingHttpClientConnectionManagerBuilder.create()
                                        .setDnsResolver(new CheckingDnsResolver(settings.policy()))
                                        .setDefaultConnectionConfig(
                                                ConnectionConfig.custom()
                                                        .setConnectTimeout(timeout)
                                                        .setSocketTimeout(timeout)
                                                        .build())
                                        .build())
                        .setDefaultRequestConfig(
                                RequestConfig.custom()
                                        .setConnectionRequestTimeout(timeout)
                                        .setResponseTimeout(timeout)
                                        .setRedirectsEnabled(false)
                                        .build())
                        .disableRedirectHandling()
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .disableContentCompression()
                        .setUserAgent(WebhookSettings.USER_AGENT)
                        .build();
        this.deadlines =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "reelflow-webhook-deadlines");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Creates a sender per task from {@code settings}. */
    public static WebhookSenderFactory factory(WebhookSettings settings) {
        return () -> new HttpWebhookSender(settings);
    }

    @Override
    public int post(Webhook webhook) throws IOException {
        byte[] secret;
        try {
            secret = settings.secret();
        } catch (IOException e) {
            // Configuration, not the receiver: unsigned deliveries are never sent.
            throw new WebhookRefusedException("no webhook secret: " + e.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(webhook.target());
        post.setEntity(new ByteArrayEntity(webhook.body(), ContentType.create("application/json")));
        post.setHeader(HttpHeaders.USER_AGENT, WebhookSettings.USER_AGENT);
        post.setHeader(WebhookSignature.DELIVERY_HEADER, webhook.deliveryId());
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(secret, timestamp, webhook.body()));
        ScheduledFuture<?> deadline =
                deadlines.schedule(
                        post::cancel, settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        // Closing the answer unread drops the connection: a receiver's body cannot hold a thread.
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            return response.getCode();
        } catch (CheckingDnsResolver.Refused refused) {
            throw (WebhookRefusedException) refused.getCause();
        } catch (IOException | UncheckedIOException e) {
            WebhookRefusedException refused = refusal(e);
            if (refused != null) {
                throw refused;
            }
            if (post.isCancelled()) {
                throw new IOException(
                        "no answer within " + settings.attemptTimeout() + " (attempt-timeout)", e);
            }
            throw e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
        } finally {
            deadline.cancel(false);
        }
    }

    /** The refusal somewhere in {@code failure}'s causes, if the client wrapped it. */
    private static WebhookRefusedException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebhookRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            // Closing idle connections; nothing to keep.
        }
    }
}
