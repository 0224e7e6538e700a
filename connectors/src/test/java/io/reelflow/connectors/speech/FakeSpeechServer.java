package io.reelflow.connectors.speech;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A speech server on a local port that records every request and answers each path as told: the
 * model server the speech clients' tests talk to over real HTTP.
 */
final class FakeSpeechServer implements AutoCloseable {

    record Recorded(String method, String path, Map<String, String> headers, byte[] body) {}

    record Answer(int status, String type, byte[] body, Map<String, String> headers) {}

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile Answer otherwise;

    FakeSpeechServer(Answer otherwise) throws IOException {
        this.otherwise = otherwise;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every path without an answer of its own. */
    void answer(Answer answer) {
        otherwise = answer;
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    List<Recorded> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String path = exchange.getRequestURI().getPath();
        requests.add(
                new Recorded(
                        exchange.getRequestMethod(),
                        path,
                        headers,
                        exchange.getRequestBody().readAllBytes()));
        Answer now = answers.getOrDefault(path, otherwise);
        exchange.getResponseHeaders().set("Content-Type", now.type());
        now.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(now.status(), now.body().length);
        exchange.getResponseBody().write(now.body());
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
