package io.reelflow.operators.asset;

import static io.reelflow.operators.asset.AssetTestCatalog.photo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.CatalogAsset;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Tests for {@link AssetIndexHolder}. */
class AssetIndexHolderTest {

    /** A catalog whose content, version and failures the test sets. */
    static final class ScriptedCatalog implements AssetCatalog {
        volatile List<CatalogAsset> assets = List.of();
        volatile String version = "v1";
        volatile boolean failing;
        volatile int loads;

        @Override
        public List<CatalogAsset> loadAll() throws IOException {
            if (failing) {
                throw new IOException("catalog down");
            }
            loads++;
            return assets;
        }

        @Override
        public String version() throws IOException {
            if (failing) {
                throw new IOException("catalog down");
            }
            return version;
        }
    }

    /** Catalogs the serializable factories below hand out, by name. */
    static final Map<String, ScriptedCatalog> CATALOGS = new ConcurrentHashMap<>();

    private static final CatalogAsset LAKE = photo("lake", "A lake", "lake");
    private static final CatalogAsset FOREST = photo("forest", "A forest", "forest");

    @Test
    void shouldSwapTheIndexWhenTheVersionChanges() {
        ScriptedCatalog catalog = new ScriptedCatalog();
        catalog.assets = List.of(LAKE);
        AssetIndexHolder holder = new AssetIndexHolder("k", catalog);
        holder.refresh();
        AssetIndex first = holder.get();

        catalog.assets = List.of(LAKE, FOREST);
        boolean unchangedVersion = holder.refresh();
        catalog.version = "v2";
        boolean changedVersion = holder.refresh();

        assertThat(first.size()).isEqualTo(1);
        assertThat(unchangedVersion).isFalse();
        assertThat(changedVersion).isTrue();
        assertThat(holder.get()).isNotSameAs(first);
        assertThat(holder.get().size()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheIndexWhenARefreshFails() {
        ScriptedCatalog catalog = new ScriptedCatalog();
        catalog.assets = List.of(LAKE, FOREST);
        AssetIndexHolder holder = new AssetIndexHolder("k", catalog);
        holder.refresh();
        AssetIndex before = holder.get();

        catalog.failing = true;
        catalog.version = "v2";
        boolean swapped = holder.refresh();

        assertThat(swapped).isFalse();
        assertThat(holder.get()).isSameAs(before);
        assertThat(holder.get().size()).isEqualTo(2);
    }

    @Test
    void shouldStartEmptyWhenTheCatalogIsUnreadableAndLoadItLater() {
        ScriptedCatalog catalog = new ScriptedCatalog();
        catalog.assets = List.of(LAKE);
        catalog.failing = true;
        AssetIndexHolder holder = new AssetIndexHolder("k", catalog);

        holder.refresh();
        int atStart = holder.get().size();
        catalog.failing = false;
        holder.refresh();

        assertThat(atStart).isZero();
        assertThat(holder.get().size()).isEqualTo(1);
    }

    @Test
    void shouldCompareTheContentWhenTheCatalogHasNoVersion() {
        ScriptedCatalog catalog = new ScriptedCatalog();
        catalog.version = null;
        catalog.assets = List.of(LAKE, FOREST);
        AssetIndexHolder holder = new AssetIndexHolder("k", catalog);
        holder.refresh();
        AssetIndex first = holder.get();

        catalog.assets = List.of(FOREST, LAKE); // same content, other order
        boolean sameContent = holder.refresh();
        catalog.assets = List.of(FOREST);
        boolean otherContent = holder.refresh();

        assertThat(catalog.loads).isEqualTo(3);
        assertThat(sameContent).isFalse();
        assertThat(otherContent).isTrue();
        assertThat(holder.get()).isNotSameAs(first);
        assertThat(holder.get().size()).isEqualTo(1);
    }

    @Test
    void shouldShareOneIndexPerCatalogUntilTheLastUserReleasesIt() {
        ScriptedCatalog catalog = new ScriptedCatalog();
        catalog.assets = List.of(LAKE);
        CATALOGS.put("shared", catalog);
        AssetCatalogFactory factory = new NamedFactory("shared");
        AssetCatalogFactory equalFactory = new NamedFactory("shared");

        AssetIndexHolder first = AssetIndexHolder.acquire(factory, Duration.ofMinutes(5));
        AssetIndexHolder second = AssetIndexHolder.acquire(equalFactory, Duration.ofMinutes(5));
        first.release();
        second.release();
        AssetIndexHolder third = AssetIndexHolder.acquire(factory, Duration.ofMinutes(5));
        third.release();

        assertThat(second).isSameAs(first);
        assertThat(first.get().size()).isEqualTo(1);
        assertThat(third).isNotSameAs(first);
        assertThat(catalog.loads).isEqualTo(2);
    }

    @Test
    void shouldRefreshInTheBackground() throws InterruptedException {
        ScriptedCatalog catalog = new ScriptedCatalog();
        catalog.assets = List.of(LAKE);
        CATALOGS.put("polled", catalog);
        AssetIndexHolder holder =
                AssetIndexHolder.acquire(new NamedFactory("polled"), Duration.ofSeconds(1));
        try {
            catalog.assets = List.of(LAKE, FOREST);
            catalog.version = "v2";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (holder.get().size() != 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(holder.get().size()).isEqualTo(2);
        } finally {
            holder.release();
        }
    }

    /** A serializable factory, equal by name, as a job's subtasks each deserialize one. */
    private static final class NamedFactory implements AssetCatalogFactory {
        private static final long serialVersionUID = 1L;
        private final String name;

        NamedFactory(String name) {
            this.name = name;
        }

        @Override
        public AssetCatalog create() {
            return CATALOGS.get(name);
        }
    }
}
