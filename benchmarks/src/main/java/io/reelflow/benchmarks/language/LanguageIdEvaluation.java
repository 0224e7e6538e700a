package io.reelflow.benchmarks.language;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.operators.language.LanguageDetectorConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Measures language identification on a labelled corpus: accuracy overall and per language on whole
 * paragraphs and on 20- and 50-character prefixes, single-thread throughput after warm-up, and the
 * heap taken by each classifier's models. Writes JSON and prints a short summary.
 *
 * <pre>
 * --corpus PATH        TSV with columns iso639_3, text (required)
 * --out PATH           JSON result (required)
 * --classifiers LIST   comma-separated, default "reelflow,opennlp,lingua"; also
 *                      "reelflow-lingua" (no OpenNLP), "reelflow-nomixed" (no
 *                      mixed-language shares) and "reelflow-high"
 *                      (Lingua's high accuracy mode, about 1.2 GB of heap)
 * --seconds N          timed seconds of the throughput run per classifier (default 5)
 * </pre>
 */
public final class LanguageIdEvaluation {

    static final int[] PREFIXES = {20, 50};
    static final int WORST = 10;

    /** Our detector and each single detector it combines. */
    static final String DEFAULT_CLASSIFIERS = "reelflow,opennlp,lingua";

    private static final Map<String, Supplier<LanguageClassifier>> CLASSIFIERS =
            new LinkedHashMap<>();

    static {
        CLASSIFIERS.put(
                "reelflow",
                () -> new ReelflowClassifier("reelflow", LanguageDetectorConfig.defaults()));
        CLASSIFIERS.put(
                "reelflow-lingua",
                () ->
                        new ReelflowClassifier(
                                "reelflow-lingua",
                                LanguageDetectorConfig.defaults().withFastPath(false)));
        CLASSIFIERS.put(
                "reelflow-nomixed",
                () ->
                        new ReelflowClassifier(
                                "reelflow-nomixed",
                                LanguageDetectorConfig.defaults().withMixedLanguageMinChars(0)));
        CLASSIFIERS.put(
                "reelflow-high",
                () ->
                        new ReelflowClassifier(
                                "reelflow-high",
                                LanguageDetectorConfig.defaults().withLowAccuracyMode(false)));
        CLASSIFIERS.put("opennlp", OpenNlpClassifier::new);
        CLASSIFIERS.put("lingua", LinguaClassifier::new);
    }

    private LanguageIdEvaluation() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path corpusPath = Path.of(required(options, "corpus"));
        Path out = Path.of(required(options, "out"));
        List<String> names =
                List.of(options.getOrDefault("classifiers", DEFAULT_CLASSIFIERS).split(","));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
        for (String name : names) {
            if (!CLASSIFIERS.containsKey(name.strip())) {
                throw new IllegalArgumentException(
                        "unknown classifier '" + name + "'; known: " + CLASSIFIERS.keySet());
            }
        }

        List<LabelledText> corpus = LanguageIdCorpus.read(corpusPath);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("corpus", corpusPath.getFileName().toString());
        result.put("texts", corpus.size());
        result.put("java", System.getProperty("java.version"));
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        List<Object> classifierResults = new ArrayList<>();
        result.put("classifiers", classifierResults);
        for (String name : names) {
            classifierResults.add(evaluate(CLASSIFIERS.get(name.strip()), corpus, seconds));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), result);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    static Map<String, Object> evaluate(
            Supplier<LanguageClassifier> factory, List<LabelledText> corpus, double seconds) {
        long heapBefore = usedHeapAfterGc();
        long loadStart = System.nanoTime();
        LanguageClassifier classifier = factory.get();
        classifier.classify("warm up the models");
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long heap = usedHeapAfterGc() - heapBefore;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", classifier.name());
        result.put("loadSeconds", round(loadSeconds));
        result.put("modelHeapMb", round(heap / 1e6));
        Map<String, LanguageIdScores.Summary> accuracy = new LinkedHashMap<>();
        accuracy.put("paragraph", score(classifier, corpus, LabelledText::text));
        for (int prefix : PREFIXES) {
            accuracy.put(prefix + "chars", score(classifier, corpus, t -> t.prefix(prefix)));
        }
        result.put("throughput", throughput(classifier, corpus, seconds));
        result.put("accuracy", accuracy);
        print(classifier.name(), loadSeconds, heap, accuracy, result.get("throughput"));
        return result;
    }

    /** Scores {@code classifier} on the texts {@code view} takes from each corpus row. */
    static LanguageIdScores.Summary score(
            LanguageClassifier classifier,
            List<LabelledText> corpus,
            Function<LabelledText, String> view) {
        LanguageIdScores scores = new LanguageIdScores(classifier::covers);
        for (LabelledText row : corpus) {
            String expected =
                    Iso639.toPart1(row.label())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no ISO 639-1 code for label " + row.label()));
            scores.add(row.label(), expected, classifier.classify(view.apply(row)));
        }
        return scores.summary(WORST);
    }

    /**
     * Whole paragraphs classified one after the other on the calling thread, after warm-up passes
     * for as long as the timed run (so the JIT has finished compiling the hot code and its threads
     * do not bill the measurement) and a garbage collection. Lingua hands per-language work to the
     * common fork-join pool, so besides the wall-clock rate the rate per CPU-second of the whole
     * process is reported: that is the rate one core sustains.
     */
    static Map<String, Object> throughput(
            LanguageClassifier classifier, List<LabelledText> corpus, double seconds) {
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        do {
            for (LabelledText row : corpus) {
                classifier.classify(row.text());
            }
        } while (System.nanoTime() < warmUpEnd);
        System.gc();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = processCpuNanos();
        long threadCpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long texts = 0;
        long chars = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (LabelledText row : corpus) {
                sink += classifier.classify(row.text()).length();
                chars += row.text().length();
            }
            texts += corpus.size();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("paragraphs", texts);
        result.put("meanParagraphChars", round((double) chars / Math.max(1, texts)));
        result.put("wallSeconds", round(wall));
        result.put("processCpuSeconds", round(cpu));
        result.put("callerThreadCpuSeconds", round(threadCpu));
        result.put("paragraphsPerSecondWall", Math.round(texts / wall));
        result.put("paragraphsPerCpuSecond", cpu > 0 ? Math.round(texts / cpu) : null);
        result.put("checksum", sink);
        return result;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void print(
            String name,
            double loadSeconds,
            long heap,
            Map<String, LanguageIdScores.Summary> accuracy,
            Object throughput) {
        System.out.printf(
                Locale.ROOT,
                "%s: load %.1f s, models %.0f MB heap%n",
                name,
                loadSeconds,
                heap / 1e6);
        accuracy.forEach(
                (view, s) ->
                        System.out.printf(
                                Locale.ROOT,
                                "  %-9s accuracy %.4f (covered %d/%d languages: %.4f; abstained on"
                                        + " uncovered %.2f, wrong on uncovered %d)%n",
                                view,
                                s.accuracy(),
                                s.coveredLanguages(),
                                s.languages(),
                                s.coveredAccuracy(),
                                s.uncoveredAbstentionRate(),
                                s.uncoveredWrong()));
        LanguageIdScores.Summary paragraphs = accuracy.get("paragraph");
        StringBuilder worst = new StringBuilder("  worst:");
        for (LanguageIdScores.LanguageScore score : paragraphs.worst()) {
            worst.append(
                    String.format(
                            Locale.ROOT,
                            " %s %.2f %s",
                            score.label(),
                            score.accuracy(),
                            score.wrongAnswers()));
        }
        System.out.println(worst);
        System.out.println("  throughput " + throughput);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected '--name value', got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }
}
