package io.reelflow.connectors.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server speaking the reference sidecar protocol ({@code POST /v1/generate}), with
 * an injectable answer: a clip, an error status with a JSON body, or a delay before answering.
 */
final class FakeSidecarServer implements AutoCloseable {
    static final List<String> REQUIRED_FIELDS =
            List.of("model", "prompt", "seed", "width", "height", "fps", "durationSeconds");

    /** What the server answers to the next generate calls. */
    record Answer(
            int status,
            String contentType,
            byte[] body,
            String generator,
            String duration,
            Duration delay) {
        static Answer clip(byte[] mp4, String generator, String duration) {
            return new Answer(200, "video/mp4", mp4, generator, duration, Duration.ZERO);
        }

        static Answer error(int status, String message) {
            String json = "{\"error\":\"" + message + "\"}";
            return new Answer(
                    status,
                    "application/json",
                    json.getBytes(StandardCharsets.UTF_8),
                    null,
                    null,
                    Duration.ZERO);
        }

        Answer after(Duration delay) {
            return new Answer(status, contentType, body, generator, duration, delay);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newCachedThreadPool(
                    runnable -> {
                        Thread thread = new Thread(runnable, "fake-sidecar");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    FakeSidecarServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/generate", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Answer next) {
        answer.set(next);
    }

    /** The JSON bodies of the generate requests received so far. */
    List<JsonNode> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, Answer.error(405, "use POST"));
                return;
            }
            JsonNode request;
            try {
                request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                send(exchange, Answer.error(400, "body is not JSON"));
                return;
            }
            requests.add(request);
            for (String field : REQUIRED_FIELDS) {
                if (!request.hasNonNull(field)) {
                    send(exchange, Answer.error(400, "missing field " + field));
                    return;
                }
            }
            Answer next = answer.get();
            try {
                Thread.sleep(next.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(exchange, next);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (answer.generator() != null) {
            exchange.getResponseHeaders()
                    .set(ReferenceSidecarClient.GENERATOR_HEADER, answer.generator());
        }
        if (answer.duration() != null) {
            exchange.getResponseHeaders()
                    .set(ReferenceSidecarClient.DURATION_HEADER, answer.duration());
        }
        exchange.sendResponseHeaders(
                answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
