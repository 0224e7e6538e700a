package io.reelflow.benchmarks.common;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on, for its JSON: cores, Java, OS, heap and the load when it started. */
public final class Machine {
    private Machine() {}

    public static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        machine.put("loadAverageAtStart", Math.round(load * 1000) / 1000.0);
        return machine;
    }
}
