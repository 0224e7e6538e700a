package io.reelflow.operators.asset.internal;

import io.reelflow.operators.common.LanguageTags;
import io.reelflow.operators.scene.internal.KeywordAnalyzers;

/** Names of the index fields, shared by the index builder and the query builder. */
public final class AssetFields {

    /** The asset's position in the index's asset array (doc values). */
    public static final String ORDINAL = "ord";

    /** {@code photo}, {@code clip} or {@code music}. */
    public static final String KIND = "kind";

    /** {@code landscape}, {@code portrait}, {@code square} or {@code unknown}. */
    public static final String ORIENTATION = "orientation";

    /** Seconds, 0 for photos (points, for range filters). */
    public static final String DURATION = "duration";

    /**
     * English concepts (glossary) of the asset's tags, twice so a tag weighs more than a word of
     * the description, and of its title and description, whatever the asset's language.
     */
    public static final String CONCEPTS = "concepts";

    /** Analyzer key of languages without an analyzer of their own. */
    public static final String STANDARD = "std";

    private AssetFields() {}

    /** Title and description, analysed with the analyzer of {@code languageKey}. */
    public static String text(String languageKey) {
        return "text_" + languageKey;
    }

    /** Tags, analysed with the analyzer of {@code languageKey}. */
    public static String tags(String languageKey) {
        return "tags_" + languageKey;
    }

    /** {@code "de-AT"} → {@code "de"}; a language without its own analyzer → {@link #STANDARD}. */
    public static String languageKey(String language) {
        if (language == null) {
            return STANDARD;
        }
        String primary = LanguageTags.primarySubtag(LanguageTags.normalize(language));
        return KeywordAnalyzers.hasAnalyzer(primary) ? primary : STANDARD;
    }
}
