package io.reelflow.operators.asset;

import io.reelflow.operators.asset.internal.AssetFields;
import io.reelflow.operators.asset.internal.DescriptionVectors;
import io.reelflow.operators.asset.internal.Fit;
import io.reelflow.operators.asset.internal.PostingsTable;
import io.reelflow.operators.asset.internal.SceneQuery;
import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.scene.Glossary;
import io.reelflow.operators.scene.internal.KeywordAnalyzers;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.Mood;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of an asset catalog. Every asset's title and description, and its tags,
 * are analysed with the analyzer of the asset's language; the glossary adds the English concepts
 * they name, so scenes in other languages find them. Built once per catalog version and never
 * changed: searches from many threads share it, and a refresh builds a new one.
 *
 * <pre>{@code
 * AssetIndex index = AssetIndex.build(catalog.loadAll());
 * }</pre>
 */
public final class AssetIndex {

    /** BM25's term-frequency saturation, Lucene's default (used to normalise scores). */
    static final double BM25_K1 = 1.2;

    private final CatalogAsset[] assets;
    private final List<MusicTrack> music;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final PostingsTable postings;
    private final int[] ordinals;
    private final int visualCount;
    private final String contentHash;
    private volatile DescriptionVectors vectors;

    /** A music asset and the moods its tags name. */
    record MusicTrack(CatalogAsset asset, Set<Mood> moods) {}

    /** A search result: the asset's ordinal and its raw BM25 score. */
    record Hit(int ordinal, int doc, double bm25) {}

    private AssetIndex(
            CatalogAsset[] assets,
            List<MusicTrack> music,
            DirectoryReader reader,
            int visualCount,
            String contentHash) {
        this.assets = assets;
        this.music = music;
        this.reader = reader;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
        if (searcher != null) {
            // every scene query is new: caching would only cost its bookkeeping
            searcher.setQueryCache(null);
        }
        this.postings = reader == null ? null : readPostings(reader, searcher);
        this.ordinals = reader == null ? new int[0] : readOrdinals(reader);
        this.visualCount = visualCount;
        this.contentHash = contentHash;
    }

    /**
     * The postings of every analysed field as arrays, which scene searches add up directly (index
     * README, "Search"); the index is force-merged, so it has one segment.
     */
    private static PostingsTable readPostings(DirectoryReader reader, IndexSearcher searcher) {
        if (reader.leaves().isEmpty()) {
            return null; // a catalog of music alone
        }
        if (reader.leaves().size() > 1) {
            throw new IllegalStateException("expected one segment after forceMerge(1)");
        }
        return PostingsTable.read(
                reader.leaves().get(0).reader(),
                searcher.getSimilarity(),
                field -> {
                    try {
                        return searcher.collectionStatistics(field);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Document number to position in the asset array. */
    private static int[] readOrdinals(DirectoryReader reader) {
        int[] ordinals = new int[reader.maxDoc()];
        Arrays.fill(ordinals, -1);
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(AssetFields.ORDINAL);
                for (int doc = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc();
                        doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = values.nextDoc()) {
                    ordinals[leaf.docBase + doc] = (int) values.longValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ordinals;
    }

    /** An index without assets: every scene goes to generation. */
    public static AssetIndex empty() {
        return new AssetIndex(new CatalogAsset[0], List.of(), null, 0, contentHash(List.of()));
    }

    /** Indexes {@code catalog} with the standard glossary. */
    public static AssetIndex build(List<CatalogAsset> catalog) {
        return build(catalog, Glossary.standard());
    }

    static AssetIndex build(List<CatalogAsset> catalog, Glossary glossary) {
        if (catalog.isEmpty()) {
            return empty();
        }
        CatalogAsset[] assets = catalog.toArray(new CatalogAsset[0]);
        Set<String> languageKeys = new LinkedHashSet<>();
        for (CatalogAsset asset : assets) {
            languageKeys.add(AssetFields.languageKey(asset.language()));
        }
        Map<String, Analyzer> perField = new HashMap<>();
        for (String key : languageKeys) {
            Analyzer analyzer = KeywordAnalyzers.forLanguage(key);
            perField.put(AssetFields.text(key), analyzer);
            perField.put(AssetFields.tags(key), analyzer);
        }
        WhitespaceAnalyzer whitespace = new WhitespaceAnalyzer();
        perField.put(AssetFields.CONCEPTS, whitespace);
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);

        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<MusicTrack> music = new ArrayList<>();
        int visual = 0;
        IndexWriterConfig config =
                new IndexWriterConfig(analyzer)
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                        .setRAMBufferSizeMB(64)
                        .setCommitOnClose(true);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int ordinal = 0; ordinal < assets.length; ordinal++) {
                CatalogAsset asset = assets[ordinal];
                // music is chosen by mood from the list; keeping it out of the index spares
                // every scene search an exclusion clause
                if (asset.kind() == AssetKind.MUSIC) {
                    music.add(new MusicTrack(asset, Fit.moods(asset)));
                } else {
                    writer.addDocument(document(ordinal, asset, glossary));
                    visual++;
                }
            }
            writer.forceMerge(1);
            writer.commit();
            return new AssetIndex(
                    assets,
                    List.copyOf(music),
                    DirectoryReader.open(directory),
                    visual,
                    contentHash(catalog));
        } catch (IOException e) {
            // the directory is in memory: only a bug gets here
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(int ordinal, CatalogAsset asset, Glossary glossary) {
        String key = AssetFields.languageKey(asset.language());
        String text = join(asset.title(), asset.description());
        String tags = String.join(" , ", asset.tags());
        Document doc = new Document();
        doc.add(new NumericDocValuesField(AssetFields.ORDINAL, ordinal));
        doc.add(
                new StringField(
                        AssetFields.KIND,
                        asset.kind().name().toLowerCase(Locale.ROOT),
                        Field.Store.NO));
        doc.add(
                new StringField(
                        AssetFields.ORIENTATION,
                        Fit.orientation(asset.width(), asset.height()),
                        Field.Store.NO));
        doc.add(new DoubleField(AssetFields.DURATION, asset.durationSeconds(), Field.Store.NO));
        doc.add(new TextField(AssetFields.text(key), text, Field.Store.NO));
        doc.add(new TextField(AssetFields.tags(key), tags, Field.Store.NO));
        String tagConcepts = String.join(" ", glossary.concepts(tags, key));
        String textConcepts = String.join(" ", glossary.concepts(text, key));
        doc.add(
                new TextField(
                        AssetFields.CONCEPTS,
                        tagConcepts + " " + tagConcepts + " " + textConcepts,
                        Field.Store.NO));
        return doc;
    }

    /**
     * What the catalog says an asset shows: its title and description as one text (tags when it has
     * neither), or {@code null} when it says nothing. Retrieval compares it with a scene's prompt
     * and {@code AssetMatch.description} carries it to quality scoring.
     */
    public static String describe(CatalogAsset asset) {
        String text = join(asset.title(), asset.description());
        if (text.isBlank()) {
            text = String.join(", ", asset.tags());
        }
        return text.isBlank() ? null : text;
    }

    private static String join(String title, String description) {
        StringBuilder text = new StringBuilder();
        if (title != null && !title.isBlank()) {
            text.append(title.strip());
        }
        if (description != null && !description.isBlank()) {
            text.append(text.length() > 0 ? ". " : "").append(description.strip());
        }
        return text.toString();
    }

    /** All assets, music included. */
    public int size() {
        return assets.length;
    }

    /** Photos and clips. */
    public int visualCount() {
        return visualCount;
    }

    public int musicCount() {
        return music.size();
    }

    /** SHA-256 of the catalog's content, independent of its order. */
    public String contentHash() {
        return contentHash;
    }

    CatalogAsset asset(int ordinal) {
        return assets[ordinal];
    }

    /**
     * The sentence vector of the asset's {@link #describe description}, or {@code null} when it has
     * none. Computed on first use and kept in a cache of at most {@code capacity} vectors (least
     * recently used out), which lives and dies with this index.
     */
    float[] descriptionVector(int ordinal, SentenceEmbedder embedder, int capacity) {
        DescriptionVectors cache = vectors;
        if (cache == null) {
            synchronized (this) {
                if (vectors == null) {
                    vectors = new DescriptionVectors(capacity);
                }
                cache = vectors;
            }
        }
        return cache.get(
                ordinal,
                () -> {
                    String text = describe(assets[ordinal]);
                    return text == null ? null : embedder.embed(text);
                });
    }

    List<MusicTrack> music() {
        return music;
    }

    /**
     * The {@code limit} photos and clips (the only documents) with the best BM25 score, best first,
     * ties to the earlier document; term at a time over the {@link PostingsTable}.
     */
    List<Hit> search(List<SceneQuery.Slot> slots, int limit) {
        if (postings == null || slots.isEmpty() || visualCount == 0) {
            return List.of();
        }
        List<PostingsTable.ScoredDoc> top = postings.search(slots, limit);
        List<Hit> hits = new ArrayList<>(top.size());
        for (PostingsTable.ScoredDoc scored : top) {
            hits.add(new Hit(ordinals[scored.doc()], scored.doc(), scored.score()));
        }
        return hits;
    }

    /**
     * What {@link #search} returns, through Lucene's own {@link IndexSearcher} and query: the
     * reference that tests hold the postings table to.
     */
    List<Hit> searchWithLucene(List<SceneQuery.Slot> slots, int limit) {
        if (searcher == null || slots.isEmpty() || visualCount == 0) {
            return List.of();
        }
        try {
            TopDocs top =
                    searcher.search(
                            SceneQuery.toQuery(slots),
                            new TopScoreDocCollectorManager(limit, null, limit));
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                hits.add(new Hit(ordinals[scoreDoc.doc], scoreDoc.doc, scoreDoc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The BM25 score of an ideal asset for {@code slots}: one that names every slot once, at
     * average length, in the slot's most telling field. Words no asset has count as if one asset
     * had them, so a scene's unmatched words lower its relevance.
     */
    double idealScore(List<SceneQuery.Slot> slots) {
        if (postings == null) {
            return 0;
        }
        int allDocs = Math.max(1, reader.numDocs());
        double ideal = 0;
        for (SceneQuery.Slot slot : slots) {
            double best = 0;
            double maxBoost = 0;
            for (SceneQuery.Clause clause : slot.clauses()) {
                maxBoost = Math.max(maxBoost, clause.boost());
                int docFreq = postings.docFreq(clause.field(), clause.term());
                if (docFreq > 0) {
                    long docCount = postings.docCount(clause.field());
                    best = Math.max(best, clause.boost() * idf(docCount, docFreq));
                }
            }
            if (best == 0) {
                best = maxBoost * idf(allDocs, 1);
            }
            ideal += slot.weight() * best / (1 + BM25_K1);
        }
        return ideal;
    }

    /** The labels of the slots that {@code doc} matches, in slot order. */
    List<String> matchedLabels(int doc, List<SceneQuery.Slot> slots) {
        List<String> labels = new ArrayList<>();
        for (SceneQuery.Slot slot : slots) {
            for (SceneQuery.Clause clause : slot.clauses()) {
                if (postings.contains(clause.field(), clause.term(), doc)) {
                    if (!labels.contains(clause.label())) {
                        labels.add(clause.label());
                    }
                    break;
                }
            }
        }
        return labels;
    }

    /** Lucene's BM25 inverse document frequency. */
    private static double idf(long docCount, long docFreq) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    static String contentHash(List<CatalogAsset> catalog) {
        List<String> rows = new ArrayList<>(catalog.size());
        for (CatalogAsset asset : catalog) {
            rows.add(asset.toString());
        }
        rows.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                digest.update(row.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
