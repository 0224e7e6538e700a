package io.reelflow.benchmarks.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs against a Flink cluster's REST API, answers as JSON. */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(URI base) {
        this.base = base;
    }

    /** The answer to {@code GET path}; fails on any status but 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "GET "
                            + path
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    /**
     * The vertex's metrics whose names end with one of {@code suffixes}, by name, e.g. {@code
     * 0.Generate_clips.generation.endpoint.sidecar-0.queued}.
     */
    public java.util.Map<String, Long> vertexMetrics(
            String jobId, String vertexId, String... suffixes)
            throws IOException, InterruptedException {
        String path = "/jobs/" + jobId + "/vertices/" + vertexId + "/metrics";
        java.util.List<String> names = new java.util.ArrayList<>();
        for (JsonNode metric : get(path)) {
            String name = metric.path("id").asText();
            for (String suffix : suffixes) {
                if (name.endsWith(suffix)) {
                    names.add(name);
                }
            }
        }
        java.util.Map<String, Long> values = new java.util.TreeMap<>();
        if (names.isEmpty()) {
            return values;
        }
        String query =
                java.net.URLEncoder.encode(
                        String.join(",", names), java.nio.charset.StandardCharsets.UTF_8);
        for (JsonNode metric : get(path + "?get=" + query)) {
            values.put(metric.path("id").asText(), Math.round(metric.path("value").asDouble()));
        }
        return values;
    }

    /**
     * Makes the next metric answers current: the REST metric store answers what it fetched last and
     * only then fetches anew in the background (at most every {@code
     * metrics.fetcher.update-interval}), so a read after a quiet spell would be stale.
     */
    public void refreshMetrics(String jobId, String vertexId, java.time.Duration fetchInterval)
            throws IOException, InterruptedException {
        vertexMetricSum(jobId, vertexId, "numRecordsIn");
        Thread.sleep(fetchInterval.multipliedBy(3).toMillis());
    }

    /** The sum over the vertex's subtasks of a task metric such as {@code numRecordsIn}. */
    public long vertexMetricSum(String jobId, String vertexId, String metric)
            throws IOException, InterruptedException {
        JsonNode answer =
                get(
                        "/jobs/"
                                + jobId
                                + "/vertices/"
                                + vertexId
                                + "/subtasks/metrics?get="
                                + metric
                                + "&agg=sum");
        for (JsonNode entry : answer) {
            if (metric.equals(entry.path("id").asText())) {
                return Math.round(entry.path("sum").asDouble());
            }
        }
        return -1;
    }
}
