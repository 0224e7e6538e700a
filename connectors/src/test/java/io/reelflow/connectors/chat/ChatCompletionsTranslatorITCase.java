package io.reelflow.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reelflow.operators.scene.Glossary;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.Scene;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link ChatCompletionsTranslator}. */
class ChatCompletionsTranslatorITCase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GERMAN = "Ein Fischer zieht im Morgengrauen seine Netze an Land.";
    private static final String ENGLISH = "A fisherman hauls his nets ashore at dawn.";

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String content = ENGLISH;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(MAPPER.readTree(exchange.getRequestBody()));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        // the shape of openai-python's types/chat/chat_completion.py
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "m");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        byte[] bytes =
                (status == 200 ? body.toString() : "{\"error\":{\"message\":\"overloaded\"}}")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ChatCompletionsConfig config() {
        return ChatCompletionsConfig.of(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                        "qwen2.5-7b-instruct")
                .withTimeout(Duration.ofSeconds(5))
                .withMaxTokens(512)
                .withApiKey("secret-token");
    }

    @Test
    void shouldSendExactlyTheChatCompletionRequestOfOpenAiPython() throws Exception {
        String english = new ChatCompletionsTranslator(config()).toEnglish(GERMAN, "de");

        assertThat(english).isEqualTo(ENGLISH);
        assertThat(requests).hasSize(1);
        ObjectNode expected = MAPPER.createObjectNode();
        expected.put("model", "qwen2.5-7b-instruct");
        expected.putArray("messages")
                .add(
                        MAPPER.createObjectNode()
                                .put("role", "system")
                                .put("content", ChatCompletionsTranslator.SYSTEM_PROMPT))
                .add(
                        MAPPER.createObjectNode()
                                .put("role", "user")
                                .put("content", "Language: de\nText: " + GERMAN));
        expected.put("temperature", 0);
        expected.put("seed", 0);
        expected.put("max_tokens", 512);
        assertThat(requests.get(0)).isEqualTo(expected);
        assertThat(authorizations).containsExactly("Bearer secret-token");
    }

    @Test
    void shouldFailOnAnHttpErrorOrAnEmptyAnswer() {
        ChatCompletionsTranslator translator = new ChatCompletionsTranslator(config());

        status = 503;
        assertThatThrownBy(() -> translator.toEnglish(GERMAN, "de"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 503");
        status = 200;
        content = "   ";
        assertThatThrownBy(() -> translator.toEnglish(GERMAN, "de")).hasMessageContaining("empty");
    }

    @Test
    void shouldWriteThePromptFromTheTranslationAndAskOnlyOncePerScene() {
        Scene scene =
                new SceneAnalyzer(SceneAnalyzerConfig.defaults()).analyze(GERMAN, "de", 4).get(0);
        PromptWriter writer =
                new PromptWriter(
                        Glossary.standard(),
                        PromptLimit.CLIP,
                        ChatCompletions.translator(config()).create(),
                        16);

        PromptWriter.Written first = writer.write(scene, "de", "watercolour");
        PromptWriter.Written again = writer.write(scene, "de", "watercolour");

        assertThat(first.warning()).isNull();
        assertThat(first.prompt())
                .startsWith("A medium shot of a fisherman hauling a net")
                .endsWith(", in the style of watercolour.");
        assertThat(again).isEqualTo(first);
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldFallBackToTheGlossaryWithAWarningWhenTheEndpointFails() {
        status = 500;
        Scene scene =
                new SceneAnalyzer(SceneAnalyzerConfig.defaults()).analyze(GERMAN, "de", 4).get(0);
        PromptWriter writer =
                new PromptWriter(
                        Glossary.standard(),
                        PromptLimit.CLIP,
                        ChatCompletions.translator(config()).create(),
                        16);
        List<String> warnings = new ArrayList<>();

        Scene written = writer.rewrite(scene, "de", null, warnings);

        assertThat(written.getPrompt()).contains("fisherman").doesNotContain("Fischer");
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("qwen2.5-7b-instruct")
                .contains("glossary");
    }
}
