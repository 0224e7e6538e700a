package io.reelflow.operators.asset;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the catalog photo or clip whose tags and description best share the words of a scene (its
 * keywords, entities and English prompt). Foundation version: exact term overlap with a light
 * plural folding; a Lucene index replaces it when the catalog grows (see the module README).
 */
public final class AssetRetriever {
    /** Words every prompt carries that say nothing about what to show. */
    private static final Set<String> PROMPT_NOISE =
            Set.of(
                    "cinematic",
                    "shot",
                    "scene",
                    "style",
                    "mood",
                    "with",
                    "and",
                    "the",
                    "of",
                    "at",
                    "in",
                    "on",
                    "a",
                    "an",
                    "none",
                    "neutral",
                    "video",
                    "footage");

    private final List<IndexedAsset> assets;
    private final AssetRetrieverConfig config;

    public AssetRetriever(List<CatalogAsset> catalog, AssetRetrieverConfig config) {
        this.config = config;
        this.assets = new ArrayList<>();
        for (CatalogAsset asset : catalog) {
            if (asset.kind() != AssetKind.MUSIC) {
                assets.add(IndexedAsset.of(asset));
            }
        }
    }

    public int size() {
        return assets.size();
    }

    /** The best asset for the task's scene, if one scores at least the configured minimum. */
    public Optional<AssetMatch> retrieve(SceneTask task) {
        Set<String> query = queryTerms(task.getScene());
        if (query.isEmpty() || assets.isEmpty()) {
            return Optional.empty();
        }
        double sceneSeconds = task.getScene().getEndSeconds() - task.getScene().getStartSeconds();
        boolean landscape = task.getSpec().getWidth() >= task.getSpec().getHeight();
        return assets.stream()
                .map(asset -> asset.score(query, sceneSeconds, landscape, config.fitBonus()))
                .filter(candidate -> candidate.score >= config.minScore())
                .max(
                        Comparator.comparingDouble((Candidate c) -> c.score)
                                .thenComparing(c -> c.asset.asset.id(), Comparator.reverseOrder()))
                .map(Candidate::toMatch);
    }

    static Set<String> queryTerms(Scene scene) {
        Set<String> terms = new LinkedHashSet<>();
        scene.getKeywords().forEach(k -> terms.addAll(terms(k)));
        scene.getEntities().forEach(e -> terms.addAll(terms(e)));
        for (String word : terms(scene.getPrompt())) {
            if (!PROMPT_NOISE.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }

    /**
     * Lower-cased letter/digit runs, with a trailing English plural folded ("mountains" =
     * "mountain").
     */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (token.length() < 2) {
                continue;
            }
            out.add(
                    token.length() > 3 && token.endsWith("s") && !token.endsWith("ss")
                            ? token.substring(0, token.length() - 1)
                            : token);
        }
        return out;
    }

    private record IndexedAsset(CatalogAsset asset, Set<String> tagTerms, Set<String> textTerms) {
        static IndexedAsset of(CatalogAsset asset) {
            Set<String> tags = new LinkedHashSet<>();
            asset.tags().forEach(t -> tags.addAll(terms(t)));
            Set<String> text = new LinkedHashSet<>(terms(asset.description()));
            text.addAll(terms(asset.title()));
            return new IndexedAsset(asset, tags, text);
        }

        Candidate score(
                Set<String> query, double sceneSeconds, boolean landscape, double fitBonus) {
            List<String> reasons = new ArrayList<>();
            double weight = 0;
            for (String term : query) {
                if (tagTerms.contains(term)) {
                    weight += 1.0;
                    reasons.add("tag: " + term);
                } else if (textTerms.contains(term)) {
                    weight += 0.6;
                    reasons.add("description: " + term);
                }
            }
            // Normalise by a capped query size, so long scenes are not punished for their length.
            double score = weight / Math.min(query.size(), 4);
            if (weight > 0) {
                if (asset.kind() == AssetKind.CLIP && asset.durationSeconds() >= sceneSeconds) {
                    score += fitBonus;
                    reasons.add("clip covers the scene");
                }
                if ((asset.width() >= asset.height()) == landscape) {
                    score += fitBonus;
                    reasons.add("orientation fits");
                }
            }
            return new Candidate(this, Math.min(1.0, score), reasons);
        }
    }

    private record Candidate(IndexedAsset asset, double score, List<String> reasons) {
        AssetMatch toMatch() {
            CatalogAsset a = asset.asset;
            return AssetMatch.newBuilder()
                    .setAssetId(a.id())
                    .setUri(a.uri())
                    .setKind(a.kind())
                    .setDurationSeconds(a.kind() == AssetKind.CLIP ? a.durationSeconds() : null)
                    .setScore(score)
                    .setReasons(reasons)
                    .setCredit(
                            Credit.newBuilder()
                                    .setAssetId(a.id())
                                    .setUri(a.uri())
                                    .setTitle(a.title())
                                    .setAuthor(a.author())
                                    .setLicence(a.licence())
                                    .setSourceUrl(a.sourceUrl())
                                    .build())
                    .build();
        }
    }
}
