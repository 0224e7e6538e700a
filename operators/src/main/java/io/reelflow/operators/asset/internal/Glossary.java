package io.reelflow.operators.asset.internal;

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
 * {@code горы} → {@code mountain}) using {@code concept-glossary.txt}. Entries and texts go through
 * the same Lucene analyzer of their language, so inflected forms match; phrases ({@code coucher de
 * soleil}) are matched as sequences of stems, longest first. Concepts are tokens: spaces become
 * underscores. Immutable and thread-safe.
 */
public final class Glossary {

    /** The languages of the columns of the glossary file, in order. */
    public static final List<String> LANGUAGES =
            List.of("en", "de", "fr", "es", "it", "pt", "ru", "zh", "ja", "ar");

    private static final String RESOURCE = "/io/reelflow/operators/asset/concept-glossary.txt";

    private static volatile Glossary standard;

    /** Per language: the stems of a form joined by a space → its concepts. */
    private final Map<String, Map<String, List<String>>> phrases;

    private final int concepts;
    private final int longestPhrase;

    private Glossary(Map<String, Map<String, List<String>>> phrases, int concepts, int longest) {
        this.phrases = phrases;
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
        int concepts = 0;
        int longest = 1;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
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
                }
            }
        }
        return new Glossary(phrases, concepts, longest);
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

    /** The stems the Lucene analyzer of {@code language} keeps from {@code text}. */
    public static List<String> stems(String text, String language) {
        List<String> stems = new ArrayList<>();
        KeywordAnalyzers.analyze(text, language, (stem, start, end, number) -> stems.add(stem));
        return stems;
    }
}
