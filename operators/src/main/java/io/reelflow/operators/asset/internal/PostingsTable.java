package io.reelflow.operators.asset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Every term of a one-segment Lucene index as plain arrays (documents, frequencies, norms), read
 * once when the index is built, and an exhaustive term-at-a-time search over them that scores
 * exactly as Lucene scores a scene's query (BM25 through the index's own {@link Similarity}, each
 * slot the best of its clauses plus {@link SceneQuery#TIE_BREAKER} of the others, slots summed).
 *
 * <p>Why not Lucene's own search: a scene query is 8–12 common words over 100,000 short documents,
 * where Lucene's dynamic pruning has little score spread to skip on, and every query decodes
 * postings blocks and allocates term enumerators anew. Adding up the postings of so few terms into
 * one array is cheaper, allocates almost nothing, and costs the same for every query. Thread-safe:
 * each search borrows its working arrays from a pool that lives with the table.
 */
public final class PostingsTable {

    /** One term's documents in increasing order, with its frequency and norm in each. */
    private record Postings(int[] docs, int[] freqAndNorm, TermStatistics statistics) {}

    /** A document and its score, as the search ranks them. */
    public record ScoredDoc(int doc, float score) {}

    private final Map<String, Map<String, Postings>> fields;
    private final Map<String, CollectionStatistics> collections;
    private final Similarity similarity;
    private final int maxDoc;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();

    private PostingsTable(
            Map<String, Map<String, Postings>> fields,
            Map<String, CollectionStatistics> collections,
            Similarity similarity,
            int maxDoc) {
        this.fields = fields;
        this.collections = collections;
        this.similarity = similarity;
        this.maxDoc = maxDoc;
    }

    /**
     * Reads every field of {@code leaf} that has frequencies and norms (the analysed text fields);
     * {@code collections} gives each field's statistics as the searcher sees them.
     */
    public static PostingsTable read(
            LeafReader leaf,
            Similarity similarity,
            java.util.function.Function<String, CollectionStatistics> collections) {
        Map<String, Map<String, Postings>> fields = new HashMap<>();
        Map<String, CollectionStatistics> statistics = new HashMap<>();
        try {
            for (FieldInfo info : leaf.getFieldInfos()) {
                if (info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS) < 0
                        || info.omitsNorms()) {
                    continue;
                }
                Terms terms = leaf.terms(info.name);
                CollectionStatistics collection = collections.apply(info.name);
                if (terms == null || collection == null) {
                    continue;
                }
                fields.put(info.name, readField(leaf, info.name, terms));
                statistics.put(info.name, collection);
            }
        } catch (IOException e) {
            // the index is in memory: only a bug gets here
            throw new UncheckedIOException(e);
        }
        return new PostingsTable(fields, statistics, similarity, leaf.maxDoc());
    }

    private static Map<String, Postings> readField(LeafReader leaf, String field, Terms terms)
            throws IOException {
        Map<String, Postings> postings = new HashMap<>();
        TermsEnum termsEnum = terms.iterator();
        PostingsEnum reuse = null;
        BytesRef term;
        while ((term = termsEnum.next()) != null) {
            int docFreq = termsEnum.docFreq();
            int[] docs = new int[docFreq];
            int[] freqAndNorm = new int[docFreq];
            // norms are read afresh for each term: their iterator only moves forward
            NumericDocValues norms = leaf.getNormValues(field);
            reuse = termsEnum.postings(reuse, PostingsEnum.FREQS);
            int n = 0;
            for (int doc = reuse.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = reuse.nextDoc()) {
                long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                docs[n] = doc;
                freqAndNorm[n] = reuse.freq() << 8 | ((int) norm & 0xFF);
                n++;
            }
            TermStatistics statistics =
                    new TermStatistics(
                            BytesRef.deepCopyOf(term), docFreq, termsEnum.totalTermFreq());
            postings.put(
                    term.utf8ToString(),
                    new Postings(
                            n == docFreq ? docs : Arrays.copyOf(docs, n),
                            n == docFreq ? freqAndNorm : Arrays.copyOf(freqAndNorm, n),
                            statistics));
        }
        return postings;
    }

    /** Documents that have {@code term} in {@code field}. */
    public int docFreq(String field, String term) {
        Postings postings = postings(field, term);
        return postings == null ? 0 : postings.docs().length;
    }

    /** Documents that have {@code field} at all. */
    public long docCount(String field) {
        CollectionStatistics collection = collections.get(field);
        return collection == null ? 0 : collection.docCount();
    }

    /** Whether {@code doc} has {@code term} in {@code field}. */
    public boolean contains(String field, String term, int doc) {
        Postings postings = postings(field, term);
        return postings != null && Arrays.binarySearch(postings.docs(), doc) >= 0;
    }

    /** Postings held, summed over all terms (for memory estimates). */
    public long size() {
        long total = 0;
        for (Map<String, Postings> terms : fields.values()) {
            for (Postings postings : terms.values()) {
                total += postings.docs().length;
            }
        }
        return total;
    }

    private Postings postings(String field, String term) {
        Map<String, Postings> terms = fields.get(field);
        return terms == null ? null : terms.get(term);
    }

    /**
     * The {@code limit} documents with the best score for {@code slots}, best first, ties to the
     * lower document: what {@code IndexSearcher.search(SceneQuery.toQuery(slots), limit)} returns.
     */
    public List<ScoredDoc> search(List<SceneQuery.Slot> slots, int limit) {
        if (limit < 1 || slots.isEmpty()) {
            return List.of();
        }
        Scratch scratch = scratches.poll();
        if (scratch == null) {
            scratch = new Scratch(maxDoc);
        }
        try {
            scratch.start();
            for (SceneQuery.Slot slot : slots) {
                addSlot(scratch, slot);
            }
            return scratch.top(limit);
        } finally {
            scratches.offer(scratch);
        }
    }

    private void addSlot(Scratch scratch, SceneQuery.Slot slot) {
        int clauses = slot.clauses().size();
        Postings[] found = new Postings[clauses];
        Similarity.SimScorer[] scorers = new Similarity.SimScorer[clauses];
        int n = 0;
        for (SceneQuery.Clause clause : slot.clauses()) {
            Postings postings = postings(clause.field(), clause.term());
            if (postings == null) {
                continue;
            }
            // the boost Lucene's nested BoostQuery and DisjunctionMaxQuery hand the term
            float boost = slot.weight() * clause.boost();
            found[n] = postings;
            scorers[n] =
                    similarity.scorer(
                            boost, collections.get(clause.field()), postings.statistics());
            n++;
        }
        if (n == 1) {
            addTerm(scratch, found[0], scorers[0]);
        } else if (n > 1) {
            addDisjunction(scratch, found, scorers, n);
        }
    }

    private static void addTerm(Scratch scratch, Postings postings, Similarity.SimScorer scorer) {
        int[] docs = postings.docs();
        int[] freqAndNorm = postings.freqAndNorm();
        for (int i = 0; i < docs.length; i++) {
            scratch.add(docs[i], score(scorer, freqAndNorm[i]));
        }
    }

    /**
     * Merges the first {@code n} clauses' postings; a document scores its best clause plus a share
     * of the others.
     */
    private static void addDisjunction(
            Scratch scratch, Postings[] postings, Similarity.SimScorer[] scorers, int n) {
        int[] at = new int[n];
        int[] next = new int[n]; // each clause's current document, MAX_VALUE when done
        for (int c = 0; c < n; c++) {
            int[] docs = postings[c].docs();
            next[c] = docs.length > 0 ? docs[0] : Integer.MAX_VALUE;
        }
        while (true) {
            int doc = Integer.MAX_VALUE;
            for (int c = 0; c < n; c++) {
                doc = Math.min(doc, next[c]);
            }
            if (doc == Integer.MAX_VALUE) {
                return;
            }
            // as DisjunctionMaxScorer: the best clause in float, the others summed in double
            float best = 0;
            double others = 0;
            for (int c = 0; c < n; c++) {
                if (next[c] == doc) {
                    int[] docs = postings[c].docs();
                    float score = score(scorers[c], postings[c].freqAndNorm()[at[c]]);
                    if (score >= best) {
                        others += best;
                        best = score;
                    } else {
                        others += score;
                    }
                    at[c]++;
                    next[c] = at[c] < docs.length ? docs[at[c]] : Integer.MAX_VALUE;
                }
            }
            scratch.add(doc, (float) (best + others * SceneQuery.TIE_BREAKER));
        }
    }

    private static float score(Similarity.SimScorer scorer, int freqAndNorm) {
        return scorer.score(freqAndNorm >>> 8, (byte) freqAndNorm);
    }

    /**
     * Working arrays of one search, as large as the index: a score per document, and which
     * documents this search touched (a generation stamp, so nothing is cleared between searches).
     */
    private static final class Scratch {
        private final double[] scores;
        private final int[] stamps;
        private final int[] touched;
        private int touchedCount;
        private int generation;

        Scratch(int maxDoc) {
            scores = new double[maxDoc];
            stamps = new int[maxDoc];
            touched = new int[maxDoc];
        }

        void start() {
            touchedCount = 0;
            generation++;
            if (generation == 0) { // wrapped after 2^32 searches: stamps of old ones could match
                Arrays.fill(stamps, 0);
                generation = 1;
            }
        }

        void add(int doc, float score) {
            if (stamps[doc] != generation) {
                stamps[doc] = generation;
                scores[doc] = score;
                touched[touchedCount++] = doc;
            } else {
                scores[doc] += score;
            }
        }

        /** A bounded min-heap over the touched documents: worst of the best at the root. */
        List<ScoredDoc> top(int limit) {
            int size = Math.min(limit, touchedCount);
            int[] heapDocs = new int[size];
            float[] heapScores = new float[size];
            int filled = 0;
            for (int i = 0; i < touchedCount; i++) {
                int doc = touched[i];
                float score = (float) scores[doc];
                if (filled < size) {
                    heapDocs[filled] = doc;
                    heapScores[filled] = score;
                    siftUp(heapDocs, heapScores, filled++);
                } else if (better(score, doc, heapScores[0], heapDocs[0])) {
                    heapDocs[0] = doc;
                    heapScores[0] = score;
                    siftDown(heapDocs, heapScores, size);
                }
            }
            ScoredDoc[] ranked = new ScoredDoc[size];
            for (int end = size - 1; end >= 0; end--) {
                ranked[end] = new ScoredDoc(heapDocs[0], heapScores[0]);
                heapDocs[0] = heapDocs[end];
                heapScores[0] = heapScores[end];
                siftDown(heapDocs, heapScores, end);
            }
            return Arrays.asList(ranked);
        }

        /** Higher score first; on equal scores the lower document, as Lucene's collector. */
        private static boolean better(float score, int doc, float otherScore, int otherDoc) {
            return score > otherScore || (score == otherScore && doc < otherDoc);
        }

        private static void siftUp(int[] docs, float[] scores, int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!better(scores[parent], docs[parent], scores[i], docs[i])) {
                    return;
                }
                swap(docs, scores, i, parent);
                i = parent;
            }
        }

        private static void siftDown(int[] docs, float[] scores, int size) {
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                if (left >= size) {
                    return;
                }
                int worst = left;
                int right = left + 1;
                if (right < size
                        && better(scores[worst], docs[worst], scores[right], docs[right])) {
                    worst = right;
                }
                if (!better(scores[i], docs[i], scores[worst], docs[worst])) {
                    return;
                }
                swap(docs, scores, i, worst);
                i = worst;
            }
        }

        private static void swap(int[] docs, float[] scores, int a, int b) {
            int doc = docs[a];
            docs[a] = docs[b];
            docs[b] = doc;
            float score = scores[a];
            scores[a] = scores[b];
            scores[b] = score;
        }
    }
}
