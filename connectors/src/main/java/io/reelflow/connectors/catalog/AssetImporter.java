package io.reelflow.connectors.catalog;

import io.reelflow.connectors.catalog.ImportedFile.Outcome;
import io.reelflow.connectors.catalog.internal.AssetIds;
import io.reelflow.connectors.catalog.internal.Sha256;
import io.reelflow.connectors.catalog.internal.Thumbnails;
import io.reelflow.connectors.internal.Checks;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.schemas.AssetKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Imports media into the {@link JdbcAssetCatalog}: for each file of a folder (recursively) or each
 * object under an {@code s3://bucket/prefix}, computes its SHA-256, skips it when those bytes are
 * already catalogued, probes it ({@link MediaProber}), uploads a folder's file to {@code
 * assets/<first 16 hex of sha256>/<file name>}, writes a JPEG thumbnail to {@code
 * assets/thumbnails/<sha256>.jpg} (not for music) and upserts its entry with the description given
 * for its file name. Files go through a small pool of threads. A file that cannot be read or probed
 * is rejected with its reason and the import goes on; a failing object store or database stops it,
 * and running it again continues where it stopped.
 *
 * <pre>{@code
 * ImportReport report = AssetImporter.builder()
 *         .catalog(catalog).objectStore(store)
 *         .descriptions(AssetDescriptions.read(List.of(tsv)))
 *         .build()
 *         .importFrom("/media/stock");
 * }</pre>
 */
public final class AssetImporter {
    public static final int DEFAULT_THREADS = 2;
    public static final String DEFAULT_LANGUAGE = "en";
    static final String ASSETS_PREFIX = "assets/";
    static final String THUMBNAILS_PREFIX = "assets/thumbnails/";
    private static final int UPLOAD_FOLDER_CHARS = 16;

    /** Files that travel with stock media but are not media; they are skipped, not rejected. */
    private static final Set<String> NON_MEDIA_EXTENSIONS =
            Set.of("tsv", "csv", "txt", "md", "json", "jsonl", "xml", "html", "pdf", "yaml", "yml");

    private final JdbcAssetCatalog catalog;
    private final ObjectStore store;
    private final ObjectLister lister;
    private final MediaProber prober;
    private final AssetDescriptions descriptions;
    private final String language;
    private final int threads;
    private final ImportListener listener;

    private AssetImporter(Builder builder) {
        // Probing and thumbnailing go through FFmpeg, which prints stream tables and complaints
        // about broken files on stderr; the report says what was rejected and why.
        FfmpegLogging.install();
        this.catalog = builder.catalog;
        this.store = builder.store;
        this.lister = builder.lister;
        this.prober = builder.prober;
        this.descriptions = builder.descriptions;
        this.language = builder.language;
        this.threads = builder.threads;
        this.listener = builder.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Imports a folder, or the objects under {@code source} when it starts with {@code s3://}. */
    public ImportReport importFrom(String source) throws IOException {
        return source.startsWith("s3://") ? importObjects(source) : importFolder(Path.of(source));
    }

    /** Imports every file under {@code folder} (hidden files excluded) and uploads it. */
    public ImportReport importFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("Not a folder: " + folder);
        }
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file :
                    files.filter(Files::isRegularFile)
                            .filter(file -> !isHidden(folder.relativize(file)))
                            .sorted(Comparator.comparing(Path::toString))
                            .toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                candidates.add(new Candidate(name, file.getFileName().toString(), file, null));
            }
        }
        return run(folder.toString(), candidates);
    }

    /** Imports the objects under an {@code s3://bucket/prefix}; they stay where they are. */
    public ImportReport importObjects(String uriPrefix) throws IOException {
        if (lister == null) {
            throw new IllegalStateException("importing " + uriPrefix + " needs an ObjectLister");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String uri : lister.list(uriPrefix)) {
            String fileName = uri.substring(uri.lastIndexOf('/') + 1);
            if (!fileName.startsWith(".")) {
                candidates.add(new Candidate(uri, fileName, null, uri));
            }
        }
        return run(uriPrefix, candidates);
    }

    /** A file to import: a local {@code file}, or an object at {@code uri} to download. */
    private record Candidate(String name, String fileName, Path file, String uri) {}

    private ImportReport run(String source, List<Candidate> candidates) throws IOException {
        long start = System.nanoTime();
        ImportedFile[] results = new ImportedFile[candidates.size()];
        List<Integer> media = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            String extension = extension(candidate.fileName());
            if (NON_MEDIA_EXTENSIONS.contains(extension)) {
                results[i] =
                        new ImportedFile(
                                candidate.name(),
                                Outcome.SKIPPED,
                                null,
                                "not media (." + extension + ")");
            } else {
                media.add(i);
            }
        }
        listener.onStart(media.size());
        Path workDir = Files.createTempDirectory("reelflow-import-");
        Map<String, String> seen = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        task -> {
                            Thread thread = new Thread(task, "asset-import");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            List<Future<ImportedFile>> futures = new ArrayList<>();
            for (int index : media) {
                Candidate candidate = candidates.get(index);
                futures.add(
                        pool.submit(
                                () -> {
                                    ImportedFile result =
                                            importOne(candidate, index, workDir, seen);
                                    synchronized (listener) {
                                        listener.onFileDone(
                                                result, done.incrementAndGet(), media.size());
                                    }
                                    return result;
                                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                results[media.get(i)] = await(futures.get(i));
            }
        } finally {
            pool.shutdownNow();
            deleteRecursively(workDir);
        }
        return new ImportReport(
                source, List.of(results), java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    private static ImportedFile await(Future<ImportedFile> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("Import stopped: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("Import stopped: " + cause, cause);
        }
    }

    /**
     * Imports one file. Problems with the file itself become a rejection; an {@link IOException}
     * means the store or catalog failed and stops the import.
     */
    private ImportedFile importOne(
            Candidate candidate, int index, Path workDir, Map<String, String> seen)
            throws IOException {
        Path local = candidate.file();
        if (candidate.uri() != null) {
            local = workDir.resolve(index + "-" + candidate.fileName());
            try {
                store.get(candidate.uri(), local);
            } catch (IOException e) {
                return rejected(candidate, "cannot download: " + e.getMessage());
            }
        }
        try {
            return importLocal(candidate, local, workDir, seen);
        } finally {
            if (candidate.uri() != null) {
                Files.deleteIfExists(local);
            }
        }
    }

    private ImportedFile importLocal(
            Candidate candidate, Path local, Path workDir, Map<String, String> seen)
            throws IOException {
        String checksum;
        try {
            checksum = Sha256.ofFile(local);
        } catch (IOException e) {
            return rejected(candidate, "cannot read: " + e.getMessage());
        }
        String firstWithSameBytes = seen.putIfAbsent(checksum, candidate.name());
        if (firstWithSameBytes != null) {
            return new ImportedFile(
                    candidate.name(),
                    Outcome.UNCHANGED,
                    null,
                    "same bytes as " + firstWithSameBytes);
        }
        Optional<AssetDescription> description =
                descriptions.forFile(candidate.fileName()).map(this::withDefaultLanguage);
        Optional<CatalogEntry> existing = catalog.findByChecksum(checksum);
        if (existing.isPresent()) {
            return redescribe(candidate, existing.get(), description);
        }
        MediaInfo info;
        try {
            info = prober.probe(local);
        } catch (RejectedMediaException e) {
            return rejected(candidate, e.getMessage());
        }
        Path thumbnail = null;
        if (info.kind() != AssetKind.MUSIC) {
            thumbnail = workDir.resolve(checksum + ".jpg");
            try {
                Thumbnails.write(local, info, thumbnail);
            } catch (IOException e) {
                return rejected(candidate, "cannot make a thumbnail: " + e.getMessage());
            }
        }
        try {
            String uri =
                    candidate.uri() != null
                            ? candidate.uri()
                            : store.put(
                                    ASSETS_PREFIX
                                            + checksum.substring(0, UPLOAD_FOLDER_CHARS)
                                            + "/"
                                            + candidate.fileName(),
                                    local,
                                    contentType(candidate.fileName()));
            String thumbnailUri =
                    thumbnail == null
                            ? null
                            : store.put(
                                    THUMBNAILS_PREFIX + checksum + ".jpg", thumbnail, "image/jpeg");
            AssetDescription said = description.orElse(AssetDescription.NONE);
            CatalogEntry entry =
                    new CatalogEntry(
                            said.id() != null
                                    ? said.id()
                                    : AssetIds.of(candidate.fileName(), checksum),
                            uri,
                            info.kind(),
                            info.durationSeconds(),
                            info.width(),
                            info.height(),
                            info.orientation(),
                            info.codec(),
                            info.rotation(),
                            said.title() != null
                                    ? said.title()
                                    : AssetIds.title(candidate.fileName()),
                            said.description(),
                            said.tags(),
                            said.language() != null ? said.language() : language,
                            said.licence(),
                            said.author(),
                            said.sourceUrl(),
                            checksum,
                            thumbnailUri);
            UpsertOutcome outcome = catalog.upsert(entry);
            return new ImportedFile(
                    candidate.name(),
                    outcome == UpsertOutcome.INSERTED ? Outcome.IMPORTED : Outcome.UPDATED,
                    entry.id(),
                    null);
        } catch (IllegalArgumentException e) {
            return rejected(candidate, e.getMessage());
        } finally {
            if (thumbnail != null) {
                Files.deleteIfExists(thumbnail);
            }
        }
    }

    /** Bytes already catalogued: only a changed description is written. */
    private ImportedFile redescribe(
            Candidate candidate, CatalogEntry existing, Optional<AssetDescription> description)
            throws IOException {
        if (description.isEmpty()) {
            return new ImportedFile(
                    candidate.name(), Outcome.UNCHANGED, existing.id(), "already catalogued");
        }
        try {
            UpsertOutcome outcome = catalog.upsert(existing.describedBy(description.get()));
            return outcome == UpsertOutcome.UNCHANGED
                    ? new ImportedFile(
                            candidate.name(),
                            Outcome.UNCHANGED,
                            existing.id(),
                            "already catalogued")
                    : new ImportedFile(
                            candidate.name(),
                            Outcome.UPDATED,
                            existing.id(),
                            "description changed");
        } catch (IllegalArgumentException e) {
            return rejected(candidate, e.getMessage());
        }
    }

    private AssetDescription withDefaultLanguage(AssetDescription description) {
        if (description.language() != null) {
            return description;
        }
        return description.overriddenBy(
                new AssetDescription(null, null, null, List.of(), language, null, null, null));
    }

    private static ImportedFile rejected(Candidate candidate, String reason) {
        return new ImportedFile(candidate.name(), Outcome.REJECTED, null, reason);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String contentType(String fileName) {
        String guessed = URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : "application/octet-stream";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Builds an {@link AssetImporter}; {@code catalog} and {@code objectStore} are required. */
    public static final class Builder {
        private JdbcAssetCatalog catalog;
        private ObjectStore store;
        private ObjectLister lister;
        private MediaProber prober = new MediaProber();
        private AssetDescriptions descriptions = AssetDescriptions.none();
        private String language = DEFAULT_LANGUAGE;
        private int threads = DEFAULT_THREADS;
        private ImportListener listener = ImportListener.NONE;

        private Builder() {}

        public Builder catalog(JdbcAssetCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** Where folder files and thumbnails are uploaded (and S3 objects downloaded from). */
        public Builder objectStore(ObjectStore store) {
            this.store = store;
            return this;
        }

        /** Lists {@code s3://} prefixes; only needed to import from object storage. */
        public Builder lister(ObjectLister lister) {
            this.lister = lister;
            return this;
        }

        public Builder prober(MediaProber prober) {
            this.prober = prober;
            return this;
        }

        /** Descriptions by file name; files without one get a title from their name. */
        public Builder descriptions(AssetDescriptions descriptions) {
            this.descriptions = descriptions;
            return this;
        }

        /** Language of the descriptions, where a description does not name its own. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** Files processed at the same time (probing and thumbnails are CPU-bound). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder listener(ImportListener listener) {
            this.listener = listener;
            return this;
        }

        public AssetImporter build() {
            Objects.requireNonNull(catalog, "catalog must be set");
            Objects.requireNonNull(store, "objectStore must be set");
            Objects.requireNonNull(prober, "prober must be set");
            Objects.requireNonNull(descriptions, "descriptions must be set");
            Objects.requireNonNull(listener, "listener must be set");
            Checks.requireText(language, "language");
            Checks.requirePositive(threads, "threads");
            return new AssetImporter(this);
        }
    }
}
