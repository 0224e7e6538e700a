package io.reelflow.operators.asset;

import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The assets retrieved for one plan: per scene (parallel to the plan's scenes) the stock asset that
 * shows it, or empty when the scene is to be generated, and the music bed, if any. No asset appears
 * twice; {@code alternatives} holds per scene the next-best assets, none of them used by a scene.
 */
public record PlanAssets(
        List<Optional<AssetMatch>> scenes,
        List<List<AssetMatch>> alternatives,
        Optional<AssetMatch> music) {

    public PlanAssets {
        scenes = List.copyOf(scenes);
        alternatives = alternatives.stream().map(List::copyOf).toList();
        Objects.requireNonNull(music, "music");
        if (!alternatives.isEmpty() && alternatives.size() != scenes.size()) {
            throw new IllegalArgumentException(
                    "alternatives must be empty or one list per scene, were "
                            + alternatives.size()
                            + " for "
                            + scenes.size()
                            + " scenes");
        }
    }

    /** Assets without alternatives (for tools that do not repair). */
    public PlanAssets(List<Optional<AssetMatch>> scenes, Optional<AssetMatch> music) {
        this(scenes, List.of(), music);
    }

    /** The scene matches as the plan's {@code sceneAssets} field wants them: null for none. */
    public List<AssetMatch> sceneAssetsOrNull() {
        List<AssetMatch> list = new ArrayList<>(scenes.size());
        for (Optional<AssetMatch> match : scenes) {
            list.add(match.orElse(null));
        }
        return list;
    }

    /** The attribution of every asset used, scenes in order, then the music. */
    public List<Credit> credits() {
        List<Credit> credits = new ArrayList<>();
        scenes.forEach(match -> match.ifPresent(m -> credits.add(m.getCredit())));
        music.ifPresent(m -> credits.add(m.getCredit()));
        return credits;
    }
}
