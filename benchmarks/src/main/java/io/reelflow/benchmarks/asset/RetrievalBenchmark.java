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
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.Transition;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Latency and memory of asset retrieval over a synthetic catalog: seeded random descriptions and
 * tags drawn (Zipf-distributed) from the concept glossary's words, in English (80 %) and German,
 * French, Spanish, Russian (5 % each); 60 % photos, 35 % clips, 5 % music; mixed orientations.
 * Reports index build time, heap per asset, and p50/p99/max of single-scene retrieval (wall and the
 * thread's CPU time) and of six-scene plan retrieval after a warm-up, on one thread. Writes JSON to
 * {@code --out}.
 *
 * <pre>
 * --out PATH        JSON result (required)
 * --assets N        catalog size (default 100000)
 * --queries N       timed single-scene retrievals (default 20000)
 * --plans N         timed six-scene plan retrievals (default 3000)
 * --warmup N        untimed retrievals first (default 5000)
 * --seed N          random seed (default 42)
 * --dense-weight W  share of the dense signal (default 0: BM25 alone; above 0 loads the sentence
 *                   embedder, whose description vectors are computed lazily and cached)
 * </pre>
 */
public final class RetrievalBenchmark {

    private static final String GLOSSARY = "/io/reelflow/operators/scene/concept-glossary.txt";
    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "ru"};
    private static final int[] GLOSSARY_COLUMNS = {0, 1, 2, 3, 6};
    private static final int DISTINCT_SCENES = 2_000;
    private static final int PLAN_SCENES = 6;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RetrievalBenchmark() {}

    public static void main(String[] args) throws IOException {
        AvroClassTrust.install();
        Map<String, String> options = RetrievalEvaluation.parse(args);
        Path out = Path.of(required(options, "out"));
        int assetCount = Integer.parseInt(options.getOrDefault("assets", "100000"));
        int queryCount = Integer.parseInt(options.getOrDefault("queries", "20000"));
        int planCount = Integer.parseInt(options.getOrDefault("plans", "3000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        double denseWeight = Double.parseDouble(options.getOrDefault("dense-weight", "0"));

        List<List<String>> vocabulary = vocabulary();
        Random random = new Random(seed);
        long heapStart = usedHeapAfterGc();
        List<CatalogAsset> catalog = catalog(assetCount, vocabulary, random);
        long heapCatalog = usedHeapAfterGc();
        long buildStart = System.nanoTime();
        AssetIndex index = AssetIndex.build(catalog);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        long heapIndex = usedHeapAfterGc();

        SentenceEmbedder embedder = denseWeight > 0 ? SentenceEmbedder.load() : null;
        AssetRetriever retriever =
                new AssetRetriever(
                        index,
                        AssetRetrieverConfig.defaults().withDenseWeight(denseWeight),
                        embedder);
        List<SceneTask> tasks = tasks(vocabulary, random);
        for (int i = 0; i < warmup; i++) {
            retriever.retrieve(tasks.get(i % tasks.size()));
        }
        long[] sceneNanos = new long[queryCount];
        long[] sceneCpuNanos = new long[queryCount];
        int matched = 0;
        for (int i = 0; i < queryCount; i++) {
            SceneTask task = tasks.get(i % tasks.size());
            // CPU time beside wall time: on a shared machine the wall-clock tail is mostly
            // waiting for a core, which the thread's CPU time leaves out
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            boolean found = retriever.retrieve(task).isPresent();
            sceneNanos[i] = System.nanoTime() - start;
            sceneCpuNanos[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            matched += found ? 1 : 0;
        }
        List<ScenePlan> plans = plans(tasks, random);
        for (int i = 0; i < Math.min(warmup / PLAN_SCENES, plans.size()); i++) {
            retriever.retrieve(plans.get(i));
        }
        long[] planNanos = new long[planCount];
        for (int i = 0; i < planCount; i++) {
            ScenePlan plan = plans.get(i % plans.size());
            long start = System.nanoTime();
            retriever.retrieve(plan);
            planNanos[i] = System.nanoTime() - start;
        }

        if (embedder != null) {
            embedder.close();
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("assets", assetCount);
        result.put("denseWeight", denseWeight);
        result.put("java", System.getProperty("java.version"));
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        result.put("indexBuildSeconds", round(buildSeconds));
        result.put("catalogHeapBytesPerAsset", (heapCatalog - heapStart) / assetCount);
        result.put("indexHeapBytesPerAsset", (heapIndex - heapCatalog) / assetCount);
        result.put("indexHeapMb", round((heapIndex - heapCatalog) / 1e6));
        result.put("sceneQueries", queryCount);
        result.put("sceneMatchedShare", round((double) matched / queryCount));
        result.put("sceneMillis", percentiles(sceneNanos));
        result.put("sceneCpuMillis", percentiles(sceneCpuNanos));
        result.put(
                "loadAverageAtEnd",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        result.put("planScenes", PLAN_SCENES);
        result.put("planQueries", planCount);
        result.put("planMillis", percentiles(planNanos));
        result.put("targetSceneP99Millis", 5.0);
        result.put(
                "meetsTarget", (double) ((Map<?, ?>) result.get("sceneMillis")).get("p99") < 5.0);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(out.toFile(), result);
        System.out.println(mapper.writeValueAsString(result));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Per language of {@link #LANGUAGES}, every word form of the glossary's column. */
    static List<List<String>> vocabulary() throws IOException {
        List<List<String>> words = new ArrayList<>();
        for (int i = 0; i < LANGUAGES.length; i++) {
            words.add(new ArrayList<>());
        }
        try (InputStream in = RetrievalBenchmark.class.getResourceAsStream(GLOSSARY);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(";", -1);
                for (int i = 0; i < LANGUAGES.length; i++) {
                    for (String form : columns[GLOSSARY_COLUMNS[i]].split("\\|")) {
                        if (!form.isBlank()) {
                            words.get(i).add(form.strip());
                        }
                    }
                }
            }
        }
        return words;
    }

    static List<CatalogAsset> catalog(int count, List<List<String>> vocabulary, Random random) {
        List<CatalogAsset> assets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int language = languageOf(random);
            List<String> words = vocabulary.get(language);
            double kind = random.nextDouble();
            AssetKind assetKind =
                    kind < 0.6 ? AssetKind.PHOTO : kind < 0.95 ? AssetKind.CLIP : AssetKind.MUSIC;
            double shape = random.nextDouble();
            int width = shape < 0.75 ? 1920 : 1080; // landscape 75 %, portrait 20 %, square 5 %
            int height = shape < 0.75 || shape >= 0.95 ? 1080 : 1920;
            double seconds =
                    assetKind == AssetKind.PHOTO
                            ? 0
                            : assetKind == AssetKind.CLIP
                                    ? 2 + random.nextInt(28)
                                    : 60 + random.nextInt(180);
            List<String> tags = new ArrayList<>();
            for (int t = 0, n = 4 + random.nextInt(5); t < n; t++) {
                tags.add(zipf(words, random));
            }
            String id = String.format("a%06d", i);
            assets.add(
                    new CatalogAsset(
                            id,
                            "s3://assets/" + id,
                            assetKind,
                            seconds,
                            assetKind == AssetKind.MUSIC ? 0 : width,
                            assetKind == AssetKind.MUSIC ? 0 : height,
                            sentence(words, random, 2, 3),
                            sentence(words, random, 6, 8),
                            tags,
                            LANGUAGES[language],
                            "CC BY 4.0",
                            "author " + random.nextInt(5_000),
                            "https://example.org/" + id,
                            null));
        }
        return assets;
    }

    /** Scenes analysed from random sentences, as the job's scene analyser describes them. */
    static List<SceneTask> tasks(List<List<String>> vocabulary, Random random) {
        SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
        RenderSpec spec = spec(PLAN_SCENES * 5.0);
        List<SceneTask> tasks = new ArrayList<>(DISTINCT_SCENES);
        for (int i = 0; i < DISTINCT_SCENES; i++) {
            int language = languageOf(random);
            String text = sentence(vocabulary.get(language), random, 6, 10) + ".";
            Scene scene = analyzer.analyze(text, LANGUAGES[language], 5.0).get(0);
            tasks.add(
                    SceneTask.newBuilder()
                            .setRequestId("bench-" + i)
                            .setRunId("bench")
                            .setLanguage(LANGUAGES[language])
                            .setSceneCount(1)
                            .setSpec(spec)
                            .setScene(scene)
                            .setAsset(null)
                            .build());
        }
        return tasks;
    }

    /** Plans of six scenes of one language each. */
    static List<ScenePlan> plans(List<SceneTask> tasks, Random random) {
        List<ScenePlan> plans = new ArrayList<>();
        for (int p = 0; p < DISTINCT_SCENES / PLAN_SCENES; p++) {
            List<Scene> scenes = new ArrayList<>(PLAN_SCENES);
            String language = tasks.get(random.nextInt(tasks.size())).getLanguage();
            for (SceneTask task : tasks) {
                if (scenes.size() == PLAN_SCENES) {
                    break;
                }
                if (task.getLanguage().equals(language) && random.nextInt(8) == 0) {
                    Scene scene = Scene.newBuilder(task.getScene()).build();
                    scene.setIndex(scenes.size());
                    scene.setStartSeconds(5.0 * scenes.size());
                    scene.setEndSeconds(5.0 * (scenes.size() + 1));
                    scenes.add(scene);
                }
            }
            plans.add(
                    ScenePlan.newBuilder()
                            .setRequestId("plan-" + p)
                            .setRunId("bench")
                            .setLanguage(language)
                            .setLanguageConfidence(1.0)
                            .setSpec(spec(5.0 * scenes.size()))
                            .setScenes(scenes)
                            .setWarnings(List.of())
                            .setSceneAssets(List.of())
                            .setMusic(null)
                            .build());
        }
        return plans;
    }

    private static int languageOf(Random random) {
        double r = random.nextDouble();
        return r < 0.8 ? 0 : 1 + (int) ((r - 0.8) / 0.05);
    }

    private static String sentence(List<String> words, Random random, int min, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
            text.append(i == 0 ? "" : " ").append(zipf(words, random));
        }
        return text.toString();
    }

    /**
     * A word with Zipf-Mandelbrot frequency, weight 1/(rank + 30): the commonest word is in about
     * one asset in five, as "nature" or "sky" in a stock catalog, and the rare ones are rare.
     */
    private static String zipf(List<String> words, Random random) {
        double offset = 30;
        double total = Math.log((words.size() + offset) / offset);
        double rank = offset * Math.exp(random.nextDouble() * total) - offset;
        return words.get((int) Math.min(words.size() - 1, Math.max(0, rank)));
    }

    private static RenderSpec spec(double seconds) {
        return RenderSpec.newBuilder()
                .setWidth(1280)
                .setHeight(720)
                .setFps(25)
                .setTargetDurationSeconds(seconds)
                .setSubtitles(true)
                .setStyle(null)
                .setTransition(Transition.CROSSFADE)
                .setTransitionSeconds(0.6)
                .setMusic(true)
                .build();
    }

    static Map<String, Object> percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("p50", round(at(sorted, 0.50) / 1e6));
        result.put("p90", round(at(sorted, 0.90) / 1e6));
        result.put("p99", round(at(sorted, 0.99) / 1e6));
        result.put("max", round(sorted[sorted.length - 1] / 1e6));
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        result.put("mean", round(sum / sorted.length / 1e6));
        return result;
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
