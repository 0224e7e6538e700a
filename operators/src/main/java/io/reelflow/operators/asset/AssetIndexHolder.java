package io.reelflow.operators.asset;

import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.CatalogAsset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AssetIndex} of one catalog, shared by every task of a JVM (task manager) and kept
 * current: one daemon thread polls the catalog's {@link AssetCatalog#version()} and, when it
 * changes (or, when the catalog cannot tell, when its content hash changes), builds a new index and
 * swaps it in atomically. A failed refresh keeps the index it has; an unreadable catalog at start
 * gives an empty index (every scene is generated) until a refresh succeeds.
 *
 * <pre>{@code
 * AssetIndexHolder holder = AssetIndexHolder.acquire(catalogFactory, Duration.ofSeconds(60));
 * try { new AssetRetriever(holder, config).retrieve(plan); } finally { holder.release(); }
 * }</pre>
 */
public final class AssetIndexHolder implements Supplier<AssetIndex> {
    private static final Logger LOG = LoggerFactory.getLogger(AssetIndexHolder.class);

    private static final Map<String, AssetIndexHolder> SHARED = new HashMap<>();

    private final String key;
    private final AssetCatalog catalog;
    private volatile AssetIndex current = AssetIndex.empty();
    private String lastVersion;
    private boolean loaded;
    private ScheduledExecutorService refresher;
    private int users;

    AssetIndexHolder(String key, AssetCatalog catalog) {
        this.key = key;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The holder of the catalog {@code factory} creates, loading it on first use; later calls with
     * an equal factory (same class and serialized form, as every subtask of a job has) and interval
     * share it. Pair every call with {@link #release()}.
     */
    public static AssetIndexHolder acquire(AssetCatalogFactory factory, Duration refreshInterval) {
        return acquire(keyOf(factory) + "@" + refreshInterval, factory, refreshInterval);
    }

    /** Like {@link #acquire(AssetCatalogFactory, Duration)} with a key of the caller's choice. */
    public static AssetIndexHolder acquire(
            String key, AssetCatalogFactory factory, Duration refreshInterval) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        synchronized (SHARED) {
            AssetIndexHolder holder = SHARED.get(key);
            if (holder == null) {
                holder = new AssetIndexHolder(key, factory.create());
                holder.refresh();
                holder.startRefreshing(refreshInterval);
                SHARED.put(key, holder);
            }
            holder.users++;
            return holder;
        }
    }

    /** Gives the holder back; the last user stops its refresh thread and forgets the index. */
    public void release() {
        synchronized (SHARED) {
            if (users == 0) {
                return;
            }
            users--;
            if (users == 0) {
                SHARED.remove(key, this);
                if (refresher != null) {
                    refresher.shutdownNow();
                    refresher = null;
                }
            }
        }
    }

    /** The current index; never null. */
    @Override
    public AssetIndex get() {
        return current;
    }

    /**
     * Polls the catalog once and swaps in a new index if its content changed.
     *
     * @return whether the index was replaced
     */
    public synchronized boolean refresh() {
        AssetIndex before = current;
        try {
            String version = catalog.version();
            if (loaded && version != null && version.equals(lastVersion)) {
                return false;
            }
            List<CatalogAsset> assets = catalog.loadAll();
            if (loaded && AssetIndex.contentHash(assets).equals(before.contentHash())) {
                lastVersion = version;
                return false;
            }
            AssetIndex fresh = AssetIndex.build(assets);
            current = fresh;
            lastVersion = version;
            loaded = true;
            LOG.info(
                    "Asset index of {} in use: {} assets, version {}",
                    catalog,
                    fresh.size(),
                    version);
            return true;
        } catch (Exception | LinkageError e) {
            if (loaded) {
                LOG.warn(
                        "Asset catalog {} could not be refreshed; keeping the index of {} assets",
                        catalog,
                        before.size(),
                        e);
            } else {
                LOG.error(
                        "Asset catalog {} unreadable; every scene is generated until it can be"
                                + " read",
                        catalog,
                        e);
            }
            return false;
        }
    }

    private void startRefreshing(Duration interval) {
        refresher =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "reelflow-asset-index-refresh");
                            thread.setDaemon(true);
                            return thread;
                        });
        long millis = interval.toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** SHA-256 of the factory's class and serialized form; its identity if it cannot serialize. */
    static String keyOf(AssetCatalogFactory factory) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
            out.flush();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(factory.getClass().getName().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes.toByteArray());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return factory.getClass().getName() + "#" + System.identityHashCode(factory);
        }
    }
}
