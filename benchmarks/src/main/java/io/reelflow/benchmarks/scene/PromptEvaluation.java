package io.reelflow.benchmarks.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.operators.language.DetectedLanguage;
import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.language.LanguageDetectorConfig;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well the generation prompts are written, on 66 scene sentences in en, de, es, fr, ru and zh
 * ({@code prompt-sentences.tsv}): each goes through the real {@link SceneAnalyzer} and the {@link
 * PromptWriter} on the glossary path (no translation model), and each prompt is checked by {@link
 * PromptChecks}: fully English, subject kept, no stop words or fragments, within the limit. Writes
 * JSON with every prompt to {@code --out}; the figures to the console.
 *
 * <pre>
 * --out PATH        JSON result (required)
 * --style TEXT      the request style written into every prompt (default watercolour; "" for none)
 * --max-tokens N    the CLIP token limit (default 77)
 * --sentences PATH  other sentences in the same format (default: the bundled file)
 * --judge PATH      judge prompts written elsewhere instead (TSV: language, sentence, prompt;
 *                   e.g. an earlier version's), with the same checks
 * </pre>
 */
public final class PromptEvaluation {

    private static final String SENTENCES = "/io/reelflow/benchmarks/scene/prompt-sentences.tsv";

    private PromptEvaluation() {}

    /** One sentence with what its prompt must say and keep. */
    record Labelled(String language, List<String> subjects, List<String> kept, String text) {}

    public static void main(String[] args) throws IOException {
        AvroClassTrust.install();
        Options options =
                Options.parse(
                        args, Set.of("out", "style", "max-tokens", "sentences", "judge"), Set.of());
        Path out = Path.of(options.require("out"));
        String style = options.get("style", "watercolour");
        PromptLimit limit = PromptLimit.clipTokens(options.getInt("max-tokens", 77));
        List<Labelled> sentences = read(options.get("sentences", null));

        Map<String, String> judged = judged(options.get("judge", null));
        Map<String, Object> result = evaluate(sentences, style, limit, judged);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), result);
        Map<String, Object> summary = new LinkedHashMap<>(result);
        summary.remove("prompts");
        System.out.println(
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Sentence → prompt, from a TSV of language, sentence, prompt; null without a path. */
    private static Map<String, String> judged(String path) throws IOException {
        if (path == null) {
            return null;
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(path))) {
            String[] columns = line.split("\t", -1);
            if (columns.length == 3) {
                prompts.put(columns[1], columns[2]);
            }
        }
        return prompts;
    }

    /**
     * The checks over {@code sentences}; with {@code judged} (sentence → prompt), those prompts are
     * judged instead of writing new ones.
     */
    static Map<String, Object> evaluate(
            List<Labelled> sentences, String style, PromptLimit limit, Map<String, String> judged)
            throws IOException {
        SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
        PromptWriter writer = PromptWriter.glossaryOnly(limit);
        PromptChecks checks = PromptChecks.standard();
        // an independent look: what the job's own language detector makes of the prompt
        LanguageDetector detector = LanguageDetector.shared(LanguageDetectorConfig.defaults());
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Map<String, Object>> prompts = new ArrayList<>();
        int maxTokens = 0;
        for (Labelled sentence : sentences) {
            for (Scene scene : analyzer.analyze(sentence.text(), sentence.language(), 5.0)) {
                PromptWriter.Written written =
                        judged == null
                                ? writer.write(scene, sentence.language(), style)
                                : new PromptWriter.Written(
                                        judged.getOrDefault(sentence.text(), ""), "", null);
                String prompt = written.prompt();
                // the request's style is the user's words, kept as written like names
                List<String> kept = new ArrayList<>(sentence.kept());
                if (!style.isBlank()) {
                    kept.add(style);
                }
                List<String> foreign =
                        checks.nonEnglish(prompt, kept, sentence.text(), sentence.language());
                DetectedLanguage detected =
                        detector.detect(PromptChecks.withoutKept(prompt, kept), null);
                boolean subject = PromptChecks.keepsSubject(prompt, sentence.subjects());
                List<String> fragments = PromptChecks.fragments(prompt, sentence.language(), kept);
                boolean within = PromptChecks.withinLimit(prompt, limit);
                int tokens = PromptLimit.clipTokensOf(prompt);
                maxTokens = Math.max(maxTokens, tokens);
                for (String key : List.of(sentence.language(), "all")) {
                    int[] c = counts.computeIfAbsent(key, k -> new int[6]);
                    c[0]++;
                    c[1] += foreign.isEmpty() ? 1 : 0;
                    c[2] += subject ? 1 : 0;
                    c[3] += fragments.isEmpty() ? 1 : 0;
                    c[4] += within ? 1 : 0;
                    c[5] += detected.code().equals("en") ? 1 : 0;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("language", sentence.language());
                row.put("text", scene.getText());
                row.put("prompt", prompt);
                row.put("negativePrompt", written.negativePrompt());
                row.put("clipTokens", tokens);
                row.put("nonEnglish", foreign);
                row.put("detected", detected.code());
                row.put("subjectKept", subject);
                row.put("fragments", fragments);
                prompts.add(row);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sentences", sentences.size());
        result.put("style", style);
        result.put("limit", limit.toString());
        result.put(
                "translation",
                judged == null ? "glossary (no translation model)" : "judged from a file");
        result.put("maxClipTokens", maxTokens);
        Map<String, Object> perLanguage = new LinkedHashMap<>();
        counts.forEach((language, c) -> perLanguage.put(language, shares(c)));
        result.put("overall", perLanguage.remove("all"));
        result.put("perLanguage", perLanguage);
        result.put("prompts", prompts);
        return result;
    }

    private static Map<String, Object> shares(int[] c) {
        Map<String, Object> shares = new LinkedHashMap<>();
        shares.put("prompts", c[0]);
        shares.put("fullyEnglish", share(c[1], c[0]));
        shares.put("subjectKept", share(c[2], c[0]));
        shares.put("noStopWordsOrFragments", share(c[3], c[0]));
        shares.put("withinLimit", share(c[4], c[0]));
        shares.put("detectedAsEnglish", share(c[5], c[0]));
        return shares;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    static List<Labelled> read(String path) throws IOException {
        if (path != null) {
            try (BufferedReader reader = Files.newBufferedReader(Path.of(path))) {
                return parse(reader);
            }
        }
        try (InputStream in = PromptEvaluation.class.getResourceAsStream(SENTENCES)) {
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    static List<Labelled> parse(BufferedReader reader) throws IOException {
        List<Labelled> sentences = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 4) {
                throw new IllegalArgumentException("expected 4 tab-separated columns: " + line);
            }
            sentences.add(
                    new Labelled(
                            columns[0],
                            List.of(columns[1].split("\\|")),
                            columns[2].isEmpty() ? List.of() : List.of(columns[2].split("\\|")),
                            columns[3]));
        }
        return sentences;
    }
}
