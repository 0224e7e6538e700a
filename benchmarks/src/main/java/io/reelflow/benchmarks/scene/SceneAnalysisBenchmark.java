package io.reelflow.benchmarks.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.operators.scene.SubtitleConfig;
import io.reelflow.operators.scene.SubtitleCues;
import io.reelflow.schemas.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-thread throughput of scene analysis on texts of about 1,000 characters in ten languages,
 * with Markdown, emoji and URLs mixed in: after a warm-up, each language is measured for a fixed
 * time, calling {@link SceneAnalyzer#analyze} (and, separately, analysis plus SRT and WebVTT
 * subtitles). Writes JSON to {@code --output}. Target: at least 1,000 requests/s per core.
 *
 * <pre>
 * --output PATH            where to write the JSON (default benchmark-results/scene-analysis.json)
 * --warmup-seconds N       warm-up over all languages (default 10)
 * --seconds-per-language N measured time per language and mode (default 5)
 * --characters N           length of each text (default 1000)
 * </pre>
 */
public final class SceneAnalysisBenchmark {

    /** The same short script in ten languages; repeated and decorated to the wanted length. */
    private static final Map<String, String[]> SENTENCES = new LinkedHashMap<>();

    static {
        SENTENCES.put(
                "en",
                new String[] {
                    "The drone rises above the old harbour at sunrise.",
                    "Fishermen are mending their nets on the pier.",
                    "A close-up shows weathered hands tying knots.",
                    "In slow motion, gulls circle over the boats.",
                    "The harbour grows quiet as night falls."
                });
        SENTENCES.put(
                "de",
                new String[] {
                    "Die Drohne steigt über den alten Hafen bei Sonnenaufgang.",
                    "Fischer flicken ihre Netze am Steg.",
                    "Eine Nahaufnahme zeigt wettergegerbte Hände.",
                    "In Zeitlupe kreisen Möwen über den Booten.",
                    "Der Hafen wird still, als die Nacht hereinbricht."
                });
        SENTENCES.put(
                "fr",
                new String[] {
                    "Le drone s'élève au-dessus du vieux port au lever du soleil.",
                    "Des pêcheurs réparent leurs filets sur la jetée.",
                    "Un gros plan montre des mains burinées.",
                    "Au ralenti, les mouettes tournent au-dessus des bateaux.",
                    "Le port devient calme quand la nuit tombe."
                });
        SENTENCES.put(
                "es",
                new String[] {
                    "El dron se eleva sobre el viejo puerto al amanecer.",
                    "Los pescadores remiendan sus redes en el muelle.",
                    "Un primer plano muestra manos curtidas.",
                    "En cámara lenta, las gaviotas vuelan sobre los barcos.",
                    "El puerto se queda en calma cuando cae la noche."
                });
        SENTENCES.put(
                "pt",
                new String[] {
                    "O drone sobe sobre o velho porto ao amanhecer.",
                    "Os pescadores consertam as redes no cais.",
                    "Um primeiro plano mostra mãos calejadas.",
                    "Em câmera lenta, as gaivotas voam sobre os barcos.",
                    "O porto fica calmo quando cai a noite."
                });
        SENTENCES.put(
                "ru",
                new String[] {
                    "Дрон поднимается над старой гаванью на рассвете.",
                    "Рыбаки чинят сети на причале.",
                    "Крупный план показывает обветренные руки рыбаков.",
                    "В замедленной съёмке чайки кружат над лодками.",
                    "Гавань затихает, когда наступает ночь."
                });
        SENTENCES.put(
                "zh",
                new String[] {
                    "无人机在日出时飞越古老的港口。",
                    "渔民们在码头上修补渔网。",
                    "特写镜头展示饱经风霜的双手。",
                    "慢动作中，海鸥在船只上空盘旋。",
                    "夜幕降临，港口渐渐安静下来。"
                });
        SENTENCES.put(
                "ja",
                new String[] {
                    "日の出とともにドローンが古い港の上を飛ぶ。",
                    "漁師たちは桟橋で網を繕っている。",
                    "クローズアップで日焼けした手が映る。",
                    "スローモーションでカモメが船の上を旋回する。",
                    "夜になると港は静かになる。"
                });
        SENTENCES.put(
                "ar",
                new String[] {
                    "تحلق الطائرة المسيرة فوق الميناء القديم عند شروق الشمس.",
                    "يصلح الصيادون شباكهم على الرصيف.",
                    "لقطة مقربة تظهر أيدي خشنة.",
                    "بالحركة البطيئة تحوم طيور النورس فوق القوارب.",
                    "يصبح الميناء هادئا عندما يحل الليل."
                });
        SENTENCES.put(
                "hi",
                new String[] {
                    "सूर्योदय के समय ड्रोन पुराने बंदरगाह के ऊपर उड़ता है।",
                    "मछुआरे घाट पर अपने जाल ठीक कर रहे हैं।",
                    "क्लोज़-अप में खुरदुरे हाथ दिखते हैं।",
                    "धीमी गति में समुद्री पक्षी नावों के ऊपर मंडराते हैं।",
                    "रात होते ही बंदरगाह शांत हो जाता है।"
                });
    }

    private static final String[] DECORATIONS = {
        "## ", "- ", "**", " 🎬", " https://example.com/clip?id=", "\n\n", "> ", "1. "
    };

    private SceneAnalysisBenchmark() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path output =
                Path.of(options.getOrDefault("output", "benchmark-results/scene-analysis.json"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup-seconds", "10"));
        double perLanguage = Double.parseDouble(options.getOrDefault("seconds-per-language", "5"));
        int characters = Integer.parseInt(options.getOrDefault("characters", "1000"));

        SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
        SubtitleCues subtitles = new SubtitleCues(SubtitleConfig.defaults());
        Map<String, List<String>> texts = new LinkedHashMap<>();
        SENTENCES.forEach(
                (language, sentences) -> texts.put(language, texts(sentences, characters)));

        long sink = 0;
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmupEnd) {
            for (Map.Entry<String, List<String>> entry : texts.entrySet()) {
                for (String text : entry.getValue()) {
                    sink += analyzer.analyze(text, entry.getKey(), 30.0).size();
                    sink +=
                            subtitles
                                    .toSrt(
                                            subtitles.cues(
                                                    analyzer.analyze(text, entry.getKey(), 30.0),
                                                    entry.getKey()))
                                    .length();
                }
            }
        }

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = mapper.createObjectNode();
        result.put("benchmark", "scene-analysis");
        result.put("at", Instant.now().toString());
        result.put("threads", 1);
        result.put("javaVersion", System.getProperty("java.version"));
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        result.put("textCharacters", characters);
        result.put("targetDurationSeconds", 30.0);
        result.put("warmupSeconds", warmup);
        result.put("secondsPerLanguage", perLanguage);
        result.put("targetRequestsPerSecond", 1000);
        ArrayNode languages = result.putArray("languages");
        double analyzeTotal = 0.0;
        double withSubtitlesTotal = 0.0;
        double slowest = Double.MAX_VALUE;
        for (Map.Entry<String, List<String>> entry : texts.entrySet()) {
            String language = entry.getKey();
            List<String> inputs = entry.getValue();
            Measurement analyze =
                    measure(
                            perLanguage,
                            inputs,
                            text -> analyzer.analyze(text, language, 30.0).size());
            Measurement withSubtitles =
                    measure(
                            perLanguage,
                            inputs,
                            text -> {
                                List<Scene> scenes = analyzer.analyze(text, language, 30.0);
                                var cues = subtitles.cues(scenes, language);
                                return subtitles.toSrt(cues).length()
                                        + subtitles.toWebVtt(cues).length();
                            });
            sink += analyze.sink + withSubtitles.sink;
            ObjectNode row = languages.addObject();
            row.put("language", language);
            row.put("scenesPerRequest", analyzer.analyze(inputs.get(0), language, 30.0).size());
            row.put("analyzeRequestsPerSecond", round(analyze.perSecond()));
            row.put("analyzeMeanMicros", round(1e6 / analyze.perSecond()));
            row.put("analyzeWithSubtitlesRequestsPerSecond", round(withSubtitles.perSecond()));
            analyzeTotal += 1.0 / analyze.perSecond();
            withSubtitlesTotal += 1.0 / withSubtitles.perSecond();
            slowest = Math.min(slowest, analyze.perSecond());
            System.out.printf(
                    "%s: %.0f requests/s analyze, %.0f with subtitles%n",
                    language, analyze.perSecond(), withSubtitles.perSecond());
        }
        // harmonic mean: the rate for a mix with equal numbers of requests per language
        double analyzeRate = texts.size() / analyzeTotal;
        result.put("analyzeRequestsPerSecond", round(analyzeRate));
        result.put(
                "analyzeWithSubtitlesRequestsPerSecond", round(texts.size() / withSubtitlesTotal));
        result.put("slowestLanguageRequestsPerSecond", round(slowest));
        result.put("meetsTarget", analyzeRate >= 1000);
        result.put("checksum", sink);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        mapper.writeValue(output.toFile(), result);
        System.out.printf(
                "mixed: %.0f requests/s (target 1000) -> %s%n",
                analyzeRate, output.toAbsolutePath());
    }

    private interface Work {
        long run(String text);
    }

    private record Measurement(long requests, long nanos, long sink) {
        double perSecond() {
            return requests * 1e9 / nanos;
        }
    }

    private static Measurement measure(double seconds, List<String> inputs, Work work) {
        long sink = 0;
        long requests = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now;
        do {
            for (String text : inputs) {
                sink += work.run(text);
            }
            requests += inputs.size();
            now = System.nanoTime();
        } while (now < deadline);
        return new Measurement(requests, now - start, sink);
    }

    /** Eight variants of about {@code characters} characters, with Markdown, emoji and URLs. */
    static List<String> texts(String[] sentences, int characters) {
        List<String> variants = new ArrayList<>();
        for (int variant = 0; variant < 8; variant++) {
            StringBuilder text = new StringBuilder();
            int i = variant;
            while (text.length() < characters) {
                String decoration = DECORATIONS[i % DECORATIONS.length];
                String sentence = sentences[i % sentences.length];
                if (decoration.equals("**")) {
                    text.append("**").append(sentence).append("** ");
                } else if (decoration.startsWith(" ")) {
                    text.append(sentence).append(decoration).append(i).append(' ');
                } else {
                    text.append(decoration).append(sentence).append('\n');
                }
                i++;
            }
            variants.add(text.substring(0, Math.min(text.length(), characters)));
        }
        return variants;
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --option value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
