package io.reelflow.operators.scene;

import io.reelflow.operators.common.LanguageTags;
import io.reelflow.operators.port.ContentKeys;
import io.reelflow.operators.port.Translator;
import io.reelflow.operators.scene.internal.Lexicons;
import io.reelflow.operators.scene.internal.PromptComposer;
import io.reelflow.operators.scene.internal.SubjectPhrase;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Scene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each scene's generation prompt as one English sentence — subject, action, setting, camera,
 * light, mood and the request's style — and its negative prompt, from the scene's analysis. Text in
 * another language is translated by the {@link Translator} when one is given, otherwise (and when
 * it fails) through the concept {@link Glossary}; names and quoted titles stay as written, and so
 * does an English subject the glossary lacks ("a white windmill"). Prompts are cached by content
 * (SHA-256 of everything they are written from), so a replay asks for the same clip. Thread-safe.
 *
 * <pre>{@code
 * PromptWriter writer = PromptWriter.glossaryOnly(PromptLimit.CLIP);
 * PromptWriter.Written written = writer.write(scene, "de", "watercolour");
 * }</pre>
 */
public final class PromptWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PromptWriter.class);

    /**
     * Prompts kept per writer; a plan stage subtask sees a few thousand distinct scenes an hour.
     */
    public static final int DEFAULT_CACHE_SIZE = 4096;

    /** The fixed words prompts are made of, for readers that skip them (retrieval). */
    public static final Set<String> TEMPLATE_WORDS = PromptComposer.TEMPLATE_WORDS;

    /** Longest style written into a prompt, in characters. */
    public static final int MAX_STYLE_CHARS = 80;

    /**
     * A quoted title, in the quotes of the languages we write for: "…", “…”, „…“, «…», 《…》, 「…」,
     * 『…』.
     */
    private static final Pattern TITLE =
            Pattern.compile(
                    "\"[^\"\\n]{1,80}\"|“[^”“\\n]{1,80}”|„[^“”\\n]{1,80}[“”]|«[^»\\n]{1,80}»"
                            + "|《[^》\\n]{1,80}》|「[^」\\n]{1,80}」|『[^』\\n]{1,80}』");

    /** Words before a name that make it a place: "in Hamburg", "de Sevilla", "в Москве". */
    private static final Set<String> PLACE_WORDS =
            Set.of(
                    "in", "at", "near", "from", "im", "bei", "aus", "nach", "en", "à", "au", "dans",
                    "de", "del", "près", "cerca", "desde", "в", "во", "на", "из", "под", "около");

    /**
     * A prompt and its negative prompt.
     *
     * @param warning why the translator was not used although there is one, or why the prompt has
     *     no subject; null if neither
     * @param cacheable false for a translator's fallback, which is not kept: the translator is
     *     asked again next time
     */
    public record Written(String prompt, String negativePrompt, String warning, boolean cacheable) {

        public Written(String prompt, String negativePrompt, String warning) {
            this(prompt, negativePrompt, warning, warning == null);
        }
    }

    private final Glossary glossary;
    private final PromptLimit limit;
    private final Translator translator;
    private final Map<String, Written> cache;

    /**
     * @param translator the translation model, or null to translate through the glossary only
     * @param cacheSize most prompts kept; 0 for none
     */
    public PromptWriter(
            Glossary glossary, PromptLimit limit, Translator translator, int cacheSize) {
        this.glossary = Objects.requireNonNull(glossary, "glossary");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.translator = translator;
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must not be negative, was " + cacheSize);
        }
        this.cache =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
                        return size() > cacheSize;
                    }
                };
    }

    /** A writer with the standard glossary, no translator and the default cache. */
    public static PromptWriter glossaryOnly(PromptLimit limit) {
        return new PromptWriter(Glossary.standard(), limit, null, DEFAULT_CACHE_SIZE);
    }

    public PromptLimit limit() {
        return limit;
    }

    /** The prompt of {@code scene}, whose text is in {@code language}, with {@code style}. */
    public Written write(Scene scene, String language, String style) {
        String lang = LanguageTags.primaryLanguage(language);
        String cleanStyle = style(style);
        String key = key(scene, lang, cleanStyle);
        synchronized (cache) {
            Written cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Written written = compose(scene, lang, cleanStyle);
        if (written.cacheable()) {
            // a fallback is not kept: the translator is asked again next time
            synchronized (cache) {
                cache.put(key, written);
            }
        }
        return written;
    }

    /** {@code scene} with its prompt and negative prompt written; a warning goes to the list. */
    public Scene rewrite(Scene scene, String language, String style, List<String> warnings) {
        Written written = write(scene, language, style);
        if (written.warning() != null && !warnings.contains(written.warning())) {
            warnings.add(written.warning());
        }
        return Scene.newBuilder(scene)
                .setPrompt(written.prompt())
                .setNegativePrompt(written.negativePrompt())
                .build();
    }

    /**
     * A prompt written elsewhere (by a model planner) with {@code style} added and fitted to the
     * limit.
     */
    public String restyle(String prompt, String style) {
        String cleanStyle = style(style);
        String body = prompt.strip().replaceAll("[.]+$", "");
        String styled =
                cleanStyle.isEmpty() ? body + "." : body + ", in the style of " + cleanStyle + ".";
        return fit(styled, limit);
    }

    /** {@code prompt} within {@code limit}: its last clauses, then words, left out. */
    public static String fit(String prompt, PromptLimit limit) {
        return PromptComposer.fit(prompt, limit::fits);
    }

    /** Prompts in the cache now. */
    public int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private Written compose(Scene scene, String language, String style) {
        String text = scene.getText();
        List<String> titles = titles(text);
        List<PromptComposer.Name> names = names(scene.getEntities(), text, titles, language);
        String warning = null;
        String conceptText = without(text, titles, names);
        String conceptLanguage = language;
        if (translator != null && !language.equals("en") && !conceptText.isBlank()) {
            try {
                String english = translator.toEnglish(text, language);
                if (english == null || english.isBlank()) {
                    throw new IllegalStateException("empty translation");
                }
                conceptText = without(english, titles(english), names);
                conceptLanguage = "en";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                warning = "translation interrupted; prompts from the glossary";
            } catch (Exception e) {
                warning =
                        "translation by "
                                + translator.model()
                                + " failed ("
                                + e.getClass().getSimpleName()
                                + "); prompts from the glossary";
                LOG.warn("Translation failed, using the glossary: {}", e.toString());
            }
        }
        PromptComposer.Subject subject = null;
        if (conceptLanguage.equals("en")) {
            subject = unknownSubject(conceptText);
            if (subject != null) {
                conceptText = conceptText.replace(subject.text(), " ");
            }
        }
        List<String> concepts = glossary.conceptsAsWritten(conceptText, conceptLanguage);
        PromptComposer.Composed composed =
                PromptComposer.compose(
                        new PromptComposer.Parts(
                                concepts,
                                glossary::category,
                                conceptLanguage,
                                subject,
                                names,
                                titles,
                                scene.getCameraMoves(),
                                scene.getSceneMood(),
                                scene.getTimeCues(),
                                style),
                        limit::fits);
        boolean cacheable = warning == null;
        if (!composed.hasSubject() && !conceptLanguage.equals("en")) {
            // the words of a subject were there, but not in the glossary: say why it is missing
            warning =
                    (warning == null ? "" : warning + "; ")
                            + "no subject the glossary knows in the "
                            + language
                            + " text, the prompt shows the setting only (reelflow.translator.url"
                            + " translates every word)";
        }
        return new Written(composed.prompt(), composed.negativePrompt(), warning, cacheable);
    }

    /**
     * The text's subject phrase as written ({@code "A white windmill"}) when the glossary lacks one
     * of its words or reads it as something else than one noun with adjectives ("a paper boat", "a
     * blue bicycle" → cycling) — English needs no translation, so the subject is kept rather than
     * lost or misread; null when there is none or the glossary reads it as one noun with its
     * adjectives (it places that itself).
     */
    private PromptComposer.Subject unknownSubject(String english) {
        String phrase =
                SubjectPhrase.of(
                        english,
                        word -> {
                            for (String concept : glossary.concepts(word, "en")) {
                                String category = glossary.category(concept);
                                // "play" for playing, not "bicycle" for cycling
                                if (category.equals("actions")
                                        || (category.equals("activities")
                                                && concept.endsWith("ing")
                                                && concept.startsWith(word.replaceAll("s$", "")))) {
                                    return true;
                                }
                            }
                            return false;
                        });
        if (phrase == null) {
            return null;
        }
        if (Lexicons.isCameraCue(phrase, "en")) {
            // "an aerial view": the camera, placed by the scene's cues
            return null;
        }
        String[] words = phrase.split(" ");
        boolean unknown = false;
        for (int i = 1; i < words.length; i++) {
            unknown |=
                    glossary.concepts(words[i], "en").isEmpty() && !Lexicons.isCue(words[i], "en");
        }
        List<String> concepts = glossary.conceptsAsWritten(phrase, "en");
        if (!unknown && PromptComposer.isOneNoun(concepts, glossary::category)) {
            return null;
        }
        // the text keeps its own capitalisation of the determiner
        int at = english.toLowerCase(Locale.ROOT).indexOf(phrase);
        String asWritten = at < 0 ? phrase : english.substring(at, at + phrase.length());
        return new PromptComposer.Subject(asWritten, concepts);
    }

    /** The quoted titles in {@code text}, with their quotes, as written. */
    static List<String> titles(String text) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = TITLE.matcher(text);
        while (matcher.find()) {
            String title = matcher.group();
            if (title.strip().split("\\s+").length <= 10 && !titles.contains(title)) {
                titles.add(title);
            }
        }
        return titles;
    }

    /**
     * The entities that are names: not inside a title, not words the glossary translates (German
     * capitalises every noun, so there a single word only counts after a place word such as "in").
     */
    private List<PromptComposer.Name> names(
            List<String> entities, String text, List<String> titles, String language) {
        List<PromptComposer.Name> names = new ArrayList<>();
        for (String entity : entities) {
            if (titles.stream().anyMatch(title -> title.contains(entity))) {
                continue;
            }
            boolean single = entity.strip().split("\\s+").length == 1;
            boolean known =
                    !glossary.concepts(entity, language).isEmpty()
                            || Lexicons.isCue(entity, language);
            boolean place = PLACE_WORDS.contains(wordBefore(text, entity));
            boolean keep =
                    language.equals("de") ? !known && (!single || place) : !(known && single);
            if (keep) {
                names.add(new PromptComposer.Name(entity, place));
            }
        }
        return names;
    }

    private static String wordBefore(String text, String entity) {
        int at = text.indexOf(entity);
        if (at <= 0) {
            return "";
        }
        String[] words = text.substring(0, at).strip().split("[\\s\\p{P}]+");
        return words.length == 0 ? "" : words[words.length - 1].toLowerCase(Locale.ROOT);
    }

    /** {@code text} without its titles and names, which must not be translated word by word. */
    private static String without(
            String text, List<String> titles, List<PromptComposer.Name> names) {
        String rest = text;
        for (String title : titles) {
            rest = rest.replace(title, " ");
        }
        for (PromptComposer.Name name : names) {
            rest = rest.replace(name.text(), " ");
        }
        return rest;
    }

    private static String style(String style) {
        if (style == null) {
            return "";
        }
        String clean = style.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        clean = clean.replaceAll("[.;]+$", "");
        if (clean.length() > MAX_STYLE_CHARS) {
            int space = clean.lastIndexOf(' ', MAX_STYLE_CHARS);
            clean = clean.substring(0, space > 0 ? space : MAX_STYLE_CHARS);
        }
        return clean;
    }

    private String key(Scene scene, String language, String style) {
        List<String> moves = new ArrayList<>();
        for (CameraMove move : scene.getCameraMoves()) {
            moves.add(move.name());
        }
        String canonical =
                String.join(
                        "\u0000",
                        "v1",
                        scene.getText(),
                        language,
                        style,
                        translator == null ? "glossary" : translator.model(),
                        limit.toString(),
                        String.join("\u0001", scene.getEntities()),
                        String.join("\u0001", moves),
                        scene.getSceneMood().name(),
                        String.join("\u0001", scene.getTimeCues()));
        return ContentKeys.sha256(canonical);
    }
}
