package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.cli.ReelflowCli;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.GenerationOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.testing.BadInput;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.sidecar.SidecarOptions;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link ReelflowJob}: the whole job on a MiniCluster (parallelism 2) against real Kafka,
 * PostgreSQL, S3 and FFmpeg, with the reference sidecar as the model server.
 */
class ReelflowPipelineITCase {
    private static final int PARALLELISM = 2;
    private static final int INJECTED_SIDECAR_FAILURES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(5);

    /**
     * Kafka's default largest record (producer {@code max.request.size}, broker {@code
     * message.max.bytes}).
     */
    private static final int KAFKA_RECORD_LIMIT = 1_000_000;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @RegisterExtension
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(
                    SidecarOptions.defaults().withPort(0).withSlots(2).withQueueCapacity(16));

    @TempDir Path workDir;

    /** Ten requests in seven languages, small so the test is quick; one is sent as Avro. */
    private static List<VideoRequest> validRequests() {
        String[][] texts = {
            {"en", "A lighthouse on a cliff at night. Waves crash below the rocks."},
            {"de", "Am Morgen öffnet der Bäcker seinen Laden. Frisches Brot duftet in der Straße."},
            {"es", "Los niños juegan en el parque. El sol brilla sobre los árboles."},
            {
                "fr",
                "Le train traverse les champs de lavande. Les passagers regardent par la fenêtre."
            },
            {"it", "La nonna prepara la pasta fresca. La cucina profuma di basilico."},
            {"ru", "Зимой река покрывается льдом. Дети катаются на коньках."},
            {"pt", "O pescador volta ao porto ao entardecer. As gaivotas seguem o barco."},
            {"en", "A cyclist climbs a steep mountain road. Clouds drift over the summit."},
            {"nl", "De molen draait langzaam in de wind. Tulpen bloeien in lange rijen."},
            // Each text can be read as subtitles within its target (ReadingSpeed), so no video is
            // lengthened.
            {"en", "Close-up of raindrops on a window. City lights blur behind the glass."},
        };
        String[] aspect = {"16:9", "9:16", "1:1"};
        List<VideoRequest> requests = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            requests.add(
                    VideoRequest.newBuilder()
                            .setRequestId("it-" + i + "-" + texts[i][0])
                            .setText(texts[i][1])
                            .setTargetDurationSeconds(3.0 + (i % 3))
                            .setResolution(i % 2 == 0 ? "240p" : "360p")
                            .setAspectRatio(aspect[i % 3])
                            .setSubtitles(i % 4 != 3)
                            .setAttributes(Map.of("test", "pipeline"))
                            .build());
        }
        return requests;
    }

    @Test
    void shouldTurnRequestsIntoVideosRetryTheSidecarAndDeadLetterBadInput() throws Exception {
        ReelflowStack stack = SERVERS.stack("it-main");
        stack.prepare(workDir);
        SERVERS.sidecar().faults().failNextCalls(INJECTED_SIDECAR_FAILURES, 503, null);

        Map<String, RecordMetadata> badRecords = publishBadRecords(stack);
        List<VideoRequest> requests = validRequests();
        for (int i = 0; i < requests.size(); i++) {
            VideoRequest request = requests.get(i);
            byte[] value =
                    i == 1
                            ? VideoRequestCodec.toSingleObject(request)
                            : VideoRequestCodec.toJson(request);
            stack.kafka.send(stack.requestsTopic(), request.getRequestId(), value);
        }
        // A producer retry of the first request: processed once.
        stack.kafka.send(
                stack.requestsTopic(),
                requests.get(0).getRequestId(),
                VideoRequestCodec.toJson(requests.get(0)));

        // Three invalid requests have readable ids and are REJECTED: bad-empty, bad-long, and
        // "bad",
        // the Kafka key the records without a valid id came with (answered once; the others
        // are duplicates of it, each dead-lettered).
        int expectedResults = requests.size() + 3;
        runJobUntil(
                stack.jobConfiguration(SERVERS.sidecar().baseUri().toString()),
                () ->
                        countRows(stack, "video_results") == expectedResults
                                && stack.kafka.readAll(stack.resultsTopic()).size()
                                        == expectedResults
                                && stack.kafka.readAll(stack.deadLetterTopic()).size()
                                        == badRecords.size());

        assertThat(SERVERS.sidecar().stats().get("injectedFailures"))
                .isEqualTo((long) INJECTED_SIDECAR_FAILURES);

        try (ObjectStore store = stack.objectStore();
                Connection sql = stack.sql()) {
            for (VideoRequest request : requests) {
                assertVideoCompleted(stack, store, sql, request);
            }
            assertThat(countRows(stack, "video_results")).isEqualTo(expectedResults);
            JsonNode lighthouseCredits = credits(sql, stack.name, requests.get(0).getRequestId());
            assertThat(lighthouseCredits.toString())
                    .contains(ReelflowStack.LIGHTHOUSE_ASSET, "Test Author");
        }

        assertDeadLetters(stack, badRecords);
        assertResultsTopic(stack, requests);
    }

    /**
     * The bad-input catalogue that admission's unit test checks, sent through Kafka to the running
     * job, then one good request: every case gets its dead letter (and a REJECTED result when it
     * has an id), and the job, which may not restart, still completes the good one.
     */
    @Test
    void shouldAnswerEveryCaseOfTheBadInputCatalogueAndKeepRunning() throws Exception {
        ReelflowStack stack = SERVERS.stack("it-catalogue");
        stack.prepare(workDir);
        List<BadInput> catalogue = BadInput.all();
        Map<BadInput, RecordMetadata> sent = new LinkedHashMap<>();
        for (int n = 0; n < catalogue.size(); n++) {
            BadInput input = catalogue.get(n).distinct(n);
            if (input.payload() != null && input.payload().length > KAFKA_RECORD_LIMIT) {
                continue; // a producer refuses it: it never reaches the job
            }
            sent.put(input, stack.kafka.send(stack.requestsTopic(), input.key(), input.payload()));
        }
        VideoRequest good = validRequests().get(0);
        good.setRequestId("it-catalogue-good");
        stack.kafka.send(
                stack.requestsTopic(), good.getRequestId(), VideoRequestCodec.toJson(good));
        Set<String> rejectedIds =
                sent.keySet().stream()
                        .map(BadInput::expectedId)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet());

        Configuration config = stack.jobConfiguration(SERVERS.sidecar().baseUri().toString());
        // The catalogue's reasons quote the default limits.
        config.set(PipelineOptions.MAX_TEXT_CHARS, PipelineOptions.MAX_TEXT_CHARS.defaultValue());
        runJobUntil(
                config,
                () ->
                        countRows(stack, "video_results") == rejectedIds.size() + 1
                                && stack.kafka.readAll(stack.deadLetterTopic()).size()
                                        >= sent.size());

        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : stack.kafka.readAll(stack.deadLetterTopic())) {
            letters.add(RecordJson.fromJson(record.value(), DeadLetter.class));
        }
        assertThat(letters).hasSize(sent.size());
        sent.forEach(
                (input, metadata) ->
                        assertThat(letters)
                                .as("dead letter for: %s", input.name())
                                .anySatisfy(
                                        letter -> {
                                            assertThat(letter.getSourcePartition())
                                                    .isEqualTo(metadata.partition());
                                            assertThat(letter.getSourceOffset())
                                                    .isEqualTo(metadata.offset());
                                            assertThat(letter.getReason()).contains(input.reason());
                                            assertThat(letter.getRequestId())
                                                    .isEqualTo(input.expectedId());
                                        }));
        try (Connection sql = stack.sql()) {
            for (String id : rejectedIds) {
                assertThat(resultRow(sql, stack.name, id).get("status"))
                        .as("result of %s", id)
                        .isEqualTo("REJECTED");
            }
            Map<String, Object> goodRow = resultRow(sql, stack.name, good.getRequestId());
            assertThat(goodRow.get("status"))
                    .as("error: %s", goodRow.get("error"))
                    .isEqualTo("COMPLETED");
        }
    }

    @Test
    void shouldDegradeTextNoFontDrawsAndSaySoBeforeAnyGeneration() throws Exception {
        ReelflowStack stack = SERVERS.stack("it-no-font");
        stack.prepare(workDir);
        // Old Hungarian (U+10C80...): no bundled font has it.
        VideoRequest request =
                VideoRequest.newBuilder()
                        .setRequestId("it-no-font-1")
                        .setText(
                                "A brown horse gallops over the wide steppe. \uD803\uDC80\uD803\uDC81\uD803\uDC82 \uD803\uDC83\uD803\uDC84.")
                        .setTargetDurationSeconds(3.0)
                        .setResolution("240p")
                        .setAttributes(Map.of())
                        .build();
        Instant published = Instant.now();
        stack.kafka.send(
                stack.requestsTopic(), request.getRequestId(), VideoRequestCodec.toJson(request));

        runJobUntil(
                stack.jobConfiguration(SERVERS.sidecar().baseUri().toString()),
                () ->
                        countRows(stack, "video_results") == 1
                                && terminalStatusWritten(stack, request.getRequestId()));

        try (Connection sql = stack.sql()) {
            Map<String, Object> result = resultRow(sql, stack.name, request.getRequestId());
            assertThat(result.get("status")).isEqualTo("DEGRADED");
            assertThat(result.get("error"))
                    .asString()
                    .contains("Old Hungarian text has no font")
                    .doesNotContain("/tmp", "/work");
            assertThat(result.get("video_uri")).isNotNull();
            Map<String, Object> planned =
                    statusRow(sql, stack.name, request.getRequestId(), "SCENES_PLANNED");
            assertThat(planned.get("message"))
                    .asString()
                    .contains("Old Hungarian text has no font");
            // The warning came before the model server was asked for anything for this request.
            List<Instant> submissions =
                    SERVERS.sidecar().firstSubmissions().values().stream()
                            .filter(at -> at.isAfter(published))
                            .sorted()
                            .toList();
            assertThat(submissions).as("the scene was generated").isNotEmpty();
            Instant plannedAt = ((java.sql.Timestamp) planned.get("at")).toInstant();
            assertThat(plannedAt).isBeforeOrEqualTo(submissions.get(0));
        }
    }

    @Test
    void shouldFallBackToTitleCardsWhenTheSidecarIsDown() throws Exception {
        ReelflowStack stack = SERVERS.stack("it-sidecar-down");
        stack.prepare(workDir);
        VideoRequest request =
                VideoRequest.newBuilder()
                        .setRequestId("it-down-1")
                        .setText("A robot dances in an empty warehouse. Sparks fly from its arms.")
                        .setTargetDurationSeconds(3.0)
                        .setResolution("240p")
                        .setAttributes(Map.of())
                        .build();
        stack.kafka.send(
                stack.requestsTopic(), request.getRequestId(), VideoRequestCodec.toJson(request));

        Configuration config = stack.jobConfiguration("http://127.0.0.1:" + closedPort());
        config.set(GenerationOptions.MAX_ATTEMPTS, 3);
        config.set(GenerationOptions.INITIAL_BACKOFF, Duration.ofMillis(50));
        config.set(GenerationOptions.MAX_BACKOFF, Duration.ofMillis(200));
        // Results and status rows go through separate sinks: wait for the terminal status too.
        runJobUntil(
                config,
                () ->
                        countRows(stack, "video_results") == 1
                                && countRows(stack, "video_status") == 6);

        try (Connection sql = stack.sql()) {
            Map<String, Object> row = resultRow(sql, stack.name, request.getRequestId());
            assertThat(row.get("status")).isEqualTo("DEGRADED");
            // A DEGRADED result says why.
            assertThat(row.get("error")).asString().contains("fallback to title card");
            assertThat(row.get("video_uri"))
                    .asString()
                    .endsWith("/" + request.getRequestId() + ".mp4");
            assertThat(phases(sql, stack.name, request.getRequestId())).endsWith("DEGRADED");
        }
    }

    @Test
    void shouldReplayHistoryInBatchModeUnderItsOwnRunId() throws Exception {
        ReelflowStack stack = SERVERS.stack("it-replay");
        stack.prepare(workDir);
        List<VideoRequest> history = validRequests().subList(2, 4);
        for (VideoRequest request : history) {
            stack.kafka.send(
                    stack.requestsTopic(),
                    request.getRequestId(),
                    VideoRequestCodec.toJson(request));
        }
        Map<String, String> options =
                new LinkedHashMap<>(
                        stack.jobConfiguration(SERVERS.sidecar().baseUri().toString()).toMap());
        options.put(PipelineOptions.RUN_ID.key(), "it-replay-2026-11");
        List<String> args = new ArrayList<>(List.of("replay"));
        options.forEach((key, value) -> args.addAll(List.of("--" + key, value)));

        assertThat(ReelflowCli.run(args.toArray(String[]::new))).isZero();

        try (Connection sql = stack.sql()) {
            for (VideoRequest request : history) {
                Map<String, Object> row =
                        resultRow(sql, "it-replay-2026-11", request.getRequestId());
                assertThat(row.get("status")).isEqualTo("COMPLETED");
                assertThat(row.get("video_uri"))
                        .asString()
                        .endsWith("/videos/it-replay-2026-11/" + request.getRequestId() + ".mp4");
            }
            assertThat(countRows(stack, "video_results")).isZero();
        }
    }

    /**
     * Runs the (unbounded) job until {@code done} holds, checks it is still running — bad input and
     * sidecar failures must not stop it — and cancels it.
     */
    private static void runJobUntil(Configuration config, Callable<Boolean> done) throws Exception {
        ReelflowStack.runJobUntil(config, PARALLELISM, JOB_DEADLINE, done);
    }

    /** Records that must each end on the dead-letter topic; keyed by the reason they must give. */
    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static Map<String, RecordMetadata> publishBadRecords(ReelflowStack stack)
            throws Exception {
        Schema stranger =
                SchemaBuilder.record("Stranger").fields().requiredString("name").endRecord();
        GenericRecord strangerRecord = new GenericData.Record(stranger);
        strangerRecord.put("name", "not a request");
        byte[] unknownAvro =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger)
                        .encode(strangerRecord)
                        .array();

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put(
                "neither Avro single-object encoding nor JSON",
                new byte[] {0x01, 0x02, (byte) 0xff, 0x7b});
        bad.put("VideoRequest.text is required", utf8("{\"requestId\":\"bad-no-text\"}"));
        bad.put("text is empty", utf8("{\"requestId\":\"bad-empty\",\"text\":\"   \"}"));
        bad.put(
                "over the limit of 2000",
                utf8("{\"requestId\":\"bad-long\",\"text\":\"" + "a".repeat(2_001) + "\"}"));
        bad.put("unknown Avro schema", unknownAvro);
        bad.put(
                "must be 1-128 characters of [A-Za-z0-9._-]",
                utf8("{\"requestId\":\"no spaces allowed\",\"text\":\"t\"}"));
        bad.put(
                "targetDurationSeconds must be a number",
                utf8(
                        "{\"requestId\":\"bad-type\",\"text\":\"t\",\"targetDurationSeconds\":\"ten\"}"));
        bad.put("empty record value", null);
        // Over the size limit: its dead letter keeps 4 KB, the whole value goes to S3.
        bad.put("100000 bytes, over the limit of 65536 (not parsed)", filled(100_000, '['));

        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            sent.put(
                    entry.getKey(),
                    stack.kafka.send(stack.requestsTopic(), "bad", entry.getValue()));
        }
        return sent;
    }

    private void assertVideoCompleted(
            ReelflowStack stack, ObjectStore store, Connection sql, VideoRequest request)
            throws Exception {
        String id = request.getRequestId();
        Map<String, Object> row = resultRow(sql, stack.name, id);
        assertThat(row.get("status"))
                .as("status of %s: %s", id, row.get("error"))
                .isEqualTo("COMPLETED");

        Path video = workDir.resolve(id + ".mp4");
        store.get((String) row.get("video_uri"), video);
        VideoProbe probe = VideoProbe.of(video);
        int[] expectedSize =
                io.reelflow.operators.request.OutputFormat.resolve(
                        request.getResolution(), request.getAspectRatio());
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(expectedSize[0]);
        assertThat(probe.height()).isEqualTo(expectedSize[1]);
        assertThat(probe.durationSeconds())
                .isCloseTo(request.getTargetDurationSeconds(), within(1.0));
        assertThat(row.get("width")).isEqualTo(expectedSize[0]);

        Path thumbnail = workDir.resolve(id + ".jpg");
        store.get((String) row.get("thumbnail_uri"), thumbnail);
        assertThat(javax.imageio.ImageIO.read(thumbnail.toFile())).isNotNull();
        assertThat((String) row.get("video_uri"))
                .isEqualTo(store.uriOf("videos/" + stack.name + "/" + id + ".mp4"));

        assertThat(phases(sql, stack.name, id))
                .containsSubsequence(
                        "RECEIVED",
                        "LANGUAGE_DETECTED",
                        "SCENES_PLANNED",
                        "CLIPS_READY",
                        "RENDERED")
                .endsWith("COMPLETED");
    }

    private static void assertDeadLetters(
            ReelflowStack stack, Map<String, RecordMetadata> badRecords) throws Exception {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : stack.kafka.readAll(stack.deadLetterTopic())) {
            letters.add(RecordJson.fromJson(record.value(), DeadLetter.class));
        }
        assertThat(letters).hasSize(badRecords.size());
        DeadLetter large =
                letters.stream()
                        .filter(l -> l.getPayloadSize() == 100_000L)
                        .findFirst()
                        .orElseThrow();
        assertThat(large.getPayload().remaining()).isEqualTo(4_096);
        assertThat(large.getPayloadUri()).endsWith("dead-letters/" + large.getPayloadSha256());
        try (ObjectStore store = stack.objectStore()) {
            Path whole = Files.createTempFile("dead-letter", ".bin");
            store.get(large.getPayloadUri(), whole);
            assertThat(Files.size(whole)).isEqualTo(100_000L);
            Files.delete(whole);
        }
        badRecords.forEach(
                (reason, metadata) ->
                        assertThat(letters)
                                .as("dead letter for: %s", reason)
                                .anySatisfy(
                                        letter -> {
                                            assertThat(letter.getReason()).contains(reason);
                                            assertThat(letter.getSourceTopic())
                                                    .isEqualTo(stack.requestsTopic());
                                            assertThat(letter.getSourcePartition())
                                                    .isEqualTo(metadata.partition());
                                            assertThat(letter.getSourceOffset())
                                                    .isEqualTo(metadata.offset());
                                        }));
    }

    private static void assertResultsTopic(ReelflowStack stack, List<VideoRequest> requests)
            throws Exception {
        Map<String, VideoResult> results = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : stack.kafka.readAll(stack.resultsTopic())) {
            VideoResult result = RecordJson.fromJson(record.value(), VideoResult.class);
            assertThat(record.key()).isEqualTo(result.getRequestId());
            results.put(result.getRequestId(), result);
        }
        for (VideoRequest request : requests) {
            assertThat(results.get(request.getRequestId()).getStatus().name())
                    .isEqualTo("COMPLETED");
            assertThat(results.get(request.getRequestId()).getQuality().getPassed()).isTrue();
        }
        assertThat(results.get("bad-empty").getStatus().name()).isEqualTo("REJECTED");
        assertThat(results.get("bad-long").getError()).contains("over the limit");
    }

    private static Map<String, Object> resultRow(Connection sql, String runId, String requestId)
            throws Exception {
        try (PreparedStatement statement =
                sql.prepareStatement(
                        "SELECT * FROM video_results WHERE run_id = ? AND request_id = ?")) {
            statement.setString(1, runId);
            statement.setString(2, requestId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("video_results row for %s", requestId).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                }
                assertThat(rs.next()).isFalse();
                return row;
            }
        }
    }

    private static boolean terminalStatusWritten(ReelflowStack stack, String requestId)
            throws Exception {
        try (Connection sql = stack.sql()) {
            return phases(sql, stack.name, requestId).contains("DEGRADED");
        }
    }

    private static Map<String, Object> statusRow(
            Connection sql, String runId, String requestId, String phase) throws Exception {
        try (PreparedStatement statement =
                sql.prepareStatement(
                        "SELECT * FROM video_status WHERE run_id = ? AND request_id = ?"
                                + " AND phase = ?")) {
            statement.setString(1, runId);
            statement.setString(2, requestId);
            statement.setString(3, phase);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("%s status row for %s", phase, requestId).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                }
                return row;
            }
        }
    }

    private static JsonNode credits(Connection sql, String runId, String requestId)
            throws Exception {
        return JSON.readTree(String.valueOf(resultRow(sql, runId, requestId).get("credits")));
    }

    private static List<String> phases(Connection sql, String runId, String requestId)
            throws Exception {
        try (PreparedStatement statement =
                sql.prepareStatement(
                        "SELECT phase FROM video_status WHERE run_id = ? AND request_id = ? ORDER BY progress, at")) {
            statement.setString(1, runId);
            statement.setString(2, requestId);
            List<String> phases = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    phases.add(rs.getString(1));
                }
            }
            return phases;
        }
    }

    private static int countRows(ReelflowStack stack, String table) throws Exception {
        try (Connection sql = stack.sql();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "SELECT count(*) FROM " + table + " WHERE run_id = ?")) {
            statement.setString(1, stack.name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
