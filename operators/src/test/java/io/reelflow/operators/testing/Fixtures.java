package io.reelflow.operators.testing;

import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Named records for operator tests. */
public final class Fixtures {
    public static final String RUN_ID = "test-run";
    public static final String TOPIC = "reelflow.requests";

    private Fixtures() {}

    public static RawRequest raw(String payload, int partition, long offset) {
        return raw(
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                partition,
                offset);
    }

    public static RawRequest raw(byte[] payload, int partition, long offset) {
        return RawRequest.newBuilder()
                .setTopic(TOPIC)
                .setPartition(partition)
                .setOffset(offset)
                .setTimestamp(0)
                .setKey("key-" + offset)
                .setPayload(payload == null ? null : ByteBuffer.wrap(payload))
                .build();
    }

    public static RenderSpec spec(double seconds) {
        return RenderSpec.newBuilder()
                .setWidth(320)
                .setHeight(180)
                .setFps(25)
                .setTargetDurationSeconds(seconds)
                .setSubtitles(true)
                .setStyle(null)
                .build();
    }

    public static Scene scene(
            int index, double start, double end, String prompt, List<String> keywords) {
        return Scene.newBuilder()
                .setIndex(index)
                .setText("Scene " + index + ".")
                .setStartSeconds(start)
                .setEndSeconds(end)
                .setKeywords(keywords)
                .setEntities(List.of())
                .setSceneMood(Mood.NEUTRAL)
                .setCameraMoves(List.of())
                .setTimeCues(List.of())
                .setPrompt(prompt)
                .build();
    }

    /** A plan of {@code sceneCount} two-second scenes. */
    public static ScenePlan plan(String requestId, int sceneCount) {
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < sceneCount; i++) {
            scenes.add(scene(i, 2.0 * i, 2.0 * (i + 1), "prompt " + i, List.of("word" + i)));
        }
        return ScenePlan.newBuilder()
                .setRequestId(requestId)
                .setRunId(RUN_ID)
                .setLanguage("en")
                .setLanguageConfidence(0.9)
                .setSpec(spec(2.0 * sceneCount))
                .setScenes(scenes)
                .setWarnings(List.of())
                .build();
    }

    public static SceneTask task(ScenePlan plan, int index) {
        return SceneTask.newBuilder()
                .setRequestId(plan.getRequestId())
                .setRunId(plan.getRunId())
                .setLanguage(plan.getLanguage())
                .setSceneCount(plan.getScenes().size())
                .setSpec(plan.getSpec())
                .setScene(plan.getScenes().get(index))
                .setAsset(null)
                .build();
    }

    public static SceneClip clip(ScenePlan plan, int index) {
        return SceneClip.newBuilder()
                .setRequestId(plan.getRequestId())
                .setRunId(plan.getRunId())
                .setSceneCount(plan.getScenes().size())
                .setScene(plan.getScenes().get(index))
                .setSource(ClipSource.GENERATED)
                .setMediaUri("s3://bucket/clips/" + index + ".mp4")
                .build();
    }
}
