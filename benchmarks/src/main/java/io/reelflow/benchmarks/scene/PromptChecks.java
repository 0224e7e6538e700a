package io.reelflow.benchmarks.scene;

import io.reelflow.operators.scene.Glossary;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * The four checks of a generation prompt: fully English (outside the names and titles it must keep,
 * every letter Latin and every word an English word of the glossary's English column or the prompt
 * template), subject kept, one sentence without stop words or fragments, within the length limit.
 * Independent of how the prompt was written, so it judges old and new prompts alike.
 */
final class PromptChecks {

    /** Words a sentence may join with; a clause never ends with one. */
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final Set<String> english;

    private PromptChecks(Set<String> english) {
        this.english = english;
    }

    /** With the English words of the shipped glossary, the prompt template and the vocabulary. */
    static PromptChecks standard() throws IOException {
        Set<String> words = new HashSet<>();
        try (InputStream in =
                Glossary.class.getResourceAsStream(
                        "/io/reelflow/operators/scene/concept-glossary.txt")) {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    addWords(words, line.split(";", -1)[0]);
                }
            }
        }
        addWords(words, String.join(" ", PromptWriter.TEMPLATE_WORDS));
        for (CameraMove move : CameraMove.values()) {
            addWords(words, Vocabulary.label(move));
        }
        for (Mood mood : Mood.values()) {
            addWords(words, Vocabulary.label(mood));
        }
        // the template's phrases for camera, time, weather and light
        addWords(
                words,
                "slow-motion panning establishing featuring morning noon sunset dusk golden hour"
                        + " night spring summer autumn winter rain snow storm fog wind lightning"
                        + " clouds stars moon rainbow sunshine frost contrasty");
        ENGLISH_STOP.forEach(w -> words.add(new String((char[]) w)));
        return new PromptChecks(words);
    }

    private static void addWords(Set<String> words, String text) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
    }

    /** Stands for a kept name, so the sentence around it is judged as it reads. */
    static final String NAME = "Name";

    /**
     * {@code prompt} with the names and titles it may keep as written replaced by {@link #NAME}.
     */
    static String withoutKept(String prompt, List<String> kept) {
        String rest = prompt;
        for (String name : kept) {
            rest = rest.replace(name, NAME);
            // a title may be kept with its quotes changed, or without them
            String bare =
                    name.replaceAll("^[\\p{Pi}\\p{Pf}\\p{Ps}\\p{Pe}\"'«»„“”《》]+", "")
                            .replaceAll("[\\p{Pi}\\p{Pf}\\p{Ps}\\p{Pe}\"'«»„“”《》]+$", "")
                            .strip();
            if (!bare.isEmpty()) {
                rest = rest.replace(bare, NAME);
            }
        }
        return rest;
    }

    /**
     * The words of {@code prompt} outside {@code kept} left in the source language: any word in
     * another script than Latin, and any word of the source sentence that is no English word of the
     * glossary or the template (a source in English has none of the latter). Empty if none.
     */
    List<String> nonEnglish(String prompt, List<String> kept, String source, String language) {
        Set<String> sourceWords = new HashSet<>();
        if (!language.equals("en")) {
            addWords(sourceWords, withoutKept(source, kept));
        }
        List<String> foreign = new ArrayList<>();
        for (String word : withoutKept(prompt, kept).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || word.equals(NAME)) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean latin = word.codePoints().allMatch(c -> c < 0x250);
            if (!latin || (sourceWords.contains(lower) && !english.contains(lower))) {
                foreign.add(word);
            }
        }
        return foreign;
    }

    /** Whether one of the {@code subjects} (English nouns) is a word of the prompt. */
    static boolean keepsSubject(String prompt, List<String> subjects) {
        Set<String> words =
                new HashSet<>(List.of(prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
        return subjects.stream().anyMatch(s -> words.contains(s.toLowerCase(Locale.ROOT)));
    }

    /**
     * What makes {@code prompt} no sentence: not one capitalised sentence ending in a full stop, a
     * semicolon, a clause of one word (a keyword list), a clause ending in a stop word, a word
     * twice in a row, or a stop word of the source language outside the kept names; empty if none.
     */
    static List<String> fragments(String prompt, String language, List<String> kept) {
        List<String> problems = new ArrayList<>();
        String text = withoutKept(prompt, kept).strip();
        if (prompt.isEmpty() || !Character.isUpperCase(prompt.codePointAt(0))) {
            problems.add("does not start with a capital");
        }
        if (!prompt.endsWith(".")) {
            problems.add("does not end with a full stop");
        }
        if (prompt.contains(";")) {
            problems.add("semicolon-separated parts");
        }
        String body = text.replaceAll("[.\\s]+$", "");
        for (String clause : body.split(",")) {
            String[] words = clause.strip().split("\\s+");
            if (clause.isBlank()) {
                continue;
            }
            if (words.length == 1) {
                problems.add("one-word clause '" + clause.strip() + "'");
            } else if (ENGLISH_STOP.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
                problems.add("clause ends with '" + words[words.length - 1] + "'");
            }
        }
        String[] all = body.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (int i = 1; i < all.length; i++) {
            if (!all[i].isEmpty() && all[i].equals(all[i - 1])) {
                problems.add("repeated '" + all[i] + "'");
            }
        }
        CharArraySet source = sourceStopWords(language);
        if (source != null) {
            for (String word : all) {
                if (!word.isEmpty() && source.contains(word) && !ENGLISH_STOP.contains(word)) {
                    problems.add("source stop word '" + word + "'");
                }
            }
        }
        return problems;
    }

    private static CharArraySet sourceStopWords(String language) {
        return switch (language) {
            case "de" -> GermanAnalyzer.getDefaultStopSet();
            case "es" -> SpanishAnalyzer.getDefaultStopSet();
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "ru" -> RussianAnalyzer.getDefaultStopSet();
            default -> null;
        };
    }

    static boolean withinLimit(String prompt, PromptLimit limit) {
        return limit.fits(prompt);
    }
}
