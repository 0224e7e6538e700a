package io.reelflow.connectors.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AssetCatalog} read from a JSON-lines manifest in object storage ({@code
 * s3://bucket/catalog/assets.jsonl}): one {@link CatalogAsset} per line, field names as the record
 * components, {@code kind} one of PHOTO, CLIP, MUSIC. A bad line is skipped with a warning naming
 * it, so one broken entry never takes the whole catalog down.
 */
public final class JsonLinesAssetCatalog implements AssetCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAssetCatalog.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ObjectStoreFactory storeFactory;
    private final String manifestUri;

    public JsonLinesAssetCatalog(ObjectStoreFactory storeFactory, String manifestUri) {
        this.storeFactory = Objects.requireNonNull(storeFactory, "storeFactory");
        this.manifestUri = Objects.requireNonNull(manifestUri, "manifestUri");
    }

    /** A serializable factory for tasks; each load opens and closes its own object store. */
    public static AssetCatalogFactory factory(ObjectStoreFactory storeFactory, String manifestUri) {
        Objects.requireNonNull(storeFactory, "storeFactory");
        Objects.requireNonNull(manifestUri, "manifestUri");
        return () -> new JsonLinesAssetCatalog(storeFactory, manifestUri);
    }

    @Override
    public List<CatalogAsset> loadAll() throws IOException {
        Path manifest = Files.createTempFile("reelflow-catalog-", ".jsonl");
        try (ObjectStore store = storeFactory.create()) {
            store.get(manifestUri, manifest);
            try (BufferedReader reader =
                    Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
                return parse(reader, manifestUri);
            }
        } finally {
            Files.deleteIfExists(manifest);
        }
    }

    /**
     * The assets of a JSON-lines manifest; blank lines are ignored and invalid lines are logged
     * with {@code source} and their line number, then skipped.
     */
    public static List<CatalogAsset> parse(Reader manifest, String source) throws IOException {
        BufferedReader reader =
                manifest instanceof BufferedReader buffered
                        ? buffered
                        : new BufferedReader(manifest);
        List<CatalogAsset> assets = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                assets.add(validate(JSON.readValue(line, CatalogAsset.class)));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn(
                        "Skipping line {} of asset catalog {}: {}",
                        lineNumber,
                        source,
                        firstLine(e.getMessage()));
            }
        }
        return assets;
    }

    /** Writes {@code assets} as a JSON-lines manifest that {@link #parse} reads back. */
    public static void write(List<CatalogAsset> assets, Path manifest) throws IOException {
        Path parent = manifest.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (BufferedWriter writer = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            for (CatalogAsset asset : assets) {
                writer.write(JSON.writeValueAsString(validate(asset)));
                writer.newLine();
            }
        }
    }

    private static CatalogAsset validate(CatalogAsset asset) {
        if (asset == null) {
            throw new IllegalArgumentException("not an asset (null)");
        }
        requireField(asset.id(), "id");
        requireField(asset.uri(), "uri of asset " + asset.id());
        if (asset.kind() == null) {
            throw new IllegalArgumentException("kind of asset " + asset.id() + " is missing");
        }
        if (asset.durationSeconds() < 0 || asset.width() < 0 || asset.height() < 0) {
            throw new IllegalArgumentException(
                    "asset " + asset.id() + " has a negative duration, width or height");
        }
        return asset;
    }

    private static void requireField(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public String toString() {
        return "JsonLinesAssetCatalog[" + manifestUri + "]";
    }
}
