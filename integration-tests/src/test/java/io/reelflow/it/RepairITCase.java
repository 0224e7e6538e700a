package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.catalog.AssetDescription;
import io.reelflow.job.config.CatalogOptions;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.quality.SceneRepair;
import io.reelflow.operators.render.Renderer;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneQuality;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the repair stage ({@link SceneRepair}) in the whole job: the scene's best catalog match
 * is a black photo that the built-in scorer's picture checks fail, the next-best one is a detailed
 * picture, and the job replaces it, renders and scores once more, and completes with the repaired
 * video.
 */
class RepairITCase {
    private static final int PARALLELISM = 2;
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(3);
    private static final String BLACK = "black-zeppelin";
    private static final String BRIGHT = "bright-zeppelin";
    private static final String FINAL_STATUS =
            "SELECT message FROM video_status WHERE run_id = ?"
                    + " AND phase IN ('COMPLETED', 'DEGRADED', 'FAILED')";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @RegisterExtension static final EmbeddedServers SERVERS = EmbeddedServers.withoutSidecar();

    @TempDir Path workDir;

    private ReelflowStack stack;

    @Test
    void shouldReplaceTheFailedScenesAssetWithTheNextBestAndComplete() throws Exception {
        stack = SERVERS.stack("it-repair");
        stack.prepare(workDir);
        importZeppelins(stack);
        // Every scene has a stock photo, so no model server is asked: the URL goes nowhere.
        Configuration config = stack.jobConfiguration("http://127.0.0.1:9");
        // The asset index is shared per JVM and catalog; its own refresh interval gives this test
        // a fresh one that holds the photos imported just before.
        config.set(CatalogOptions.REFRESH_INTERVAL, Duration.ofMillis(1_357));
        VideoRequest request =
                VideoRequest.newBuilder()
                        .setRequestId("repair-1")
                        .setText("A silver zeppelin floats above the airfield at dawn.")
                        .setTargetDurationSeconds(2.0)
                        .setResolution("240p")
                        .setSubtitles(false)
                        .setAttributes(Map.of())
                        .build();
        stack.kafka.send(
                stack.requestsTopic(), request.getRequestId(), VideoRequestCodec.toJson(request));

        ReelflowStack.runJobUntil(
                config,
                PARALLELISM,
                JOB_DEADLINE,
                () ->
                        CommittedResults.arrived(stack, 1)
                                && !sql(stack, FINAL_STATUS.replace("message", "count(*)"))
                                        .equals("0"));

        VideoResult result = CommittedResults.onTopic(stack).get(0);
        assertThat(result.getStatus())
                .as("error: %s", result.getError())
                .isEqualTo(ResultStatus.COMPLETED);
        assertThat(result.getQuality().getRepairedScenes()).containsExactly(0);
        assertThat(result.getQuality().getScenes())
                .extracting(SceneQuality::getPassed)
                .containsOnly(true);
        assertThat(result.getQuality().getReasons())
                .containsExactly(
                        "scene 0 (black): replaced by the next-best catalog asset " + BRIGHT);
        assertThat(result.getCredits())
                .extracting(Credit::getAssetId)
                .contains(BRIGHT)
                .doesNotContain(BLACK);
        String repairedName = SceneRepair.repairObjectName(request.getRequestId());
        assertThat(result.getVideoUri()).endsWith(Renderer.videoKey(stack.name, repairedName));
        try (ObjectStore store = stack.objectStore()) {
            for (String key : Renderer.objectKeys(stack.name, request.getRequestId())) {
                assertThat(store.find(key)).as("the first video's %s is gone", key).isEmpty();
            }
            for (String key : Renderer.objectKeys(stack.name, repairedName)) {
                assertThat(store.find(key)).as("the repaired video's %s", key).isPresent();
            }
            Path video = workDir.resolve("repaired.mp4");
            store.get(result.getVideoUri(), video);
            assertThat(VideoProbe.of(video).codec()).isEqualTo("h264");
        }
        assertThat(
                        sql(
                                stack,
                                "SELECT status || '|' || (quality_breakdown->'repairedScenes'->>0)"
                                        + " || '|' || (quality_breakdown->'scenes'->0->>'passed')"
                                        + " FROM video_results WHERE run_id = ?"))
                .isEqualTo("COMPLETED|0|true");
        assertThat(sql(stack, FINAL_STATUS))
                .contains("repaired scene 0", "replaced by the next-best catalog asset " + BRIGHT);
    }

    /**
     * The scene's best match, black, and a detailed, less well described next-best one. The catalog
     * table is shared by the tests of the JVM: {@link #removeZeppelins} takes them out again.
     */
    private void importZeppelins(ReelflowStack stack) throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("zeppelins"));
        blackPhoto(folder.resolve("black.jpg"));
        detailedPhoto(folder.resolve("bright.jpg"));
        stack.importAssets(
                folder,
                Map.of(
                        "black.jpg",
                        description(
                                BLACK,
                                "A silver zeppelin floats above the airfield at dawn",
                                List.of("zeppelin", "airfield", "dawn", "silver")),
                        "bright.jpg",
                        description(BRIGHT, "A zeppelin in the sky", List.of("zeppelin"))));
    }

    /** Other tests' scenes must not get the black photo (the built-in scorer would fail them). */
    @AfterEach
    void removeZeppelins() throws Exception {
        try (Connection connection = stack.sql();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "DELETE FROM asset_catalog WHERE id IN (?, ?)")) {
            statement.setString(1, BLACK);
            statement.setString(2, BRIGHT);
            assertThat(statement.executeUpdate())
                    .as("zeppelins removed from the catalog")
                    .isEqualTo(2);
        }
    }

    private static void blackPhoto(Path file) throws Exception {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "jpg", file.toFile());
    }

    /** A sky with clouds and a hull: contrast and edges, as a real photo has (a flat one fails). */
    private static void detailedPhoto(Path file) throws Exception {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(
                new GradientPaint(0, 0, new Color(40, 90, 170), 0, 360, new Color(230, 200, 160)));
        g.fillRect(0, 0, 640, 360);
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            int shade = 150 + random.nextInt(106);
            g.setColor(new Color(shade, shade, shade));
            g.fillOval(
                    random.nextInt(640),
                    random.nextInt(200),
                    20 + random.nextInt(90),
                    10 + random.nextInt(40));
        }
        g.setColor(new Color(170, 170, 180));
        g.fillOval(180, 140, 280, 70);
        g.setColor(new Color(60, 60, 70));
        g.setStroke(new BasicStroke(3));
        for (int x = 200; x < 450; x += 25) {
            g.drawLine(x, 145, x, 205);
        }
        g.setColor(new Color(30, 60, 30));
        g.fillRect(0, 320, 640, 40);
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
    }

    private static AssetDescription description(String id, String text, List<String> tags) {
        return new AssetDescription(id, id, text, tags, "en", "CC0-1.0", "Test Author", null);
    }

    /** The one value {@code query} (with the run id as its parameter) selects. */
    private static String sql(ReelflowStack stack, String query) throws Exception {
        try (Connection connection = stack.sql();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, stack.name);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for %s", query).isTrue();
                return rows.getString(1);
            }
        }
    }
}
