package io.reelflow.job.sizing;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * What one task manager offers the job, as the cluster's configuration says at job-graph time
 * (async capacities are fixed in the graph, so they cannot wait for a task manager to start). Cores
 * come from the first of {@code taskmanager.cpu.cores}, {@code kubernetes.taskmanager.cpu.amount}
 * (the Flink Kubernetes Operator writes {@code spec.taskManager.resource.cpu} there) and, as Flink
 * itself falls back, one core per slot.
 *
 * <pre>{@code
 * TaskManagerResources tm = TaskManagerResources.of(List.of(jobArguments, env.getConfiguration()));
 * }</pre>
 *
 * @param cores cores of one task manager
 * @param coresSource the setting {@code cores} was read from, for the start-up log
 * @param slots {@code taskmanager.numberOfTaskSlots}
 * @param taskOffHeapBytes {@code taskmanager.memory.task.off-heap.size}: the budget for FFmpeg's
 *     native memory; 0 (Flink's default) means none was set aside
 */
public record TaskManagerResources(
        double cores, String coresSource, int slots, long taskOffHeapBytes) {

    /**
     * The Kubernetes task manager's CPU (Flink's {@code KubernetesConfigOptions.TASK_MANAGER_CPU},
     * not on the job's class path); negative when unset.
     */
    static final ConfigOption<Double> KUBERNETES_CPU =
            key("kubernetes.taskmanager.cpu.amount")
                    .doubleType()
                    .noDefaultValue()
                    .withDeprecatedKeys("kubernetes.taskmanager.cpu");

    public TaskManagerResources {
        if (!(cores > 0) || slots < 1 || taskOffHeapBytes < 0) {
            throw new IllegalArgumentException(
                    "a task manager needs cores > 0 and slots >= 1, was "
                            + cores
                            + " cores, "
                            + slots
                            + " slots, "
                            + taskOffHeapBytes
                            + " bytes off-heap");
        }
    }

    /**
     * Reads the resources from {@code configs}, the first that sets a key winning (the job's
     * arguments before the cluster's configuration, so {@code --taskmanager.cpu.cores 8} sizes the
     * job where the cluster does not say).
     */
    public static TaskManagerResources of(List<? extends ReadableConfig> configs) {
        int slots = first(configs, TaskManagerOptions.NUM_TASK_SLOTS).orElse(1);
        Optional<Double> cpuCores =
                first(configs, TaskManagerOptions.CPU_CORES).filter(cores -> cores > 0);
        Optional<Double> kubernetesCpu = first(configs, KUBERNETES_CPU).filter(cores -> cores > 0);
        double cores;
        String source;
        if (cpuCores.isPresent()) {
            cores = cpuCores.get();
            source = TaskManagerOptions.CPU_CORES.key();
        } else if (kubernetesCpu.isPresent()) {
            cores = kubernetesCpu.get();
            source = KUBERNETES_CPU.key();
        } else {
            cores = slots;
            source = "neither cpu setting, so one per slot as Flink assumes";
        }
        long offHeap =
                first(configs, TaskManagerOptions.TASK_OFF_HEAP_MEMORY)
                        .map(MemorySize::getBytes)
                        .orElse(0L);
        return new TaskManagerResources(cores, source, slots, offHeap);
    }

    /** Cores per slot: what one subtask of each stage may count on when every slot is busy. */
    public double coresPerSlot() {
        return cores / slots;
    }

    private static <T> Optional<T> first(
            List<? extends ReadableConfig> configs, ConfigOption<T> option) {
        for (ReadableConfig config : configs) {
            Optional<T> value = config.getOptional(option);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
