package io.reelflow.operators.asset.internal;

import io.reelflow.operators.scene.Glossary;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The words of a scene as weighted slots. A slot is one word of the scene (a keyword, an entity
 * word, a concept found in the text, a time cue, a word of an English prompt); it matches an asset
 * through any of its clauses — the word's stem in the asset's tags or description fields of the
 * scene's language, or its English concept in the asset's concept fields — and counts once, by its
 * best clause ({@link DisjunctionMaxQuery}).
 */
public final class SceneQuery {

    /** Words of the rule-based prompt that say nothing about what to show. */
    private static final Set<String> PROMPT_NOISE = new HashSet<>();

    static {
        List<String> noise = new ArrayList<>(PromptWriter.TEMPLATE_WORDS);
        noise.addAll(List.of("cinematic", "video", "footage", "neutral", "slow", "motion"));
        for (CameraMove move : CameraMove.values()) {
            noise.add(Vocabulary.label(move));
        }
        for (Mood mood : Mood.values()) {
            noise.add(Vocabulary.label(mood));
        }
        noise.addAll(
                List.of(
                        "dawn", "morning", "noon", "sunset", "night", "spring", "summer", "autumn",
                        "winter"));
        for (String word : noise) {
            PROMPT_NOISE.addAll(Glossary.stems(word, "en"));
        }
    }

    /** Share of the other clauses' scores a slot adds to its best clause. */
    public static final float TIE_BREAKER = 0.1f;

    /**
     * One way a slot can match: {@code term} in {@code field}; {@code label} names it in reasons.
     */
    public record Clause(String field, String term, float boost, String label) {}

    /** One word of the scene and the clauses it matches through. */
    public record Slot(float weight, List<Clause> clauses) {}

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Set<String> concepts = new HashSet<>();
    private final Set<String> englishStems = new HashSet<>();
    private final Glossary glossary;
    private final float descriptionWeight;

    private SceneQuery(Glossary glossary, double descriptionWeight) {
        this.glossary = glossary;
        this.descriptionWeight = (float) descriptionWeight;
    }

    /**
     * The slots of {@code scene} in {@code language}; {@code glossary} null means no translation
     * (only words of the scene's own language and English cue labels match).
     */
    public static List<Slot> slots(
            Scene scene,
            String language,
            Glossary glossary,
            double contextWeight,
            double descriptionWeight) {
        SceneQuery query = new SceneQuery(glossary, descriptionWeight);
        String key = AssetFields.languageKey(language);
        for (String keyword : scene.getKeywords()) {
            query.addWord(keyword, key, 1f);
        }
        for (String entity : scene.getEntities()) {
            query.addWord(entity, key, 1f);
        }
        float context = (float) contextWeight;
        if (glossary != null && context > 0) {
            for (String concept : glossary.concepts(scene.getText(), key)) {
                query.addConcept(concept, context);
            }
        }
        if (context > 0) {
            for (String cue : scene.getTimeCues()) {
                query.addWord(cue, "en", context);
            }
            query.addPrompt(scene.getPrompt(), context);
        }
        return new ArrayList<>(query.slots.values());
    }

    /** The Lucene query of {@code slots}: any slot may match, each adds its best clause. */
    public static Query toQuery(List<Slot> slots) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Slot slot : slots) {
            List<Query> disjuncts = new ArrayList<>(slot.clauses().size());
            for (Clause clause : slot.clauses()) {
                Query term = new TermQuery(new Term(clause.field(), clause.term()));
                disjuncts.add(clause.boost() == 1f ? term : new BoostQuery(term, clause.boost()));
            }
            Query one =
                    disjuncts.size() == 1
                            ? disjuncts.get(0)
                            : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
            builder.add(
                    slot.weight() == 1f ? one : new BoostQuery(one, slot.weight()),
                    BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private void addWord(String word, String languageKey, float weight) {
        if (word == null || word.isBlank()) {
            return;
        }
        List<String> stems = Glossary.stems(word, languageKey);
        for (String stem : stems) {
            String slotKey = languageKey + ":" + stem;
            if (slots.containsKey(slotKey)) {
                continue;
            }
            List<String> stemConcepts =
                    glossary == null
                            ? List.of()
                            : glossary.conceptsOfStems(List.of(stem), languageKey);
            if (weight < 1f && !stemConcepts.isEmpty() && concepts.containsAll(stemConcepts)) {
                continue; // a time cue or prompt word the scene's own words already name
            }
            String label = stems.size() == 1 ? word.toLowerCase(Locale.ROOT) : stem;
            List<Clause> clauses = new ArrayList<>(3);
            List<String> newConcepts = new ArrayList<>(stemConcepts);
            newConcepts.removeAll(concepts);
            if (!languageKey.equals("en") || stemConcepts.isEmpty()) {
                // an English word the glossary knows is in the concepts field of English assets
                clauses.add(new Clause(AssetFields.tags(languageKey), stem, 1f, label));
                clauses.add(
                        new Clause(AssetFields.text(languageKey), stem, descriptionWeight, label));
            }
            for (String concept : newConcepts) {
                addConceptClause(clauses, concept);
            }
            if (clauses.isEmpty()) {
                continue; // an English synonym of a concept already searched
            }
            slots.put(slotKey, new Slot(weight, clauses));
            if (languageKey.equals("en")) {
                englishStems.add(stem);
            }
        }
        if (!languageKey.equals("en")) {
            englishStems.addAll(Glossary.stems(word, "en"));
        }
        if (glossary != null && stems.size() > 1) {
            for (String concept : glossary.conceptsOfStems(stems, languageKey)) {
                addConcept(concept, weight);
            }
        }
    }

    private void addConcept(String concept, float weight) {
        if (concepts.contains(concept)) {
            return;
        }
        List<Clause> clauses = new ArrayList<>(1);
        addConceptClause(clauses, concept);
        slots.put("concept:" + concept, new Slot(weight, clauses));
    }

    private void addConceptClause(List<Clause> clauses, String concept) {
        concepts.add(concept);
        clauses.add(new Clause(AssetFields.CONCEPTS, concept, 1f, Glossary.conceptLabel(concept)));
    }

    /**
     * Words of the English prompt that are not already slots: a model planner writes a real English
     * prompt; the rule-based one repeats the keywords and entities around fixed words.
     */
    private void addPrompt(String prompt, float weight) {
        if (prompt == null) {
            return;
        }
        for (String stem : Glossary.stems(prompt, "en")) {
            if (PROMPT_NOISE.contains(stem) || !englishStems.add(stem)) {
                continue;
            }
            List<String> stemConcepts =
                    glossary == null ? List.of() : glossary.conceptsOfStems(List.of(stem), "en");
            List<Clause> clauses = new ArrayList<>(2);
            if (stemConcepts.isEmpty()) {
                clauses.add(new Clause(AssetFields.tags("en"), stem, 1f, stem));
                clauses.add(new Clause(AssetFields.text("en"), stem, descriptionWeight, stem));
            }
            for (String concept : stemConcepts) {
                if (!concepts.contains(concept)) {
                    addConceptClause(clauses, concept);
                }
            }
            if (!clauses.isEmpty()) {
                slots.putIfAbsent("en:" + stem, new Slot(weight, clauses));
            }
        }
    }
}
