package io.reelflow.operators.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as a client would write one, on the JDK's HTTP server on loopback: it answers
 * each path with the statuses it was given for it in turn, then 200 (a 3xx with a {@code
 * Location}), records every request, and checks each signature itself with {@code javax.crypto}
 * (the receiver's side of the contract, not the job's code).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received: header names lower-case, the body's exact bytes. */
    public record Delivery(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final byte[] secret;
    private final Map<String, Deque<Integer>> statuses = new HashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();

    private WebhookReceiver(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts on 127.0.0.1, answering 200 to everything until told otherwise. */
    public static WebhookReceiver start(String secret) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server, secret);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** Answers the next requests to {@code path} with {@code statuses} in turn, then 200. */
    public synchronized WebhookReceiver answer(String path, Integer... statuses) {
        this.statuses.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) ->
                                headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        int status;
        synchronized (this) {
            deliveries.add(new Delivery(path, headers, body));
            Deque<Integer> next = statuses.get(path);
            status = next == null || next.isEmpty() ? 200 : next.poll();
            notifyAll();
        }
        if (status >= 300 && status < 400) {
            exchange.getResponseHeaders().set("Location", "/moved");
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The requests to {@code path}. */
    public synchronized List<Delivery> deliveries(String path) {
        return deliveries.stream().filter(d -> d.path().equals(path)).toList();
    }

    /**
     * Waits until {@code count} requests to {@code path} arrived or {@code millis} passed; returns
     * them.
     */
    public synchronized List<Delivery> await(String path, int count, long millis)
            throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (deliveries(path).size() < count && System.currentTimeMillis() < end) {
            wait(Math.max(1, end - System.currentTimeMillis()));
        }
        return deliveries(path);
    }

    /**
     * Whether the delivery's {@code X-Reelflow-Signature} is {@code sha256=} and the hex
     * HMAC-SHA256 of {@code "<X-Reelflow-Timestamp>." + body} under the shared secret.
     */
    public boolean signedCorrectly(Delivery delivery) {
        String timestamp = delivery.header("X-Reelflow-Timestamp");
        String signature = delivery.header("X-Reelflow-Signature");
        if (timestamp == null || signature == null) {
            return false;
        }
        return signature.equals("sha256=" + hmacHex(secret, timestamp + ".", delivery.body()));
    }

    /** HMAC-SHA256 of {@code prefix} (UTF-8) and {@code body}, lower-case hex. */
    public static String hmacHex(byte[] key, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
