package io.reelflow.operators.language.internal;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import io.reelflow.operators.common.LanguageTags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Maps between ISO 639 codes, language tags and Lingua's {@link Language}. */
public final class LanguageCodes {

    private static final Map<String, Language> BY_ISO_639_1 = new HashMap<>();
    private static final Map<String, Language> BY_ISO_639_3 = new HashMap<>();
    private static final Map<Language, String> ISO_639_1 = new EnumMap<>(Language.class);

    /** Deprecated or macro-language codes still found in the wild, and the code Lingua knows. */
    private static final Map<String, String> ALIASES =
            Map.of("iw", "he", "in", "id", "no", "nb", "zh-hans", "zh", "zh-hant", "zh");

    static {
        for (Language language : Language.all()) {
            String code = language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
            BY_ISO_639_1.put(code, language);
            BY_ISO_639_3.put(
                    language.getIsoCode639_3().toString().toLowerCase(Locale.ROOT), language);
            ISO_639_1.put(language, code);
        }
    }

    private static final SortedSet<String> SUPPORTED = supported();

    private static SortedSet<String> supported() {
        SortedSet<String> codes = new TreeSet<>(BY_ISO_639_1.keySet());
        codes.addAll(ScriptRules.SCRIPT_ONLY_LANGUAGES);
        return Collections.unmodifiableSortedSet(codes);
    }

    private LanguageCodes() {}

    /** The ISO 639-1 codes of all languages detected, by Lingua or by script rules. */
    public static SortedSet<String> supportedCodes() {
        return SUPPORTED;
    }

    /** Whether {@code code} is a lower-case ISO 639-1 code of a language detected. */
    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** Whether Lingua has a model for {@code code} (script-only languages have none). */
    public static boolean isLinguaLanguage(String code) {
        return code != null && BY_ISO_639_1.containsKey(code);
    }

    /** Lingua's language for a supported lower-case ISO 639-1 code. */
    public static Language toLingua(String code) {
        Language language = BY_ISO_639_1.get(code);
        if (language == null) {
            throw new IllegalArgumentException("unsupported language code '" + code + "'");
        }
        return language;
    }

    /** The lower-case ISO 639-1 code of a Lingua language, or empty for {@code UNKNOWN}. */
    public static Optional<String> toCode(Language language) {
        return Optional.ofNullable(ISO_639_1.get(language));
    }

    /**
     * The {@link IsoCode639_1} constants for lower-case codes, for Lingua's builder; codes of
     * script-only languages are left out.
     */
    public static IsoCode639_1[] toIsoCodes(Iterable<String> codes) {
        List<IsoCode639_1> result = new ArrayList<>();
        for (String code : codes) {
            if (isLinguaLanguage(code)) {
                result.add(toLingua(code).getIsoCode639_1());
            }
        }
        return result.toArray(new IsoCode639_1[0]);
    }

    /**
     * Reads a language hint such as {@code "de"}, {@code "DE"}, {@code "de-DE"}, {@code "pt_BR"},
     * {@code "deu"} or {@code "iw"} into a supported lower-case ISO 639-1 code.
     *
     * @return the code, or empty when the hint names no language the detector knows
     */
    public static Optional<String> parseHint(String hint) {
        if (hint == null) {
            return Optional.empty();
        }
        String tag = LanguageTags.normalize(hint);
        String alias = ALIASES.get(tag);
        if (alias != null) {
            return Optional.of(alias);
        }
        String primary = LanguageTags.primarySubtag(tag);
        primary = ALIASES.getOrDefault(primary, primary);
        if (primary.length() == 2 && isSupported(primary)) {
            return Optional.of(primary);
        }
        if (primary.length() == 3 && ScriptRules.SCRIPT_ONLY_ISO_639_3.containsKey(primary)) {
            return Optional.of(ScriptRules.SCRIPT_ONLY_ISO_639_3.get(primary));
        }
        if (primary.length() == 3) {
            Language language = BY_ISO_639_3.get(primary);
            if (language != null) {
                return toCode(language);
            }
        }
        return Optional.empty();
    }

    /** A hint shortened and stripped of control characters, safe to quote in a warning. */
    public static String quotable(String hint) {
        StringBuilder sb = new StringBuilder();
        hint.codePoints()
                .limit(32)
                .forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return hint.codePointCount(0, hint.length()) > 32 ? sb + "..." : sb.toString();
    }
}
