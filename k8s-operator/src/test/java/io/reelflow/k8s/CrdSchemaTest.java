package io.reelflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** Tests for {@link CrdSchema}. */
class CrdSchemaTest {

    private static final CrdSchema SCHEMA = CrdSchema.flinkDeployment();

    private static JsonNode deployment(String spec) throws Exception {
        return new YAMLMapper()
                .readTree(
                        "apiVersion: flink.apache.org/v1beta1\n"
                                + "kind: FlinkDeployment\n"
                                + "metadata: {name: reelflow, labels: {app: reelflow}}\n"
                                + "spec:\n"
                                + spec);
    }

    @Test
    void shouldAcceptAValidDeployment() throws Exception {
        JsonNode valid =
                deployment(
                        "  flinkVersion: v2_2\n"
                                + "  flinkConfiguration: {any.key: any value}\n"
                                + "  jobManager: {resource: {memory: 2048m, cpu: 1}}\n"
                                + "  taskManager:\n"
                                + "    podTemplate:\n"
                                + "      spec:\n"
                                + "        initContainers:\n"
                                + "          - name: sidecar\n"
                                + "            restartPolicy: Always\n"
                                + "            startupProbe: {httpGet: {path: /health, port: 8090}}\n"
                                + "            readinessProbe: {httpGet: {path: /, port: http}}\n"
                                + "            resources: {requests: {cpu: 500m, memory: 1Gi}}\n");

        assertThat(SCHEMA.violations(valid)).isEmpty();
    }

    @Test
    void shouldReportAFieldTheApiServerWouldPrune() throws Exception {
        JsonNode misspelt = deployment("  jobManager: {resources: {memory: 2048m}}\n");

        assertThat(SCHEMA.violations(misspelt))
                .singleElement()
                .asString()
                .contains("resources", "/spec/jobManager");
    }

    @Test
    void shouldReportAMisplacedFieldInsideThePodTemplate() throws Exception {
        JsonNode misplaced =
                deployment(
                        "  taskManager:\n"
                                + "    podTemplate:\n"
                                + "      spec:\n"
                                + "        containers:\n"
                                + "          - name: flink-main-container\n"
                                + "            secretRef: {name: reelflow-s3}\n");

        assertThat(SCHEMA.violations(misplaced))
                .singleElement()
                .asString()
                .contains("secretRef", "containers/0");
    }

    @Test
    void shouldRefuseAFlinkVersionTheOperatorDoesNotList() throws Exception {
        assertThat(SCHEMA.violations(deployment("  flinkVersion: v9_9\n"))).isNotEmpty();
        assertThat(SCHEMA.violations(deployment("  job: {upgradeMode: savepoints}\n")))
                .isNotEmpty();
    }
}
