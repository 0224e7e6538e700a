package io.reelflow.job.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Tests for {@link TaskManagerResources}. */
class TaskManagerResourcesTest {
    @Test
    void shouldPreferTaskManagerCpuCoresOverTheKubernetesAmount() {
        TaskManagerResources tm =
                read(
                        Map.of(
                                "taskmanager.cpu.cores", "6",
                                "kubernetes.taskmanager.cpu.amount", "2",
                                "taskmanager.numberOfTaskSlots", "3"));

        assertThat(tm.cores()).isEqualTo(6.0);
        assertThat(tm.coresSource()).isEqualTo("taskmanager.cpu.cores");
        assertThat(tm.slots()).isEqualTo(3);
        assertThat(tm.coresPerSlot()).isEqualTo(2.0);
    }

    @Test
    void shouldReadTheCpuTheKubernetesOperatorWrites() {
        TaskManagerResources tm =
                read(
                        Map.of(
                                "kubernetes.taskmanager.cpu.amount", "8.0",
                                "taskmanager.numberOfTaskSlots", "2"));

        assertThat(tm.cores()).isEqualTo(8.0);
        assertThat(tm.coresSource()).isEqualTo("kubernetes.taskmanager.cpu.amount");
    }

    @Test
    void shouldReadTheDeprecatedKubernetesKeyToo() {
        assertThat(read(Map.of("kubernetes.taskmanager.cpu", "4")).cores()).isEqualTo(4.0);
    }

    @Test
    void shouldFallBackToOneCorePerSlotAsFlinkDoes() {
        TaskManagerResources tm =
                read(
                        Map.of(
                                "taskmanager.numberOfTaskSlots", "2",
                                // Flink's own default: "not set".
                                "kubernetes.taskmanager.cpu.amount", "-1.0"));

        assertThat(tm.cores()).isEqualTo(2.0);
        assertThat(tm.coresSource()).contains("one per slot");
        assertThat(read(Map.of()).slots()).isEqualTo(1);
        assertThat(read(Map.of()).cores()).isEqualTo(1.0);
    }

    @Test
    void shouldReadTheTaskOffHeapBudget() {
        assertThat(read(Map.of("taskmanager.memory.task.off-heap.size", "1g")).taskOffHeapBytes())
                .isEqualTo(1L << 30);
        assertThat(read(Map.of()).taskOffHeapBytes()).isZero();
    }

    @Test
    void shouldLetTheJobsArgumentsWinOverTheClusterConfiguration() {
        Configuration arguments = Configuration.fromMap(Map.of("taskmanager.cpu.cores", "16"));
        Configuration cluster =
                Configuration.fromMap(
                        Map.of(
                                "taskmanager.cpu.cores", "2",
                                "taskmanager.numberOfTaskSlots", "4"));

        TaskManagerResources tm = TaskManagerResources.of(List.of(arguments, cluster));

        assertThat(tm.cores()).isEqualTo(16.0);
        assertThat(tm.slots()).isEqualTo(4);
    }

    @Test
    void shouldRefuseImpossibleResources() {
        assertThatThrownBy(() -> new TaskManagerResources(0, "x", 1, 0))
                .hasMessageContaining("cores > 0");
        assertThatThrownBy(() -> new TaskManagerResources(2, "x", 0, 0))
                .hasMessageContaining("slots >= 1");
    }

    private static TaskManagerResources read(Map<String, String> values) {
        return TaskManagerResources.of(List.of(Configuration.fromMap(values)));
    }
}
