package io.reelflow.benchmarks.asset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.operators.asset.AssetIndex;
import io.reelflow.operators.asset.AssetRetriever;
import io.reelflow.operators.asset.AssetRetrieverConfig;
import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.Transition;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision at 1 and MRR of asset retrieval on labelled scene sentences in six languages, over a
 * catalog of the 49 described photos of the shared media: each sentence goes through the real
 * {@link SceneAnalyzer} and the real {@link AssetRetriever}, with and without the concept glossary,
 * and with the glossary at each dense weight of {@code --dense-weights} (the sentence embedder
 * re-ranking BM25's candidates). Writes JSON to {@code --out}.
 *
 * <pre>
 * --media DIR      folder with DESCRIPTIONS.tsv and MANIFEST.tsv (required)
 * --out PATH       JSON result (required)
 * --queries PATH   labelled queries (default: the bundled retrieval-queries.tsv)
 * --min-score X    the retriever's minimum score (default: AssetRetrieverConfig's)
 * --dense-weights  comma-separated dense weights to evaluate with the glossary (default 0,0.15,0.3,0.5)
 * </pre>
 */
public final class RetrievalEvaluation {

    private static final String QUERIES = "/io/reelflow/benchmarks/asset/retrieval-queries.tsv";
    private static final int RANK_DEPTH = 10;
    private static final double SCENE_SECONDS = 5.0;

    private RetrievalEvaluation() {}

    /** One labelled sentence; no expected file means no photo fits. */
    record LabelledQuery(String language, Set<String> expected, String text) {}

    public static void main(String[] args) throws IOException {
        AvroClassTrust.install();
        Map<String, String> options = parse(args);
        Path media = Path.of(required(options, "media"));
        Path out = Path.of(required(options, "out"));
        AssetRetrieverConfig config = AssetRetrieverConfig.defaults();
        if (options.containsKey("min-score")) {
            config = config.withMinScore(Double.parseDouble(options.get("min-score")));
        }
        List<LabelledQuery> queries;
        if (options.containsKey("queries")) {
            try (BufferedReader reader = Files.newBufferedReader(Path.of(options.get("queries")))) {
                queries = readQueries(reader);
            }
        } else {
            try (InputStream in = RetrievalEvaluation.class.getResourceAsStream(QUERIES)) {
                queries =
                        readQueries(
                                new BufferedReader(
                                        new InputStreamReader(in, StandardCharsets.UTF_8)));
            }
        }
        List<CatalogAsset> catalog =
                readCatalog(media.resolve("DESCRIPTIONS.tsv"), media.resolve("MANIFEST.tsv"));
        AssetIndex index = AssetIndex.build(catalog);
        AssetRetrieverConfig bm25 = config.withDenseWeight(0);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("catalogAssets", catalog.size());
        result.put("queries", queries.size());
        result.put("minScore", config.minScore());
        result.put("withGlossary", evaluate(index, queries, bm25.withGlossary(true), null));
        result.put("withoutGlossary", evaluate(index, queries, bm25.withGlossary(false), null));
        Map<String, Object> dense = new LinkedHashMap<>();
        try (SentenceEmbedder embedder = SentenceEmbedder.load()) {
            for (String weight :
                    options.getOrDefault("dense-weights", "0,0.15,0.3,0.5").split(",")) {
                AssetRetrieverConfig withDense =
                        config.withGlossary(true).withDenseWeight(Double.parseDouble(weight));
                dense.put(weight.strip(), evaluate(index, queries, withDense, embedder));
            }
        }
        result.put("withGlossaryAndDense", dense);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), result);
        System.out.println(
                new ObjectMapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(
                                Map.of(
                                        "withGlossary",
                                        summaryOf(result.get("withGlossary")),
                                        "withoutGlossary",
                                        summaryOf(result.get("withoutGlossary")),
                                        "withGlossaryAndDense",
                                        denseSummaries(dense))));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    private static Object summaryOf(Object run) {
        Map<String, Object> map = (Map<String, Object>) run;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("overall", map.get("overall"));
        summary.put("perLanguage", map.get("perLanguage"));
        summary.put("negativesRejected", map.get("negativesRejected"));
        return summary;
    }

    private static Map<String, Object> denseSummaries(Map<String, Object> runs) {
        Map<String, Object> summaries = new LinkedHashMap<>();
        runs.forEach((weight, run) -> summaries.put(weight, summaryOf(run)));
        return summaries;
    }

    static Map<String, Object> evaluate(
            AssetIndex index,
            List<LabelledQuery> queries,
            AssetRetrieverConfig config,
            SentenceEmbedder embedder) {
        SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
        AssetRetriever retriever = new AssetRetriever(index, config, embedder);
        RenderSpec spec = spec();
        RetrievalScores scores = new RetrievalScores();
        List<Map<String, Object>> misses = new ArrayList<>();
        int multiScene = 0;
        for (LabelledQuery query : queries) {
            List<Scene> scenes = analyzer.analyze(query.text(), query.language(), SCENE_SECONDS);
            if (scenes.size() > 1) {
                multiScene++;
            }
            Scene scene = scenes.get(0);
            List<AssetMatch> ranked = retriever.rank(scene, spec, query.language(), RANK_DEPTH);
            List<String> ids = new ArrayList<>(ranked.size());
            ranked.forEach(m -> ids.add(m.getAssetId()));
            AssetMatch accepted =
                    retriever
                            .retrieve(plan(query.language(), spec, scene))
                            .scenes()
                            .get(0)
                            .orElse(null);
            String acceptedId = accepted == null ? null : accepted.getAssetId();
            boolean right;
            if (query.expected().isEmpty()) {
                scores.addNegative(acceptedId);
                right = acceptedId == null;
            } else {
                scores.add(query.language(), query.expected(), ids, acceptedId);
                right = acceptedId != null && query.expected().contains(acceptedId);
            }
            if (!right) {
                Map<String, Object> miss = new LinkedHashMap<>();
                miss.put("language", query.language());
                miss.put("text", query.text());
                miss.put("expected", query.expected());
                miss.put("keywords", scene.getKeywords());
                miss.put("top", ids.isEmpty() ? null : ids.get(0));
                miss.put("topScore", ranked.isEmpty() ? null : round(ranked.get(0).getScore()));
                miss.put("topReasons", ranked.isEmpty() ? null : ranked.get(0).getReasons());
                miss.put("accepted", acceptedId);
                misses.add(miss);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("glossary", config.glossary());
        result.put("denseWeight", embedder == null ? 0 : config.denseWeight());
        result.put("overall", scores.overall());
        result.put("perLanguage", scores.perLanguage());
        result.put("negatives", scores.negatives());
        result.put("negativesRejected", round(scores.negativesRejected()));
        result.put("multiSceneQueries", multiScene);
        result.put("misses", misses);
        return result;
    }

    /** The queries file: language, expected files (comma-separated or "-"), sentence. */
    static List<LabelledQuery> readQueries(BufferedReader reader) throws IOException {
        List<LabelledQuery> queries = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalArgumentException(
                        "queries line " + number + ": expected 3 tab-separated columns");
            }
            Set<String> expected = new LinkedHashSet<>();
            if (!columns[1].strip().equals("-")) {
                for (String file : columns[1].split(",")) {
                    expected.add(file.strip());
                }
            }
            queries.add(new LabelledQuery(columns[0].strip(), expected, columns[2].strip()));
        }
        return queries;
    }

    /**
     * Photos from {@code DESCRIPTIONS.tsv} (file, orientation, description, comma-separated tags),
     * credited from {@code MANIFEST.tsv} (file, source package, original name, licence, author).
     */
    static List<CatalogAsset> readCatalog(Path descriptions, Path manifest) throws IOException {
        Map<String, String[]> credits = new HashMap<>();
        if (Files.exists(manifest)) {
            List<String> rows = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            for (String line : rows.subList(Math.min(1, rows.size()), rows.size())) {
                String[] columns = line.split("\t");
                if (columns.length >= 5) {
                    credits.put(columns[0], columns);
                }
            }
        }
        List<CatalogAsset> assets = new ArrayList<>();
        List<String> lines = Files.readAllLines(descriptions, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            if (columns.length < 4) {
                continue;
            }
            boolean portrait = columns[1].strip().equals("portrait");
            String[] credit = credits.get(columns[0]);
            assets.add(
                    new CatalogAsset(
                            columns[0],
                            "file:photos/" + columns[0],
                            AssetKind.PHOTO,
                            0,
                            portrait ? 1080 : 1920,
                            portrait ? 1920 : 1080,
                            null,
                            columns[2],
                            List.of(columns[3].split(",")),
                            "en",
                            credit == null ? null : credit[3],
                            credit == null ? null : credit[4],
                            null,
                            null));
        }
        return assets;
    }

    private static RenderSpec spec() {
        return RenderSpec.newBuilder()
                .setWidth(1280)
                .setHeight(720)
                .setFps(25)
                .setTargetDurationSeconds(SCENE_SECONDS)
                .setSubtitles(true)
                .setStyle(null)
                .setTransition(Transition.CROSSFADE)
                .setTransitionSeconds(0.6)
                .setMusic(false)
                .build();
    }

    private static ScenePlan plan(String language, RenderSpec spec, Scene scene) {
        return ScenePlan.newBuilder()
                .setRequestId("eval")
                .setRunId("eval")
                .setLanguage(language)
                .setLanguageConfidence(1.0)
                .setSpec(spec)
                .setScenes(List.of(scene))
                .setWarnings(List.of())
                .setSceneAssets(List.of())
                .setMusic(null)
                .build();
    }

    private static double round(double value) {
        return RetrievalScores.round(value);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
