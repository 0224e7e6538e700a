package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.reelflow.sidecar.internal.ComfyWorkflow.InvalidWorkflowException;
import io.reelflow.sidecar.internal.ComfyWorkflow.OutputNode;
import io.reelflow.sidecar.internal.FakeJob.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * The part of ComfyUI's HTTP API that a client of generation jobs uses ({@code server.py}): {@code
 * POST /prompt}, {@code GET /history/{id}}, {@code GET /view}, {@code GET|POST /queue}, {@code POST
 * /interrupt}, {@code GET /system_stats}, each also under {@code /api}. The workflow is read, not
 * run (see {@link ComfyWorkflow}); the answers keep ComfyUI's shapes.
 */
public final class ComfyApi {

    public static final String ORIGIN = "comfyui";
    public static final List<String> PATHS =
            List.of("/prompt", "/history", "/view", "/queue", "/interrupt", "/system_stats");

    private final SidecarContext context;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> counters = new ConcurrentHashMap<>();

    public ComfyApi(SidecarContext context) {
        this.context = context;
    }

    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/")) {
            path = path.substring("/api".length());
        }
        String method = exchange.getRequestMethod();
        if (path.equals("/prompt") && method.equals("POST")) {
            prompt(exchange);
        } else if (path.equals("/prompt") && method.equals("GET")) {
            Exchanges.sendJson(
                    exchange,
                    200,
                    Map.of(
                            "exec_info",
                            Map.of("queue_remaining", pending().size() + running().size())));
        } else if (path.equals("/history") && method.equals("GET")) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (FakeJob job : context.store().list(ComfyApi::isComfy)) {
                history(job).ifPresent(item -> all.put(job.id(), item));
            }
            Exchanges.sendJson(exchange, 200, all);
        } else if (path.startsWith("/history/") && method.equals("GET")) {
            String id = path.substring("/history/".length());
            Map<String, Object> body = new LinkedHashMap<>();
            context.store()
                    .find(id, ComfyApi::isComfy)
                    .flatMap(this::history)
                    .ifPresent(item -> body.put(id, item));
            Exchanges.sendJson(exchange, 200, body);
        } else if (path.equals("/view") && method.equals("GET")) {
            view(exchange);
        } else if (path.equals("/queue") && method.equals("GET")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("queue_running", running().stream().map(this::queueItem).toList());
            body.put("queue_pending", pending().stream().map(this::queueItem).toList());
            Exchanges.sendJson(exchange, 200, body);
        } else if (path.equals("/queue") && method.equals("POST")) {
            queue(exchange);
        } else if (path.equals("/interrupt") && method.equals("POST")) {
            interrupt(exchange);
        } else if (path.equals("/system_stats") && method.equals("GET")) {
            Exchanges.sendJson(exchange, 200, systemStats());
        } else {
            Exchanges.sendBytes(exchange, 404, "text/plain", "404: Not Found".getBytes());
        }
    }

    private void prompt(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = Exchanges.JSON.readTree(Exchanges.readBody(exchange));
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            Exchanges.sendJson(
                    exchange,
                    400,
                    new InvalidWorkflowException(
                                    "no_prompt",
                                    "No prompt provided",
                                    "No prompt provided",
                                    Map.of())
                            .body());
            return;
        }
        ComfyWorkflow workflow;
        try {
            workflow = ComfyWorkflow.read(body.get("prompt"));
        } catch (InvalidWorkflowException e) {
            Exchanges.sendJson(exchange, 400, e.body());
            return;
        }
        String id =
                body.path("prompt_id").isTextual()
                        ? body.get("prompt_id").asText()
                        : UUID.randomUUID().toString();
        if (context.store().contains(id)) {
            Exchanges.sendJson(exchange, 409, Map.of("error", "prompt_id already exists"));
            return;
        }
        Map<String, Object> extraData = new LinkedHashMap<>();
        if (body.path("extra_data").isObject()) {
            extraData.putAll(Exchanges.JSON.convertValue(body.get("extra_data"), Map.class));
        }
        if (body.has("client_id")) {
            extraData.put("client_id", body.get("client_id").asText());
        }
        FakeJob job =
                new FakeJob(
                        id,
                        ORIGIN,
                        context.store().nextNumber(),
                        workflow.clip(),
                        workflow.still(),
                        workflow.key(),
                        workflow.directives(),
                        Map.of());
        entries.put(id, new Entry(workflow, body.get("prompt"), extraData));
        job.finished().thenAccept(this::save);
        context.store().put(job);
        try {
            context.runner().submit(job);
        } catch (RejectedExecutionException e) {
            context.store().remove(id);
            entries.remove(id);
            Overload.reject(exchange, context);
            return;
        }
        context.stats().submitted(job.key());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("prompt_id", id);
        answer.put("number", job.number());
        answer.put("node_errors", Map.of());
        Exchanges.sendJson(exchange, 200, answer);
    }

    /** Files the result under each output node's name, as the save nodes would. */
    private void save(FakeJob job) {
        Entry entry = entries.get(job.id());
        if (entry == null || job.phase() != Phase.COMPLETED) {
            return;
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (OutputNode node : entry.workflow().outputs()) {
            String prefix = node.filenamePrefix().replace('\\', '/');
            int slash = prefix.lastIndexOf('/');
            String subfolder = slash < 0 ? "" : prefix.substring(0, slash);
            String name = slash < 0 ? prefix : prefix.substring(slash + 1);
            String extension = job.still() ? ".png" : ".mp4";
            int counter = counters.merge(subfolder + "/" + name, 1, Integer::sum);
            boolean vhs = node.classType().equals("VHS_VideoCombine");
            // Core save nodes write name_00001_.ext; VideoHelperSuite writes name_00001.ext.
            String filename =
                    String.format("%s_%05d%s%s", name, counter, vhs ? "" : "_", extension);
            files.put(fileKey("output", subfolder, filename), job.output());
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("filename", filename);
            file.put("subfolder", subfolder);
            file.put("type", "output");
            Map<String, Object> ui = new LinkedHashMap<>();
            if (vhs) {
                file.put("format", "video/h264-mp4");
                file.put("frame_rate", (double) job.clip().fps());
                ui.put("gifs", List.of(file));
            } else {
                ui.put("images", List.of(file));
                if (node.video()) {
                    ui.put("animated", List.of(true));
                }
            }
            outputs.put(node.id(), ui);
        }
        entry.outputs = outputs;
    }

    private Optional<Map<String, Object>> history(FakeJob job) {
        Phase phase = job.phase();
        Entry entry = entries.get(job.id());
        if (entry == null
                || phase == Phase.QUEUED
                || phase == Phase.RUNNING
                || (phase == Phase.COMPLETED && entry.outputs == null)) {
            // Done but not yet filed by the save nodes: ComfyUI writes history after the outputs.
            return Optional.empty();
        }
        long started = (job.startedAt() == null ? job.createdAt() : job.startedAt()).toEpochMilli();
        long ended = job.completedAt().toEpochMilli();
        List<Object> messages = new ArrayList<>();
        messages.add(
                List.of("execution_start", Map.of("prompt_id", job.id(), "timestamp", started)));
        messages.add(
                List.of(
                        "execution_cached",
                        Map.of("nodes", List.of(), "prompt_id", job.id(), "timestamp", started)));
        String statusText = "success";
        boolean completed = true;
        OutputNode last = entry.workflow().outputs().get(entry.workflow().outputs().size() - 1);
        if (phase == Phase.COMPLETED) {
            messages.add(
                    List.of(
                            "execution_success",
                            Map.of("prompt_id", job.id(), "timestamp", ended)));
        } else {
            statusText = "error";
            completed = false;
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("prompt_id", job.id());
            event.put("node_id", last.id());
            event.put("node_type", last.classType());
            event.put("executed", List.of());
            if (phase == Phase.FAILED) {
                event.put("exception_message", job.error());
                event.put("exception_type", "RuntimeError");
                event.put("traceback", List.of());
                event.put("current_inputs", Map.of());
                event.put("current_outputs", Map.of());
            }
            event.put("timestamp", ended);
            messages.add(
                    List.of(
                            phase == Phase.FAILED ? "execution_error" : "execution_interrupted",
                            event));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status_str", statusText);
        status.put("completed", completed);
        status.put("messages", messages);
        Map<String, Object> meta = new LinkedHashMap<>();
        for (OutputNode node : entry.workflow().outputs()) {
            Map<String, Object> nodeMeta = new LinkedHashMap<>();
            nodeMeta.put("node_id", node.id());
            nodeMeta.put("display_node", node.id());
            nodeMeta.put("parent_node", null);
            nodeMeta.put("real_node_id", node.id());
            meta.put(node.id(), nodeMeta);
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("prompt", queueItem(job));
        item.put("outputs", entry.outputs == null ? Map.of() : entry.outputs);
        item.put("status", status);
        item.put("meta", meta);
        return Optional.of(item);
    }

    /** {@code [number, prompt_id, prompt, extra_data, outputs_to_execute]}. */
    private List<Object> queueItem(FakeJob job) {
        Entry entry = entries.get(job.id());
        List<Object> item = new ArrayList<>();
        item.add(job.number());
        item.add(job.id());
        item.add(entry == null ? Map.of() : entry.graph());
        item.add(entry == null ? Map.of() : entry.extraData());
        item.add(
                entry == null
                        ? List.of()
                        : entry.workflow().outputs().stream().map(OutputNode::id).toList());
        return item;
    }

    private void view(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        String filename = query.get("filename");
        if (filename == null || filename.isEmpty()) {
            Exchanges.sendBytes(exchange, 400, "text/plain", "400: Bad Request".getBytes());
            return;
        }
        if (filename.startsWith("/") || filename.contains("..")) {
            Exchanges.sendBytes(exchange, 400, "text/plain", "400: Bad Request".getBytes());
            return;
        }
        String subfolder = query.getOrDefault("subfolder", "");
        if (subfolder.startsWith("/") || subfolder.contains("..")) {
            Exchanges.sendBytes(exchange, 403, "text/plain", "403: Forbidden".getBytes());
            return;
        }
        Path file = files.get(fileKey(query.getOrDefault("type", "output"), subfolder, filename));
        if (file == null || !file.toFile().isFile()) {
            Exchanges.sendBytes(exchange, 404, "text/plain", "404: Not Found".getBytes());
            return;
        }
        Exchanges.sendFile(exchange, filename.endsWith(".png") ? "image/png" : "video/mp4", file);
    }

    private void queue(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = Exchanges.JSON.readTree(Exchanges.readBody(exchange));
        } catch (IOException e) {
            body = null;
        }
        if (body != null && body.path("clear").asBoolean(false)) {
            pending().forEach(this::dequeue);
        }
        if (body != null && body.path("delete").isArray()) {
            for (JsonNode id : body.get("delete")) {
                context.store()
                        .find(id.asText(), job -> isComfy(job) && job.phase() == Phase.QUEUED)
                        .ifPresent(this::dequeue);
            }
        }
        Exchanges.sendEmpty(exchange);
    }

    /** A pending prompt taken off the queue leaves no trace, as in ComfyUI. */
    private void dequeue(FakeJob job) {
        context.runner().cancel(job);
        context.store().remove(job.id());
        entries.remove(job.id());
        context.stats().jobCancelled();
    }

    private void interrupt(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = Exchanges.JSON.readTree(Exchanges.readBody(exchange));
        } catch (IOException e) {
            body = null;
        }
        String promptId =
                body != null && body.path("prompt_id").isTextual()
                        ? body.get("prompt_id").asText()
                        : null;
        for (FakeJob job : running()) {
            // With a prompt_id, only that prompt is interrupted, and only if it is running.
            if (promptId == null || promptId.equals(job.id())) {
                if (context.runner().cancel(job)) {
                    context.stats().jobCancelled();
                }
            }
        }
        Exchanges.sendEmpty(exchange);
    }

    private List<FakeJob> running() {
        return context.store().list(job -> isComfy(job) && job.phase() == Phase.RUNNING);
    }

    private List<FakeJob> pending() {
        return context.store().list(job -> isComfy(job) && job.phase() == Phase.QUEUED);
    }

    private static Map<String, Object> systemStats() {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("os", System.getProperty("os.name").toLowerCase());
        system.put("ram_total", Runtime.getRuntime().maxMemory());
        system.put("ram_free", Runtime.getRuntime().freeMemory());
        system.put("comfyui_version", "reelflow-reference-sidecar (demo generator, not a model)");
        system.put("python_version", "none (Java fake)");
        system.put("pytorch_version", "none");
        system.put("embedded_python", false);
        system.put("argv", List.of());
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("name", "cpu (reference demo generator, not a model)");
        device.put("type", "cpu");
        device.put("index", null);
        device.put("vram_total", 0);
        device.put("vram_free", 0);
        device.put("torch_vram_total", 0);
        device.put("torch_vram_free", 0);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("system", system);
        stats.put("devices", List.of(device));
        return stats;
    }

    /** Forgets files and history, as a restart would. */
    public void clear() {
        entries.clear();
        files.clear();
    }

    private static boolean isComfy(FakeJob job) {
        return job.origin().equals(ORIGIN);
    }

    private static String fileKey(String type, String subfolder, String filename) {
        return type + "\n" + subfolder + "\n" + filename;
    }

    /** What a prompt was submitted with, and the outputs its save nodes wrote. */
    private static final class Entry {
        private final ComfyWorkflow workflow;
        private final JsonNode graph;
        private final Map<String, Object> extraData;
        volatile Map<String, Object> outputs;

        Entry(ComfyWorkflow workflow, JsonNode graph, Map<String, Object> extraData) {
            this.workflow = workflow;
            this.graph = graph;
            this.extraData = extraData;
        }

        ComfyWorkflow workflow() {
            return workflow;
        }

        JsonNode graph() {
            return graph;
        }

        Map<String, Object> extraData() {
            return extraData;
        }
    }
}
