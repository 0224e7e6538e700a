package io.reelflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink session cluster as a distribution starts it: a JobManager and a TaskManager, each in its
 * own JVM, on Flink's jars alone (the class path Maven writes to {@code
 * target/flink-lib-classpath.txt}), configured by {@code flink-conf/config.yaml} with local ports,
 * directories and memory. Jobs are submitted, watched and cancelled through the REST API, as {@code
 * flink run} and the web UI do. The processes' console logs go to files in the log folder.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
    static final int SLOTS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final MemorySize JOB_MANAGER_MEMORY = MemorySize.parse("1g");
    private static final MemorySize TASK_MANAGER_MEMORY = MemorySize.parse("3500m");
    // RocksDB's share; the production default (40 % of Flink memory) would leave the tasks' heap
    // too small at this process size.
    private static final MemorySize MANAGED_MEMORY = MemorySize.parse("256m");
    // The job jar is some 400 MB; Flink's REST server refuses bodies over 100 MB by default.
    private static final int MAX_UPLOAD_BYTES = 1 << 30;
    private static final String JAR_CONTENT_TYPE = "application/x-java-archive";
    private static final String PROMETHEUS_PORT = "metrics.reporter.prom.port";
    private static final String LOG4J = "log4j-console.properties";

    private final Path logDir;
    private final Path dataDir;
    private final Path confDir;
    private final Configuration config;
    private final URI rest;
    private final List<Integer> reporterPorts;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook = new Thread(this::destroyProcesses, "flink-cluster-stop");

    private StandaloneFlinkCluster(
            Path logDir,
            Path dataDir,
            Path confDir,
            Configuration config,
            List<Integer> reporterPorts) {
        this.logDir = logDir;
        this.dataDir = dataDir;
        this.confDir = confDir;
        this.config = config;
        this.rest = URI.create("http://localhost:" + config.get(RestOptions.PORT));
        this.reporterPorts = reporterPorts;
        // A test JVM that is killed must not leave a cluster behind.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the JobManager, then the TaskManager, and returns once the TaskManager's {@link
     * #SLOTS} slots are registered. Logs and the generated {@code config.yaml} go to {@code
     * logDir}; uploads, blobs and checkpoints to {@code dataDir}, deleted on {@link #close}.
     */
    static StandaloneFlinkCluster start(Path flinkConf, Path logDir, Path dataDir)
            throws Exception {
        deleteRecursively(logDir);
        Path confDir = Files.createDirectories(logDir.resolve("conf"));
        Files.createDirectories(dataDir);
        List<Integer> reporterPorts = List.of(freePort(), freePort());
        Configuration config =
                configuration(flinkConf, dataDir, freePort(), freePort(), reporterPorts);
        Files.write(
                confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME),
                ConfigurationUtils.convertConfigToWritableLines(config, false));
        Files.copy(flinkConf.resolve(LOG4J), confDir.resolve(LOG4J));

        StandaloneFlinkCluster cluster =
                new StandaloneFlinkCluster(logDir, dataDir, confDir, config, reporterPorts);
        try {
            JobManagerProcessSpec jobManager = JobManagerProcessUtils.processSpecFromConfig(config);
            cluster.launch(
                    "jobmanager",
                    split(JobManagerProcessUtils.generateJvmParametersStr(jobManager, config)),
                    config.get(CoreOptions.FLINK_JM_JVM_OPTIONS),
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                    split(JobManagerProcessUtils.generateDynamicConfigsStr(jobManager)));
            TaskExecutorProcessSpec taskManager =
                    TaskExecutorProcessUtils.processSpecFromConfig(config);
            cluster.launch(
                    "taskmanager",
                    split(ProcessMemoryUtils.generateJvmParametersStr(taskManager)),
                    config.get(CoreOptions.FLINK_TM_JVM_OPTIONS),
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                    split(TaskExecutorProcessUtils.generateDynamicConfigsStr(taskManager)));
            cluster.awaitSlots();
            return cluster;
        } catch (Throwable e) {
            String tails = cluster.logTails();
            cluster.close();
            throw new IllegalStateException("Flink cluster did not start\n" + tails, e);
        }
    }

    /**
     * {@code flink-conf/config.yaml} on this machine: local addresses and free ports (the
     * Prometheus reporters' too), smaller processes, checkpoints in a local folder (the S3 file
     * system plugin is not in this cluster's plugins folder), and room for the job jar's upload.
     */
    private static Configuration configuration(
            Path flinkConf, Path dataDir, int restPort, int rpcPort, List<Integer> reporterPorts) {
        Configuration config = GlobalConfiguration.loadConfiguration(flinkConf.toString());
        // One port for each process: the first free one of the list is taken.
        config.setString(
                PROMETHEUS_PORT,
                String.join(",", reporterPorts.stream().map(String::valueOf).toList()));
        config.set(RestOptions.ADDRESS, "localhost");
        config.set(RestOptions.BIND_ADDRESS, "localhost");
        config.set(RestOptions.PORT, restPort);
        config.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MAX_UPLOAD_BYTES);
        config.set(JobManagerOptions.ADDRESS, "localhost");
        config.set(JobManagerOptions.BIND_HOST, "localhost");
        config.set(JobManagerOptions.PORT, rpcPort);
        config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, JOB_MANAGER_MEMORY);
        config.set(TaskManagerOptions.HOST, "localhost");
        config.set(TaskManagerOptions.BIND_HOST, "localhost");
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, SLOTS);
        config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, TASK_MANAGER_MEMORY);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(dataDir.resolve("checkpoints")));
        config.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, uri(dataDir.resolve("savepoints")));
        config.set(WebOptions.UPLOAD_DIR, dataDir.resolve("upload").toString());
        config.set(CoreOptions.TMP_DIRS, dataDir.resolve("tmp").toString());
        return config;
    }

    /**
     * Starts one Flink process as {@code bin/flink-daemon.sh} does: the memory options Flink
     * derives from the configuration, then {@code env.java.opts.all} and the role's options.
     */
    private void launch(
            String role,
            List<String> memoryOptions,
            String roleJvmOptions,
            String mainClass,
            List<String> dynamicProperties)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memoryOptions);
        command.addAll(split(config.get(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS)));
        command.addAll(split(config.get(CoreOptions.FLINK_JVM_OPTIONS)));
        command.addAll(split(roleJvmOptions));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve(LOG4J).toUri());
        command.add("-cp");
        command.add(flinkLibClassPath());
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        command.addAll(dynamicProperties);
        Path log = logDir.resolve(role + ".log");
        Files.writeString(log, String.join(" ", command) + "\n\n");
        logs.put(role, log);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // As bin/config.sh exports it: where Flink finds its plugins (reporters, file systems).
        builder.environment().put("FLINK_PLUGINS_DIR", builtPath("reelflow.it.flink-plugins"));
        processes.add(builder.start());
    }

    /**
     * What the Prometheus reporter of the process whose scrape contains {@code marker} serves
     * ({@code GET /metrics}), as Prometheus scrapes it.
     */
    String prometheusScrape(String marker) throws Exception {
        List<String> scrapes = new ArrayList<>();
        for (int port : reporterPorts) {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.body().contains(marker)) {
                return response.body();
            }
            scrapes.add(response.body());
        }
        throw new IllegalStateException(
                "no reporter on " + reporterPorts + " serves " + marker + ": " + scrapes);
    }

    private static String flinkLibClassPath() throws IOException {
        return Files.readString(Path.of(builtPath("reelflow.it.flink-lib-classpath"))).trim();
    }

    /** A file or folder this module's build writes (failsafe passes its path). */
    private static String builtPath(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IllegalStateException(
                    "no "
                            + property
                            + " at '"
                            + path
                            + "': run the ITs through Maven (failsafe), whose build writes it");
        }
        return path;
    }

    private void awaitSlots() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "a Flink process ended with exit code " + process.exitValue());
                }
            }
            try {
                HttpResponse<String> overview =
                        http.send(
                                HttpRequest.newBuilder(rest.resolve("/overview")).build(),
                                HttpResponse.BodyHandlers.ofString());
                // 503 while the JobManager's leader election is on.
                if (overview.statusCode() == 200
                        && JSON.readTree(overview.body()).path("slots-total").asInt() >= SLOTS) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The REST server starts a few seconds after the JVM.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no task slots after " + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    /** Uploads a jar as the web UI does ({@code POST /jars/upload}); returns its jar id. */
    String uploadJar(Path jar) throws Exception {
        String boundary = "reelflow-" + UUID.randomUUID();
        String head =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName()
                        + "\"\r\nContent-Type: "
                        + JAR_CONTENT_TYPE
                        + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request =
                HttpRequest.newBuilder(rest.resolve("/jars/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofMinutes(3))
                        .POST(
                                HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofString(head),
                                        HttpRequest.BodyPublishers.ofFile(jar),
                                        HttpRequest.BodyPublishers.ofString(tail)))
                        .build();
        JsonNode response = send(request, 200);
        // The answer names the stored file; its name is the jar id.
        return Path.of(response.path("filename").asText()).getFileName().toString();
    }

    /**
     * Runs an uploaded jar's {@code entryClass} with {@code args} ({@code POST /jars/:jarid/run});
     * its main runs in the JobManager and submits the job. Returns the job id.
     */
    String run(String jarId, String entryClass, List<String> args, int parallelism)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryClass", entryClass);
        body.put("programArgsList", args);
        body.put("parallelism", parallelism);
        HttpRequest request =
                HttpRequest.newBuilder(rest.resolve("/jars/" + jarId + "/run"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(3))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build();
        return send(request, 200).path("jobid").asText();
    }

    /** The job's state as {@code GET /jobs/overview} lists it (RUNNING, FAILED, CANCELED…). */
    String jobState(String jobId) throws Exception {
        for (JsonNode job : getJson("/jobs/overview").path("jobs")) {
            if (job.path("jid").asText().equals(jobId)) {
                return job.path("state").asText();
            }
        }
        throw new IllegalStateException("no job " + jobId + " on the cluster");
    }

    /** The job's exception history ({@code GET /jobs/:jobid/exceptions}), for failure messages. */
    String exceptions(String jobId) throws Exception {
        return getJson("/jobs/" + jobId + "/exceptions").toPrettyString();
    }

    /** Cancels the job ({@code PATCH /jobs/:jobid?mode=cancel}), as {@code flink cancel} does. */
    void cancel(String jobId) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build();
        send(request, 202);
    }

    /** JobManager metrics by name ({@code GET /jobmanager/metrics?get=…}). */
    Map<String, String> jobManagerMetrics(String... names) throws Exception {
        return metrics("/jobmanager/metrics", names);
    }

    /** The TaskManager's metrics by name ({@code GET /taskmanagers/:id/metrics?get=…}). */
    Map<String, String> taskManagerMetrics(String... names) throws Exception {
        String id = getJson("/taskmanagers").path("taskmanagers").path(0).path("id").asText();
        return metrics("/taskmanagers/" + id + "/metrics", names);
    }

    private Map<String, String> metrics(String path, String... names) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode metric : getJson(path + "?get=" + String.join(",", names))) {
            values.put(metric.path("id").asText(), metric.path("value").asText());
        }
        return values;
    }

    private JsonNode getJson(String path) throws Exception {
        return send(HttpRequest.newBuilder(rest.resolve(path)).GET().build(), 200);
    }

    private JsonNode send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    request.method()
                            + " "
                            + request.uri().getPath()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The last lines of each process's log, for a failing test's report. */
    String logTails() {
        StringBuilder tails = new StringBuilder();
        logs.forEach(
                (role, log) -> {
                    tails.append("----- ").append(log).append(" (last lines)\n");
                    try {
                        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                        lines.subList(Math.max(0, lines.size() - 60), lines.size())
                                .forEach(line -> tails.append(line).append('\n'));
                    } catch (IOException e) {
                        tails.append("(unreadable: ").append(e).append(")\n");
                    }
                });
        return tails.toString();
    }

    /** Stops both processes (and anything they started) and deletes the data folder. */
    @Override
    public void close() throws IOException {
        destroyProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running already.
        }
        deleteRecursively(dataDir);
    }

    private void destroyProcesses() {
        // The TaskManager first, so the JobManager does not restart the job's tasks elsewhere.
        List<Process> newestFirst = new ArrayList<>(processes);
        java.util.Collections.reverse(newestFirst);
        for (Process process : newestFirst) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static List<String> split(String options) {
        return options == null || options.isBlank()
                ? List.of()
                : Arrays.asList(options.trim().split("\\s+"));
    }

    private static String uri(Path dir) {
        return dir.toAbsolutePath().toUri().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.delete(path);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
