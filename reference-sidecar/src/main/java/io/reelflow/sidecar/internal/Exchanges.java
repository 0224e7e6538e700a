package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests and writing answers on the JDK's HTTP server, in the servers' error shapes. */
public final class Exchanges {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Enough for a ComfyUI workflow or a multipart form with a reference image. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private Exchanges() {}

    /**
     * @throws BodyTooLargeException when the body exceeds {@link #MAX_BODY_BYTES}
     */
    public static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException(
                        "request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    /** The request's media type, lower case, without parameters; empty when absent. */
    public static String mediaType(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The query parameters, decoded; the first value of each wins. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        sendBytes(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    public static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** 200 with no body, as aiohttp's bare {@code web.Response()} answers. */
    public static void sendEmpty(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, -1);
        exchange.getResponseBody().close();
    }

    /** The file as FastAPI's and aiohttp's {@code FileResponse} send it. */
    public static void sendFile(HttpExchange exchange, String contentType, Path file)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders()
                .set("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    /**
     * The error envelope of vLLM's and OpenAI's servers: {@code {"error": {"message", "type",
     * "param", "code"}}}.
     */
    public static void sendOpenAiError(HttpExchange exchange, int status, String message)
            throws IOException {
        sendOpenAiError(exchange, status, message, null);
    }

    /** The OpenAI error envelope naming the request field at fault ({@code param}). */
    public static void sendOpenAiError(
            HttpExchange exchange, int status, String message, String param) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", reasonPhrase(status));
        error.put("param", param);
        error.put("code", status);
        sendJson(exchange, status, Map.of("error", error));
    }

    /** FastAPI's default error body, as SGLang answers: {@code {"detail": "..."}}. */
    public static void sendDetail(HttpExchange exchange, int status, String message)
            throws IOException {
        sendJson(exchange, status, Map.of("detail", message));
    }

    public static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendDetail(exchange, 405, "Method Not Allowed");
    }

    public static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    /** The request body exceeds {@link #MAX_BODY_BYTES}. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }
}
