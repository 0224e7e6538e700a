package io.reelflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.embedded.EmbeddedPostgresServer;
import io.reelflow.operators.port.JobRegistry;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.RegisteredJob;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link JdbcJobRegistry} on embedded PostgreSQL. */
class JdbcJobRegistryITCase {
    private static final String KEY = "a".repeat(64);
    private static final Duration FRESH = Duration.ofHours(1);

    private static EmbeddedPostgresServer postgres;
    private static JdbcSettings settings;

    private final JobRegistry registry = new JdbcJobRegistry(settings);

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        settings = JdbcSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password());
        JdbcSchema.apply(settings);
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @BeforeEach
    void emptyRegistry() throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(
                                settings.url(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE generation_jobs");
        }
    }

    @Test
    void shouldGiveAFreeKeyToTheFirstClaimantOnly() throws Exception {
        Optional<RegisteredJob> first = registry.claim(KEY, "tm-1", FRESH);
        Optional<RegisteredJob> second = registry.claim(KEY, "tm-2", FRESH);
        Optional<RegisteredJob> again = registry.claim(KEY, "tm-1", FRESH);

        assertThat(first).isEmpty();
        assertThat(second)
                .hasValueSatisfying(
                        claim -> {
                            assertThat(claim.owner()).isEqualTo("tm-1");
                            assertThat(claim.submitted()).isFalse();
                        });
        assertThat(again).as("an owner may claim its own key again").isEmpty();
    }

    @Test
    void shouldHandTheRegisteredJobToEveryLaterClaimant() throws Exception {
        registry.claim(KEY, "tm-1", FRESH);
        registry.submitted(KEY, "gpu-0", "job-42");

        Optional<RegisteredJob> later = registry.claim(KEY, "tm-2", Duration.ofMillis(1));

        assertThat(later)
                .hasValueSatisfying(
                        job -> {
                            assertThat(job.submitted()).isTrue();
                            assertThat(job.endpoint()).isEqualTo("gpu-0");
                            assertThat(job.jobId()).isEqualTo("job-42");
                            assertThat(job.owner()).isEqualTo("tm-1");
                            assertThat(job.updatedAt()).isNotNull();
                        });
        assertThat(registry.find(KEY)).isEqualTo(later);
    }

    @Test
    void shouldLetAStaleClaimWithoutAJobBeTakenOver() throws Exception {
        registry.claim(KEY, "tm-1", FRESH);
        Thread.sleep(20);

        assertThat(registry.claim(KEY, "tm-2", FRESH)).isPresent();
        assertThat(registry.claim(KEY, "tm-2", Duration.ofMillis(10))).isEmpty();
        assertThat(registry.find(KEY))
                .hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("tm-2"));
    }

    @Test
    void shouldForgetAReleasedKey() throws Exception {
        registry.claim(KEY, "tm-1", FRESH);
        registry.submitted(KEY, "gpu-0", "job-42");

        registry.release(KEY);

        assertThat(registry.find(KEY)).isEmpty();
        assertThat(registry.claim(KEY, "tm-2", FRESH)).isEmpty();
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentClaimantsSubmit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "tm-" + i;
                claims.add(() -> registry.claim(KEY, owner, FRESH).isEmpty());
            }
            int winners = 0;
            for (Future<Boolean> won : pool.invokeAll(claims)) {
                winners += won.get() ? 1 : 0;
            }
            assertThat(winners).isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldShipItsFactoryWithTheJobGraph() throws Exception {
        JobRegistryFactory factory = JdbcJobRegistry.factory(settings);

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(factory);
        }
        try (JobRegistry created = factory.create()) {
            assertThat(created.find(KEY)).isEmpty();
        }
    }
}
