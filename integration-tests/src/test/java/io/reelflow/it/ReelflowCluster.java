package io.reelflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.job.ReelflowJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A MiniCluster (one task manager with two slots) for failure tests: it runs the real job with
 * parallelism 2, can lose its task manager, and tells how often the job restarted.
 */
final class ReelflowCluster implements AutoCloseable {
    static final int PARALLELISM = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MiniCluster cluster;
    private final HttpClient http = HttpClient.newHttpClient();

    private ReelflowCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    static ReelflowCluster start() throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(PARALLELISM)
                                .build());
        cluster.start();
        return new ReelflowCluster(cluster);
    }

    /** Submits the job as {@code run} defines it, with {@code config}. */
    JobID submit(Configuration config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(PARALLELISM);
        ReelflowJob.define(env, config);
        return cluster.submitJob(env.getStreamGraph().getJobGraph()).get().getJobID();
    }

    JobStatus status(JobID job) throws Exception {
        return cluster.getJobStatus(job).get();
    }

    /** The task manager dies at once (its tasks fail) and a new one takes its place. */
    void replaceTaskManager() throws Exception {
        cluster.terminateTaskManager(0).get();
        cluster.startTaskManager();
    }

    /**
     * How often the job failed (and, with a restart strategy, restarted): the entries of its
     * exception history, as the web UI's Exceptions tab lists them.
     */
    int failures(JobID job) throws Exception {
        URI uri = cluster.getRestAddress().get().resolve("/jobs/" + job + "/exceptions");
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode history = JSON.readTree(response.body()).path("exceptionHistory");
        return history.path("entries").size();
    }

    void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
