package io.reelflow.operators.scene;

import io.reelflow.operators.scene.internal.KeywordAnalyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates words of ten languages to English visual concepts ({@code Berge}, {@code montañas},
 * {@code горы} → {@code mountain}) using {@code concept-glossary.txt}: the one glossary that
 * retrieval searches with and prompts are written from. Entries and texts go through the same
 * Lucene analyzer of their language, so inflected forms match; phrases ({@code coucher de soleil})
 * are matched as sequences of stems, longest first. Concepts are tokens: spaces become underscores.
 * Each concept has the category of the {@code # --- } heading it is listed under ("people",
 * "actions", …), which tells a prompt where the word goes. Immutable and thread-safe.
 */
public final class Glossary {

    /** The languages of the columns of the glossary file, in order. */
    public static final List<String> LANGUAGES =
            List.of("en", "de", "fr", "es", "it", "pt", "ru", "zh", "ja", "ar");

    private static final String RESOURCE = "/io/reelflow/operators/scene/concept-glossary.txt";

    private static final String CATEGORY_HEADING = "# --- ";

    private static volatile Glossary standard;

    /** Per language: the stems of a form joined by a space → its concepts. */
    private final Map<String, Map<String, List<String>>> phrases;

    /** Concept → the heading it is listed under. */
    private final Map<String, String> categories;

    /** Per language: a form as written, lower case → its concepts, to tell apart shared stems. */
    private final Map<String, Map<String, List<String>>> forms;

    private final int concepts;
    private final int longestPhrase;

    private Glossary(
            Map<String, Map<String, List<String>>> phrases,
            Map<String, String> categories,
            Map<String, Map<String, List<String>>> forms,
            int concepts,
            int longest) {
        this.phrases = phrases;
        this.categories = categories;
        this.forms = forms;
        this.concepts = concepts;
        this.longestPhrase = longest;
    }

    /** The glossary shipped with Reelflow, loaded on first use. */
    public static Glossary standard() {
        Glossary glossary = standard;
        if (glossary == null) {
            synchronized (Glossary.class) {
                glossary = standard;
                if (glossary == null) {
                    try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("Missing resource " + RESOURCE);
                        }
                        glossary =
                                parse(
                                        new BufferedReader(
                                                new InputStreamReader(in, StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = glossary;
                }
            }
        }
        return glossary;
    }

    /** A glossary in the file format described at the top of {@code concept-glossary.txt}. */
    public static Glossary parse(BufferedReader reader) throws IOException {
        Map<String, Map<String, List<String>>> phrases = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        Map<String, Map<String, List<String>>> forms = new HashMap<>();
        String category = "";
        int concepts = 0;
        int longest = 1;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith(CATEGORY_HEADING)) {
                category = categoryOf(line);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split(";", -1);
            if (columns.length != LANGUAGES.size()) {
                throw new IllegalArgumentException(
                        "Glossary line "
                                + number
                                + " has "
                                + columns.length
                                + " columns, expected "
                                + LANGUAGES.size());
            }
            String concept = conceptToken(columns[0].split("\\|")[0]);
            if (concept.isEmpty()) {
                throw new IllegalArgumentException("Glossary line " + number + " has no concept");
            }
            concepts++;
            categories.putIfAbsent(concept, category);
            for (int c = 0; c < columns.length; c++) {
                String language = LANGUAGES.get(c);
                for (String form : columns[c].split("\\|")) {
                    if (form.isBlank()) {
                        continue;
                    }
                    List<String> stems = stems(form.trim(), language);
                    if (stems.isEmpty()) {
                        continue;
                    }
                    longest = Math.max(longest, stems.size());
                    List<String> targets =
                            phrases.computeIfAbsent(language, l -> new HashMap<>())
                                    .computeIfAbsent(
                                            String.join(" ", stems), k -> new ArrayList<>(1));
                    if (!targets.contains(concept)) {
                        targets.add(concept);
                    }
                    List<String> exact =
                            forms.computeIfAbsent(language, l -> new HashMap<>())
                                    .computeIfAbsent(
                                            form.trim().toLowerCase(Locale.ROOT),
                                            k -> new ArrayList<>(1));
                    if (!exact.contains(concept)) {
                        exact.add(concept);
                    }
                }
            }
        }
        return new Glossary(phrases, categories, forms, concepts, longest);
    }

    /** {@code "# --- actions: verbs of a scene"} → {@code "actions"}. */
    private static String categoryOf(String heading) {
        String name = heading.substring(CATEGORY_HEADING.length()).strip();
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The heading {@code concept} is listed under, such as "people"; empty if unknown. */
    public String category(String concept) {
        return categories.getOrDefault(concept, "");
    }

    /** A concept as an index token: {@code "living room"} → {@code "living_room"}. */
    public static String conceptToken(String concept) {
        return concept.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    /** The concept token in words, for reasons: {@code "living_room"} → {@code "living room"}. */
    public static String conceptLabel(String token) {
        return token.replace('_', ' ');
    }

    public int conceptCount() {
        return concepts;
    }

    public boolean covers(String language) {
        return phrases.containsKey(language);
    }

    /** The distinct concepts named in {@code text}, in order of appearance. */
    public List<String> concepts(String text, String language) {
        if (text == null || !covers(language)) {
            return List.of();
        }
        return conceptsOfStems(stems(text, language), language);
    }

    /**
     * The distinct concepts named by a sequence of stems already analysed in {@code language}; at
     * each position the longest phrase wins.
     */
    public List<String> conceptsOfStems(List<String> stems, String language) {
        Map<String, List<String>> table = phrases.get(language);
        if (table == null || stems.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < stems.size()) {
            int matched = 0;
            for (int length = Math.min(longestPhrase, stems.size() - i); length >= 1; length--) {
                List<String> targets = table.get(String.join(" ", stems.subList(i, i + length)));
                if (targets != null) {
                    found.addAll(targets);
                    matched = length;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        return new ArrayList<>(found);
    }

    /**
     * One concept per word or phrase of {@code text}, in order, for writing a sentence: where a
     * stem names several concepts (German "Fischer" and "fischen" share one), the concept the
     * phrase as written is listed for wins, else the first listed. Repeats are dropped.
     */
    public List<String> conceptsAsWritten(String text, String language) {
        Map<String, List<String>> table = phrases.get(language);
        if (text == null || table == null) {
            return List.of();
        }
        List<String> stems = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        KeywordAnalyzers.analyze(
                text,
                language,
                (stem, start, end, number) -> {
                    stems.add(stem);
                    spans.add(new int[] {start, end});
                });
        Map<String, List<String>> written = forms.getOrDefault(language, Map.of());
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < stems.size()) {
            int matched = 0;
            for (int length = Math.min(longestPhrase, stems.size() - i); length >= 1; length--) {
                List<String> targets = table.get(String.join(" ", stems.subList(i, i + length)));
                if (targets != null) {
                    String surface =
                            text.substring(spans.get(i)[0], spans.get(i + length - 1)[1])
                                    .toLowerCase(Locale.ROOT);
                    List<String> exact = written.getOrDefault(surface, List.of());
                    found.add(
                            targets.stream()
                                    .filter(exact::contains)
                                    .findFirst()
                                    .orElse(targets.get(0)));
                    matched = length;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        return new ArrayList<>(found);
    }

    /** The stems the Lucene analyzer of {@code language} keeps from {@code text}. */
    public static List<String> stems(String text, String language) {
        List<String> stems = new ArrayList<>();
        KeywordAnalyzers.analyze(text, language, (stem, start, end, number) -> stems.add(stem));
        return stems;
    }
}
