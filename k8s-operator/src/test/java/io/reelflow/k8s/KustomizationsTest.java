package io.reelflow.k8s;

import static io.reelflow.k8s.RenderedDeployment.JOB_MANAGER;
import static io.reelflow.k8s.RenderedDeployment.TASK_MANAGER;
import static io.reelflow.k8s.RenderedDeployment.envFromSecrets;
import static io.reelflow.k8s.RenderedDeployment.envNames;
import static io.reelflow.k8s.RenderedDeployment.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.job.PipelineBuilder;
import io.reelflow.job.ReelflowJob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraphHasherV2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for the manifests under {@code k8s-operator}: the base, every overlay and the monitoring
 * kustomization render with {@code kubectl kustomize}, and each rendered FlinkDeployment is one the
 * operator (1.13) keeps whole and runs as intended.
 */
class KustomizationsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = MODULE.getParent();

    /** The operator's and its autoscaler's current keys (see the file's header). */
    private static final String OPERATOR_KEYS = "operator-option-keys-1.13.0.txt";

    /** Set on clusters by the operator from the spec, not by flinkConfiguration. */
    private static final Set<String> FROM_THE_SPEC =
            Set.of(
                    "taskmanager.memory.process.size",
                    "jobmanager.memory.process.size",
                    "rest.port");

    private static final Map<String, List<JsonNode>> RENDERED = new LinkedHashMap<>();
    private static final List<RenderedDeployment> DEPLOYMENTS = new ArrayList<>();
    private static RenderedDeployment base;

    @BeforeAll
    static void render() throws Exception {
        if (Kustomize.skipped()) {
            return;
        }
        // Fails with the reason when kubectl is missing but required.
        Kustomize.assumeKubectl();
        List<String> dirs = new ArrayList<>(List.of("base", "monitoring"));
        try (Stream<Path> overlays = Files.list(MODULE.resolve("overlays"))) {
            overlays.filter(Files::isDirectory)
                    .map(dir -> "overlays/" + dir.getFileName())
                    .sorted()
                    .forEach(dirs::add);
        }
        for (String dir : dirs) {
            List<JsonNode> documents = Kustomize.render(MODULE.resolve(dir));
            RENDERED.put(dir, documents);
            for (JsonNode document : documents) {
                if ("FlinkDeployment".equals(document.path("kind").asText())) {
                    DEPLOYMENTS.add(new RenderedDeployment(dir, document));
                }
            }
        }
        base = DEPLOYMENTS.stream().filter(d -> d.source().equals("base")).findFirst().get();
    }

    @BeforeEach
    void needsKubectl() {
        Kustomize.assumeKubectl();
    }

    @Test
    void shouldRenderOneFlinkDeploymentPerKustomizationButMonitoring() {
        assertThat(DEPLOYMENTS)
                .extracting(RenderedDeployment::source)
                .containsExactly(
                        RENDERED.keySet().stream()
                                .filter(dir -> !dir.equals("monitoring"))
                                .toArray(String[]::new));
        assertThat(DEPLOYMENTS).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldHaveNoFieldTheOperatorsCrdWouldPrune() {
        CrdSchema schema = CrdSchema.flinkDeployment();
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            assertThat(schema.violations(deployment.resource()))
                    .as("%s against the operator's CRD", deployment.source())
                    .isEmpty();
        }
    }

    @Test
    void shouldUseOnlyCurrentFlinkAndOperatorOptionNames() throws IOException {
        FlinkOptionNames names = FlinkOptionNames.scan();
        Set<String> operatorKeys = operatorKeys();
        assertThat(operatorKeys).contains("job.autoscaler.enabled");
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            for (Map.Entry<String, JsonNode> entry : deployment.flinkConfiguration().entrySet()) {
                String key = entry.getKey();
                String where = deployment.source() + ": " + key;
                // The operator's CRD keeps any value; Flink reads strings, so say them as such.
                assertThat(entry.getValue().isTextual()).as(where + " is a string").isTrue();
                if (key.startsWith("job.autoscaler.") || key.startsWith("kubernetes.operator.")) {
                    assertThat(operatorKeys).as(where + " is a current operator key").contains(key);
                } else if (!key.startsWith("metrics.reporter.")) {
                    assertThat(names.replacementOf(key)).as(where + " is an old name").isEmpty();
                    assertThat(names.isCurrent(key)).as(where + " is a Flink option").isTrue();
                }
            }
        }
        for (String key : flinkConf().keySet()) {
            assertThat(names.replacementOf(key)).as("flink-conf: " + key).isEmpty();
            assertThat(names.isCurrent(key) || key.startsWith("metrics.reporter."))
                    .as("flink-conf: " + key)
                    .isTrue();
        }
    }

    @Test
    void shouldCarryEverySettingOfFlinkConf() {
        Map<String, String> flinkConf = flinkConf();
        assertThat(flinkConf).containsKeys("execution.checkpointing.dir", "restart-strategy.type");
        flinkConf.forEach(
                (key, value) -> {
                    if (!FROM_THE_SPEC.contains(key)) {
                        assertThat(base.config(key)).as("base: " + key).isEqualTo(value);
                    }
                });
        assertThat(memory(base.spec().path("taskManager").path("resource").path("memory")))
                .isEqualTo(MemorySize.parse(flinkConf.get("taskmanager.memory.process.size")));
        assertThat(memory(base.spec().path("jobManager").path("resource").path("memory")))
                .isEqualTo(MemorySize.parse(flinkConf.get("jobmanager.memory.process.size")));
    }

    @Test
    void shouldCarryTheConsoleLogConfiguration() throws IOException {
        String shipped =
                Files.readString(
                        REPOSITORY.resolve("flink-conf/log4j-console.properties"),
                        StandardCharsets.UTF_8);
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            assertThat(
                            deployment
                                    .spec()
                                    .path("logConfiguration")
                                    .path("log4j-console.properties")
                                    .asText())
                    .as(deployment.source())
                    .isEqualToIgnoringNewLines(shipped);
        }
    }

    @Test
    void shouldRecoverWithKubernetesHighAvailabilityAndSavepointUpgrades() {
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            assertThat(deployment.config("high-availability.type")).isEqualTo("kubernetes");
            assertThat(deployment.config("high-availability.storageDir")).startsWith("s3://");
            assertThat(deployment.spec().path("job").path("upgradeMode").asText())
                    .isEqualTo("savepoint");
            assertThat(deployment.config("execution.checkpointing.savepoint-dir"))
                    .startsWith("s3://");
            assertThat(deployment.config("kubernetes.operator.pod-template.merge-arrays-by-name"))
                    .as("the pods below are merged by name")
                    .isEqualTo("true");
        }
    }

    @Test
    void shouldGiveJobAndTaskManagersTheCredentialsFromSecrets() {
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            for (String role : List.of(JOB_MANAGER, TASK_MANAGER)) {
                JsonNode main = deployment.mainContainer(role);
                String where = deployment.source() + " " + role;
                assertThat(envFromSecrets(main)).as(where).contains("reelflow-s3");
                assertThat(envNames(main)).as(where).contains("AWS_REGION");
            }
            // The job's main runs in the job manager (application mode) and reads the password.
            String passwordVariable = deployment.arg("reelflow.jdbc.password-env");
            assertThat(passwordVariable).as(deployment.source()).isNotBlank();
            assertThat(deployment.args()).doesNotContain("--reelflow.jdbc.password");
            assertThat(secretOf(deployment.mainContainer(JOB_MANAGER), passwordVariable))
                    .isEqualTo("reelflow-jdbc");
            // Model server tokens: the generation clients run in the task managers.
            List<String> args = deployment.args();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).endsWith(".token-env")) {
                    assertThat(secretOf(deployment.mainContainer(TASK_MANAGER), args.get(i + 1)))
                            .as(deployment.source() + " " + args.get(i))
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void shouldKeepTheBasesContainersAndVariablesInEveryOverlay() {
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            for (String role : List.of(JOB_MANAGER, TASK_MANAGER)) {
                String where = deployment.source() + " " + role;
                assertThat(envNames(deployment.mainContainer(role)))
                        .as(where)
                        .containsAll(envNames(base.mainContainer(role)));
                assertThat(envFromSecrets(deployment.mainContainer(role)))
                        .as(where)
                        .containsAll(envFromSecrets(base.mainContainer(role)));
                assertThat(deployment.mainContainer(role).path("ports"))
                        .as(where)
                        .isEqualTo(base.mainContainer(role).path("ports"));
            }
            // The sidecar slot: replaced by a model server, never dropped or doubled.
            assertThat(deployment.initContainers(TASK_MANAGER))
                    .as(deployment.source())
                    .hasSameSizeAs(base.initContainers(TASK_MANAGER));
        }
    }

    @Test
    void shouldRunTheModelServerAsANativeSidecarWithThreeProbes() {
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            List<JsonNode> sidecars = deployment.initContainers(TASK_MANAGER);
            assertThat(sidecars).as(deployment.source()).isNotEmpty();
            for (JsonNode sidecar : sidecars) {
                String where = deployment.source() + " " + sidecar.path("name").asText();
                assertThat(sidecar.path("restartPolicy").asText()).as(where).isEqualTo("Always");
                assertThat(sidecar.has("startupProbe")).as(where).isTrue();
                assertThat(sidecar.has("readinessProbe")).as(where).isTrue();
                assertThat(sidecar.has("livenessProbe")).as(where).isTrue();
                assertThat(sidecar.path("resources").path("requests").has("cpu"))
                        .as(where)
                        .isTrue();
            }
            assertThat(deployment.pod(TASK_MANAGER).path("spec").path("containers"))
                    .as(deployment.source() + ": only Flink's container runs as a container")
                    .allMatch(c -> c.path("name").asText().equals("flink-main-container"));
        }
    }

    @Test
    void shouldPutGpuModelServersOnGpuNodesAndKeepTheirPodsFromScaling() {
        List<String> gpuOverlays = new ArrayList<>();
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            boolean gpu =
                    deployment.initContainers(TASK_MANAGER).stream()
                            .anyMatch(
                                    c -> c.path("resources").path("limits").has("nvidia.com/gpu"));
            JsonNode pod = deployment.pod(TASK_MANAGER).path("spec");
            if (!gpu) {
                assertThat(pod.has("nodeSelector")).as(deployment.source()).isFalse();
                continue;
            }
            gpuOverlays.add(deployment.source());
            assertThat(pod.path("nodeSelector").has("nvidia.com/gpu.present")).isTrue();
            assertThat(pod.path("tolerations").toString()).contains("nvidia.com/gpu");
            assertThat(deployment.config("job.autoscaler.scaling.enabled")).isEqualTo("false");
            // Flink waits for the model server's startupProbe: its timeouts must outlast it.
            assertThat(deployment.config("resourcemanager.taskmanager-registration.timeout"))
                    .isNotNull();
            assertThat(deployment.config("slot.request.timeout")).isNotNull();
        }
        assertThat(gpuOverlays)
                .containsExactly(
                        "overlays/gpu-comfyui", "overlays/gpu-vllm-omni", "overlays/production");
    }

    @Test
    void shouldAutoscaleTheCpuStagesButNotGeneration() throws IOException {
        String generationVertex = generationVertexOfTheJob();
        assertThat(base.config("job.autoscaler.enabled")).isEqualTo("true");
        assertThat(base.config("job.autoscaler.scaling.enabled")).isNull();
        assertThat(base.config("jobmanager.scheduler")).isEqualTo("adaptive");
        for (RenderedDeployment deployment : DEPLOYMENTS) {
            assertThat(deployment.config("job.autoscaler.vertex.exclude.ids"))
                    .as(deployment.source())
                    .contains(generationVertex);
            int maxParallelism =
                    Integer.parseInt(deployment.config("job.autoscaler.vertex.max-parallelism"));
            assertThat(
                            Integer.parseInt(deployment.config("pipeline.max-parallelism"))
                                    % maxParallelism)
                    .as("the autoscaler's ceiling divides the key groups evenly")
                    .isZero();
        }
    }

    /**
     * The id of the job vertex that runs generation, from the job's own graph: the autoscaler
     * excludes vertices, and a vertex's id is its chain head's, so generation must head its own.
     */
    private static String generationVertexOfTheJob() {
        Configuration config = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        ReelflowJob.define(env, config);
        JobVertexID generation =
                new JobVertexID(
                        StreamGraphHasherV2.generateUserSpecifiedHash(
                                PipelineBuilder.GENERATION_UID));
        List<String> vertices = new ArrayList<>();
        for (JobVertex vertex : env.getStreamGraph().getJobGraph().getVertices()) {
            vertices.add(vertex.getID() + " " + vertex.getName());
            if (vertex.getID().equals(generation)) {
                return vertex.getID().toString();
            }
        }
        throw new AssertionError(
                "no vertex of the job is headed by "
                        + PipelineBuilder.GENERATION_UID
                        + " (chained behind another operator?): "
                        + vertices);
    }

    @Test
    void shouldScrapeTheFlinkContainersNamedMetricsPort() {
        List<JsonNode> monitors = RENDERED.get("monitoring");
        JsonNode podMonitor =
                monitors.stream()
                        .filter(d -> d.path("kind").asText().equals("PodMonitor"))
                        .findFirst()
                        .orElseThrow();
        String port =
                podMonitor.path("spec").path("podMetricsEndpoints").get(0).path("port").asText();
        assertThat(
                        podMonitor
                                .path("spec")
                                .path("selector")
                                .path("matchLabels")
                                .path("app")
                                .asText())
                .as("Flink labels its pods app=<cluster id>, the FlinkDeployment's name")
                .isEqualTo(base.resource().path("metadata").path("name").asText());
        for (String role : List.of(JOB_MANAGER, TASK_MANAGER)) {
            JsonNode declared = null;
            for (JsonNode each : base.mainContainer(role).path("ports")) {
                if (port.equals(each.path("name").asText())) {
                    declared = each;
                }
            }
            assertThat(declared).as(role + " declares port " + port).isNotNull();
            assertThat(declared.path("containerPort").asText())
                    .isEqualTo(base.config("metrics.reporter.prom.port"));
        }
    }

    @Test
    void shouldRenderTheKustomizationTheReadmeShows() throws Exception {
        String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
        String marker = "# my-reelflow/kustomization.yaml\n";
        int start = readme.indexOf(marker);
        assertThat(start).as("the README's example kustomization").isNotNegative();
        String example = readme.substring(start + marker.length(), readme.indexOf("```", start));
        // The README's directory sits next to k8s-operator; this one is two levels inside it.
        Path dir = Files.createDirectories(MODULE.resolve("target/readme-kustomization"));
        Files.writeString(
                dir.resolve("kustomization.yaml"), example.replace("../k8s-operator/", "../../"));

        JsonNode rendered =
                Kustomize.render(dir).stream()
                        .filter(d -> d.path("kind").asText().equals("FlinkDeployment"))
                        .findFirst()
                        .orElseThrow();

        RenderedDeployment mine = new RenderedDeployment("README", rendered);
        assertThat(mine.spec().path("image").asText())
                .isEqualTo("registry.example.com/reelflow-job:0.1.0");
        assertThat(mine.arg("reelflow.kafka.bootstrap-servers")).isEqualTo("kafka.data:9092");
        assertThat(CrdSchema.flinkDeployment().violations(rendered)).isEmpty();
    }

    /** flink-conf/config.yaml as Flink reads it (nested keys flattened). */
    private static Map<String, String> flinkConf() {
        Configuration config =
                GlobalConfiguration.loadConfiguration(REPOSITORY.resolve("flink-conf").toString());
        return config.toMap();
    }

    private static Set<String> operatorKeys() throws IOException {
        try (InputStream keys = KustomizationsTest.class.getResourceAsStream(OPERATOR_KEYS)) {
            return new String(keys.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .collect(Collectors.toSet());
        }
    }

    private static MemorySize memory(JsonNode quantity) {
        // Kubernetes writes mebibytes as "Mi", the operator's resource spec as Flink's "m".
        return MemorySize.parse(quantity.asText());
    }
}
