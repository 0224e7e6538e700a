package io.reelflow.operators.webhook;

import io.reelflow.operators.port.Webhook;
import io.reelflow.operators.port.WebhookRefusedException;
import io.reelflow.operators.port.WebhookSender;
import io.reelflow.operators.port.WebhookSenderFactory;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.schemas.text.CleanText;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * POSTs each result that has a callback URL, one attempt per call, on a bounded pool of its own
 * (the sender blocks: DNS, connect, TLS). Flink's retry strategy ({@link WebhookRetryStrategy})
 * calls it again while an outcome says so; the async operator's timeout is the delivery's total
 * time. Every result with a callback URL ends in one outcome, delivered or not; results without one
 * produce nothing. Never fails its future: a delivery never stops the job.
 *
 * <pre>{@code
 * AsyncDataStream.unorderedWaitWithRetry(results, new DeliverWebhookFunction(senders, config),
 *         config.maxTotalTime().toMillis(), TimeUnit.MILLISECONDS, config.capacity(),
 *         config.retryStrategy());
 * }</pre>
 */
public class DeliverWebhookFunction extends RichAsyncFunction<VideoResult, WebhookOutcome> {
    private final WebhookSenderFactory senderFactory;
    private final WebhookConfig config;

    private transient WebhookSender sender;
    private transient ThreadPoolExecutor executor;

    /** Attempts and the last outcome per result in delivery; Flink retries with the same object. */
    private transient Map<VideoResult, WebhookOutcome> inDelivery;

    public DeliverWebhookFunction(WebhookSenderFactory senderFactory, WebhookConfig config) {
        this.senderFactory = senderFactory;
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        inDelivery = Collections.synchronizedMap(new IdentityHashMap<>());
        String name =
                "reelflow-webhook-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        AtomicInteger threadNumber = new AtomicInteger();
        executor =
                new ThreadPoolExecutor(
                        config.threads(),
                        config.threads(),
                        60,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(config.capacity()),
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable, name + "-" + threadNumber.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        sender = senderFactory.create();
    }

    @Override
    public void asyncInvoke(VideoResult result, ResultFuture<WebhookOutcome> resultFuture) {
        if (!WebhookDeliveries.wanted(result)) {
            resultFuture.complete(List.of());
            return;
        }
        inDelivery.putIfAbsent(result, started(result));
        try {
            executor.execute(() -> resultFuture.complete(List.of(attempt(result))));
        } catch (RejectedExecutionException busy) {
            // A full pool is worth another attempt after the backoff, never a job failure.
            resultFuture.complete(
                    List.of(record(result, WebhookOutcome.State.RETRY, -1, "webhook pool full")));
        }
    }

    /** One attempt, on a pool thread: the outcome, final when no attempt is left. */
    WebhookOutcome attempt(VideoResult result) {
        Webhook webhook;
        try {
            webhook = WebhookDeliveries.webhook(result);
        } catch (WebhookRefusedException e) {
            return record(result, WebhookOutcome.State.FAILED, -1, e.getMessage());
        }
        try {
            int status = sender.post(webhook);
            WebhookOutcome.State state = WebhookDeliveries.classify(status);
            return record(
                    result,
                    state,
                    status,
                    state == WebhookOutcome.State.DELIVERED
                            ? null
                            : "answered " + WebhookDeliveries.describe(status));
        } catch (WebhookRefusedException e) {
            return record(result, WebhookOutcome.State.FAILED, -1, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return record(
                    result,
                    WebhookOutcome.State.RETRY,
                    -1,
                    "no answer: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /**
     * The outcome of this attempt, counted; the last allowed attempt turns a {@code RETRY} into a
     * failure, and a final outcome ends the result's entry.
     */
    private WebhookOutcome record(
            VideoResult result, WebhookOutcome.State state, int status, String detail) {
        long now = System.currentTimeMillis();
        WebhookOutcome previous = inDelivery.get(result);
        // No entry: the delivery timed out while this attempt ran, and its outcome is ignored.
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        int lastStatus = status < 0 && previous != null ? previous.status() : status;
        WebhookOutcome outcome =
                new WebhookOutcome(
                        result.getRequestId(),
                        result.getRunId(),
                        WebhookDeliveries.host(result.getCallbackUrl()),
                        state,
                        lastStatus,
                        attempts,
                        detail == null
                                ? null
                                : CleanText.forSink(detail, WebhookDeliveries.MAX_DETAIL_CHARS),
                        now);
        if (state == WebhookOutcome.State.RETRY && attempts >= config.maxAttempts()) {
            outcome = outcome.finalFailure(outcome.detail() + "; no attempts left", now);
        }
        if (outcome.state() != WebhookOutcome.State.RETRY) {
            inDelivery.remove(result);
        } else if (previous != null) {
            inDelivery.put(result, outcome);
        }
        return outcome;
    }

    /** The entry of a result before its first attempt has ended. */
    private static WebhookOutcome started(VideoResult result) {
        return new WebhookOutcome(
                result.getRequestId(),
                result.getRunId(),
                WebhookDeliveries.host(result.getCallbackUrl()),
                WebhookOutcome.State.RETRY,
                -1,
                0,
                null,
                System.currentTimeMillis());
    }

    /**
     * The delivery's total time is over, between attempts or during one: it fails for good with
     * what the last attempt said. (An attempt still running ends within its own timeout; its
     * outcome is then ignored.)
     */
    @Override
    public void timeout(VideoResult result, ResultFuture<WebhookOutcome> resultFuture) {
        WebhookOutcome last = inDelivery.remove(result);
        if (last == null) {
            last = started(result);
        }
        String why = "gave up after " + config.maxTotalTime() + " (max-total-time)";
        resultFuture.complete(
                List.of(
                        last.finalFailure(
                                last.detail() == null ? why : last.detail() + "; " + why,
                                System.currentTimeMillis())));
    }

    @Override
    public void close() {
        try {
            if (sender != null) {
                sender.close();
            }
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
