package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.sidecar.SidecarOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Tests for {@link io.reelflow.job.ReelflowJob}'s metrics as Prometheus sees them, against the
 * Grafana dashboard and the alert rules in {@code k8s-operator/monitoring}: the job runs on a
 * MiniCluster with Flink's Prometheus reporter, takes a few short requests and a malformed one, and
 * its scrape must hold every metric that the dashboard's and the rules' PromQL name, with the
 * counts the run implies.
 */
class MetricsITCase {
    private static final int REQUESTS = 3;
    private static final int PARALLELISM = 2;
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Pattern METRIC_NAME = Pattern.compile("\\bflink_[A-Za-z0-9_:]+");
    private static final String OPERATOR = "flink_taskmanager_job_task_operator_";

    @RegisterExtension
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(SidecarOptions.defaults().withPort(0));

    @TempDir Path workDir;

    @Test
    void shouldServeEveryMetricTheDashboardAndTheAlertRulesQuery() throws Exception {
        Path monitoring = ProjectRoot.find().resolve("k8s-operator/monitoring");
        Set<String> queried =
                new TreeSet<>(dashboardMetrics(monitoring.resolve("grafana-dashboard.json")));
        Set<String> alerted = alertRuleMetrics(monitoring.resolve("prometheus-rules.yaml"));
        assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(10);
        assertThat(alerted).as("metrics the alert rules query").hasSizeGreaterThan(5);

        ReelflowStack stack = SERVERS.stack("it-metrics");
        stack.prepare(workDir);
        List<VideoRequest> requests = ShortRequests.of("it-metrics", 0, REQUESTS);
        ShortRequests.publish(stack, requests);
        // Malformed JSON whose key is a valid id: it gets a REJECTED result and a dead letter.
        stack.kafka.send(
                stack.requestsTopic(),
                "it-metrics-broken",
                "{\"requestId\": \"it-metrics-broken\", \"text\": "
                        .getBytes(StandardCharsets.UTF_8));

        // The job's local cluster takes the reporter from the job's configuration.
        int port = freePort();
        Configuration config = stack.jobConfiguration(SERVERS.sidecar().baseUri().toString());
        config.setString(
                "metrics.reporter.prom.factory.class", PrometheusReporterFactory.class.getName());
        config.setString("metrics.reporter.prom.port", Integer.toString(port));
        URI endpoint = URI.create("http://localhost:" + port + "/metrics");

        AtomicReference<Map<String, List<Sample>>> scraped = new AtomicReference<>();
        ReelflowStack.runJobUntil(
                config,
                PARALLELISM,
                DEADLINE,
                () -> {
                    if (CommittedResults.onTopic(stack).size() < REQUESTS + 1
                            || stack.kafka.readAll(stack.deadLetterTopic()).isEmpty()) {
                        return false;
                    }
                    scraped.set(scrape(endpoint));
                    return true;
                });
        Map<String, List<Sample>> scrape = scraped.get();

        assertThat(scrape.keySet()).as("metrics in the scrape").containsAll(queried);
        assertThat(scrape.keySet()).as("metrics in the scrape").containsAll(alerted);

        assertThat(sum(scrape, OPERATOR + "reelflow_status_results", "status=\"COMPLETED\""))
                .isEqualTo(REQUESTS);
        assertThat(sum(scrape, OPERATOR + "reelflow_status_results", "status=\"REJECTED\""))
                .isEqualTo(1);
        assertThat(sum(scrape, OPERATOR + "reelflow_qualityScore_count", "")).isEqualTo(REQUESTS);
        assertThat(sum(scrape, OPERATOR + "reelflow_deadLetters", "")).isEqualTo(1);
        assertThat(sum(scrape, OPERATOR + "reelflow_stage_deadLetters", "stage=\"parse\""))
                .isEqualTo(1);
        assertThat(sum(scrape, OPERATOR + "reelflow_stage_latencyMillis_count", "stage=\"render\""))
                .isEqualTo(REQUESTS);
        assertThat(
                        sum(
                                scrape,
                                OPERATOR + "reelflow_stage_latencyMillis_count",
                                "stage=\"generate\""))
                .as("one scene per request")
                .isEqualTo(REQUESTS);
        assertThat(sum(scrape, OPERATOR + "reelflow_generation_attempts", ""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sum(scrape, "flink_jobmanager_job_numberOfCompletedCheckpoints", ""))
                .isPositive();
    }

    /** Metric names in the dashboard's queries: panels' {@code expr}, variables' {@code query}. */
    private static Set<String> dashboardMetrics(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        collectQueries(new ObjectMapper().readTree(dashboard.toFile()), names);
        return names;
    }

    private static void collectQueries(JsonNode node, Set<String> names) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            boolean query = field.getKey().equals("expr") || field.getKey().equals("query");
            if (query && field.getValue().isTextual()) {
                names.addAll(metricNames(field.getValue().asText()));
            } else {
                collectQueries(field.getValue(), names);
            }
        }
        if (node.isArray()) {
            node.forEach(child -> collectQueries(child, names));
        }
    }

    /** Metric names in the rules' {@code expr}s (not in their descriptions). */
    @SuppressWarnings("unchecked")
    private static Set<String> alertRuleMetrics(Path rules) throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(rules)) {
            Map<String, Object> resource = new Yaml().load(in);
            Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
            for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    names.addAll(metricNames((String) rule.get("expr")));
                }
            }
        }
        return names;
    }

    private static Set<String> metricNames(String promQl) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(promQl);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** One line of the exposition format: {@code name{labels} value}. */
    private record Sample(String labels, double value) {}

    /** The reporter's samples by metric name (a summary's {@code _count} is a name of its own). */
    private static Map<String, List<Sample>> scrape(URI endpoint) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(endpoint).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, List<Sample>> samples = new java.util.HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            int nameEnd = brace >= 0 && brace < space ? brace : line.indexOf(' ');
            String labels = brace >= 0 && brace < space ? line.substring(brace, space) : "";
            samples.computeIfAbsent(line.substring(0, nameEnd), name -> new ArrayList<>())
                    .add(new Sample(labels, Double.parseDouble(line.substring(space + 1))));
        }
        return samples;
    }

    /** The sum of {@code name}'s samples whose labels contain {@code label} (all for ""). */
    private static double sum(Map<String, List<Sample>> scrape, String name, String label) {
        assertThat(scrape).as("scrape").containsKey(name);
        return scrape.get(name).stream()
                .filter(sample -> sample.labels().contains(label))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
