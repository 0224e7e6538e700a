package io.reelflow.connectors.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A blocking client of {@code POST /v1/chat/completions} as openai-python sends it ({@code
 * src/openai/resources/chat/completions/completions.py}: {@code model}, {@code messages}, {@code
 * temperature}, {@code seed}, {@code max_tokens}, {@code response_format}) and vLLM, llama.cpp
 * server, Ollama and TGI serve it; the answer is {@code choices[0].message.content} ({@code
 * types/chat/chat_completion.py}). Thread-safe; the JDK client pools connections.
 */
public final class ChatCompletionsClient {

    /** Sent with every request, so the same question gets the same answer where servers allow. */
    static final long SEED = 0;

    private final ChatCompletionsConfig config;
    private final URI endpoint;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    public ChatCompletionsClient(ChatCompletionsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        String base = config.baseUri().toString();
        this.endpoint =
                URI.create(
                        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                                + "/v1/chat/completions");
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public ChatCompletionsConfig config() {
        return config;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A deterministic request ({@code temperature} 0, a fixed {@code seed}) with a system and a
     * user message; the caller may add {@code response_format}.
     */
    ObjectNode request(String system, String user) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", config.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.put("temperature", 0);
        body.put("seed", SEED);
        body.put("max_tokens", config.maxTokens());
        return body;
    }

    /** The answer's message content; throws on any HTTP error, timeout or answer without one. */
    String complete(ObjectNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(config.timeout())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + config.apiKey());
        }
        HttpResponse<String> response =
                client.send(
                        request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(
                    "chat completions at " + endpoint + " answered HTTP " + response.statusCode());
        }
        JsonNode content =
                mapper.readTree(response.body())
                        .path("choices")
                        .path(0)
                        .path("message")
                        .path("content");
        if (!content.isTextual()) {
            throw new IOException("the answer has no message content");
        }
        return content.asText();
    }
}
