package io.reelflow.operators.asset;

import io.reelflow.operators.asset.internal.Fit;
import io.reelflow.operators.asset.internal.SceneQuery;
import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.scene.Glossary;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the catalog photo or clip that best shows each scene of a plan, and a music bed. A scene's
 * keywords, entities, the concepts its text names and its English cue labels are searched with BM25
 * in the {@link AssetIndex}; the score is normalised to 0..1 against an ideal asset and adjusted by
 * fit (clip length, orientation, camera cue, mood). Over a plan, the best scene–asset pairs are
 * assigned first, so no asset is used twice in a video; a scene whose best remaining score is below
 * {@link AssetRetrieverConfig#minScore()} gets none and is generated. Each scene also keeps a few
 * next-best assets that no scene was given, for a quality repair to swap in. Thread-safe.
 *
 * <pre>{@code
 * AssetRetriever retriever = new AssetRetriever(holder, AssetRetrieverConfig.defaults());
 * PlanAssets assets = retriever.retrieve(plan);
 * }</pre>
 */
public final class AssetRetriever {
    /** Next-best assets kept per scene for a quality repair. */
    public static final int ALTERNATIVES = 3;

    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble((Candidate c) -> -c.score)
                    .thenComparingInt(c -> c.scene)
                    .thenComparing(c -> c.asset.id());

    private final Supplier<AssetIndex> index;
    private final AssetRetrieverConfig config;
    private final Glossary glossary;
    private final Fit fit;
    private final SentenceEmbedder embedder;

    /**
     * Searches whatever index {@code index} holds at each call (a refreshing holder), re-ranking
     * BM25's candidates with the dense signal of {@code embedder} when it is given and {@link
     * AssetRetrieverConfig#denseWeight()} is above 0.
     */
    public AssetRetriever(
            Supplier<AssetIndex> index, AssetRetrieverConfig config, SentenceEmbedder embedder) {
        this.index = Objects.requireNonNull(index, "index");
        this.config = Objects.requireNonNull(config, "config");
        this.glossary = config.glossary() ? Glossary.standard() : null;
        this.fit = new Fit(config.fitBonus(), config.mismatchPenalty());
        this.embedder = config.denseWeight() > 0 ? embedder : null;
    }

    /** BM25 alone, whatever the dense weight. */
    public AssetRetriever(Supplier<AssetIndex> index, AssetRetrieverConfig config) {
        this(index, config, null);
    }

    public AssetRetriever(
            AssetIndex index, AssetRetrieverConfig config, SentenceEmbedder embedder) {
        this(constant(index), config, embedder);
    }

    public AssetRetriever(AssetIndex index, AssetRetrieverConfig config) {
        this(constant(index), config);
    }

    /** Indexes {@code catalog} once; for tests and tools. */
    public AssetRetriever(List<CatalogAsset> catalog, AssetRetrieverConfig config) {
        this(AssetIndex.build(catalog), config);
    }

    private static Supplier<AssetIndex> constant(AssetIndex index) {
        Objects.requireNonNull(index, "index");
        return () -> index;
    }

    public AssetRetrieverConfig config() {
        return config;
    }

    /** Photos and clips in the current index. */
    public int size() {
        return index.get().visualCount();
    }

    /**
     * The assets of a whole plan: per scene the best asset not already given to a better-scoring
     * scene, and a music bed by mood when {@code spec.music} is set and the catalog has music.
     */
    public PlanAssets retrieve(ScenePlan plan) {
        AssetIndex current = index.get();
        List<Scene> scenes = plan.getScenes();
        int limit = config.topK() + scenes.size() - 1;
        List<Candidate> all = new ArrayList<>();
        List<List<Candidate>> perScene = new ArrayList<>(scenes.size());
        for (int i = 0; i < scenes.size(); i++) {
            List<Candidate> ranked =
                    candidates(
                            current, i, scenes.get(i), plan.getSpec(), plan.getLanguage(), limit);
            perScene.add(ranked);
            for (Candidate candidate : ranked) {
                if (candidate.score >= config.minScore()) {
                    all.add(candidate);
                }
            }
        }
        all.sort(BEST_FIRST);
        Candidate[] chosen = new Candidate[scenes.size()];
        Set<String> used = new HashSet<>();
        int open = scenes.size();
        for (Candidate candidate : all) {
            if (open == 0) {
                break;
            }
            if (chosen[candidate.scene] == null && !used.contains(candidate.asset.id())) {
                chosen[candidate.scene] = candidate;
                used.add(candidate.asset.id());
                open--;
            }
        }
        List<Optional<AssetMatch>> matches = new ArrayList<>(scenes.size());
        for (Candidate candidate : chosen) {
            matches.add(
                    candidate == null ? Optional.empty() : Optional.of(candidate.toMatch(current)));
        }
        return new PlanAssets(matches, alternatives(current, perScene, used), music(current, plan));
    }

    /**
     * Per scene the best {@link #ALTERNATIVES} assets no scene was given, whatever their score: a
     * quality repair re-scores what it swaps in, and a weak stock match still beats a black
     * generated scene.
     */
    private static List<List<AssetMatch>> alternatives(
            AssetIndex current, List<List<Candidate>> perScene, Set<String> used) {
        List<List<AssetMatch>> alternatives = new ArrayList<>(perScene.size());
        for (List<Candidate> ranked : perScene) {
            List<AssetMatch> next = new ArrayList<>(ALTERNATIVES);
            for (Candidate candidate : ranked) {
                if (next.size() == ALTERNATIVES) {
                    break;
                }
                if (!used.contains(candidate.asset.id())) {
                    next.add(candidate.toMatch(current));
                }
            }
            alternatives.add(next);
        }
        return alternatives;
    }

    /** The best asset for one scene alone (no plan, so no protection against reuse). */
    public Optional<AssetMatch> retrieve(SceneTask task) {
        AssetIndex current = index.get();
        List<Candidate> candidates =
                candidates(
                        current,
                        0,
                        task.getScene(),
                        task.getSpec(),
                        task.getLanguage(),
                        config.topK());
        return candidates.isEmpty() || candidates.get(0).score < config.minScore()
                ? Optional.empty()
                : Optional.of(candidates.get(0).toMatch(current));
    }

    /**
     * Up to {@code limit} assets for {@code scene}, best first, whatever their score (the minimum
     * score is not applied): for evaluations that rank.
     */
    public List<AssetMatch> rank(Scene scene, RenderSpec spec, String language, int limit) {
        AssetIndex current = index.get();
        List<AssetMatch> ranked = new ArrayList<>();
        for (Candidate candidate : candidates(current, 0, scene, spec, language, limit)) {
            ranked.add(candidate.toMatch(current));
        }
        return ranked;
    }

    private List<Candidate> candidates(
            AssetIndex current,
            int sceneIndex,
            Scene scene,
            RenderSpec spec,
            String language,
            int limit) {
        List<SceneQuery.Slot> slots =
                SceneQuery.slots(
                        scene,
                        language,
                        glossary,
                        config.contextWeight(),
                        config.descriptionWeight());
        List<AssetIndex.Hit> hits = current.search(slots, limit);
        if (hits.isEmpty()) {
            return List.of();
        }
        double ideal = current.idealScore(slots);
        float[] prompt = promptVector(scene);
        double sceneSeconds = Math.max(0.001, scene.getEndSeconds() - scene.getStartSeconds());
        List<Candidate> candidates = new ArrayList<>(hits.size());
        for (AssetIndex.Hit hit : hits) {
            CatalogAsset asset = current.asset(hit.ordinal());
            double bm25 = ideal > 0 ? Math.min(1.0, hit.bm25() / ideal) : 0;
            double dense = Double.NaN;
            double relevance = bm25;
            if (prompt != null) {
                float[] described =
                        current.descriptionVector(hit.ordinal(), embedder, config.denseCacheSize());
                dense =
                        described == null
                                ? 0
                                : Math.max(0, SentenceEmbedder.cosine(prompt, described));
                relevance = (1 - config.denseWeight()) * bm25 + config.denseWeight() * dense;
            }
            Fit.Result fitted =
                    fit.score(
                            asset,
                            sceneSeconds,
                            spec.getWidth(),
                            spec.getHeight(),
                            scene.getCameraMoves(),
                            scene.getSceneMood());
            double score = clamp(relevance + fitted.adjustment());
            candidates.add(
                    new Candidate(sceneIndex, asset, hit.doc(), bm25, dense, score, fitted, slots));
        }
        candidates.sort(BEST_FIRST);
        return candidates;
    }

    /** The scene's English prompt as a vector; null when the dense signal is off or no prompt. */
    private float[] promptVector(Scene scene) {
        if (embedder == null || scene.getPrompt() == null || scene.getPrompt().isBlank()) {
            return null;
        }
        return embedder.embed(scene.getPrompt());
    }

    private Optional<AssetMatch> music(AssetIndex current, ScenePlan plan) {
        if (!plan.getSpec().getMusic() || current.music().isEmpty()) {
            return Optional.empty();
        }
        Mood mood = planMood(plan.getScenes());
        double videoSeconds = plan.getSpec().getTargetDurationSeconds();
        AssetIndex.MusicTrack best = null;
        double bestScore = -1;
        for (AssetIndex.MusicTrack track : current.music()) {
            double score = musicScore(track, mood, videoSeconds, null);
            if (score > bestScore
                    || (score == bestScore
                            && track.asset().id().compareTo(best.asset().id()) < 0)) {
                best = track;
                bestScore = score;
            }
        }
        if (best == null || bestScore < config.minScore()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(2);
        musicScore(best, mood, videoSeconds, reasons);
        return Optional.of(match(best.asset(), bestScore, reasons));
    }

    /**
     * A track's score for the plan's mood and length; explains it into {@code reasons} if given.
     */
    private static double musicScore(
            AssetIndex.MusicTrack track, Mood mood, double videoSeconds, List<String> reasons) {
        double score = 0.5;
        if (mood != null) {
            Mood opposite = Fit.opposite(mood);
            String label = Vocabulary.label(mood);
            if (track.moods().contains(mood)) {
                score += 0.4;
                if (reasons != null) {
                    reasons.add(label + " track for " + label + " video");
                }
            } else if (track.moods().contains(opposite)) {
                score -= 0.3;
                if (reasons != null) {
                    reasons.add(Vocabulary.label(opposite) + " track for " + label + " video");
                }
            }
        }
        double seconds = track.asset().durationSeconds();
        boolean covers = seconds + 1e-6 >= videoSeconds;
        score += covers ? 0.1 : -0.1 * (1 - Math.max(0, seconds) / videoSeconds);
        if (reasons != null) {
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            covers
                                    ? "track %.1f s covers %.1f s video"
                                    : "track %.1f s loops under %.1f s video",
                            seconds,
                            videoSeconds));
        }
        return clamp(score);
    }

    /** The mood most scenes have, ties to the earliest; null if all are neutral. */
    static Mood planMood(List<Scene> scenes) {
        Map<Mood, Integer> counts = new EnumMap<>(Mood.class);
        Mood best = null;
        for (Scene scene : scenes) {
            Mood mood = scene.getSceneMood();
            if (mood == null || !Fit.MOOD_WORDS.containsKey(mood)) {
                continue;
            }
            int count = counts.merge(mood, 1, Integer::sum);
            if (best == null || count > counts.get(best)) {
                best = mood;
            }
        }
        return best;
    }

    private static double clamp(double score) {
        return Math.max(0.0, Math.min(1.0, score));
    }

    static AssetMatch match(CatalogAsset asset, double score, List<String> reasons) {
        return AssetMatch.newBuilder()
                .setAssetId(asset.id())
                .setUri(asset.uri())
                .setKind(asset.kind())
                .setDurationSeconds(
                        asset.kind() == AssetKind.PHOTO ? null : asset.durationSeconds())
                .setScore(score)
                .setReasons(new ArrayList<>(reasons))
                .setDescription(AssetIndex.describe(asset))
                .setCredit(
                        Credit.newBuilder()
                                .setAssetId(asset.id())
                                .setUri(asset.uri())
                                .setTitle(asset.title())
                                .setAuthor(asset.author())
                                .setLicence(asset.licence())
                                .setSourceUrl(asset.sourceUrl())
                                .build())
                .build();
    }

    /** A scored asset for one scene of a plan. */
    private static final class Candidate {
        final int scene;
        final CatalogAsset asset;
        final int doc;
        final double relevance;
        final double dense;
        final double score;
        final Fit.Result fit;
        final List<SceneQuery.Slot> slots;

        Candidate(
                int scene,
                CatalogAsset asset,
                int doc,
                double relevance,
                double dense,
                double score,
                Fit.Result fit,
                List<SceneQuery.Slot> slots) {
            this.scene = scene;
            this.asset = asset;
            this.doc = doc;
            this.relevance = relevance;
            this.dense = dense;
            this.score = score;
            this.fit = fit;
            this.slots = slots;
        }

        AssetMatch toMatch(AssetIndex index) {
            List<String> reasons = new ArrayList<>(1 + fit.reasons().size());
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "bm25 %.2f: %s",
                            relevance,
                            String.join(", ", index.matchedLabels(doc, slots))));
            if (!Double.isNaN(dense)) {
                reasons.add(String.format(Locale.ROOT, "dense %.2f: prompt vs description", dense));
            }
            reasons.addAll(fit.reasons());
            return match(asset, score, reasons);
        }
    }
}
