/**
 * Stage 2 of the pipeline: from a request's text to timed scenes. {@link
 * io.reelflow.operators.scene.SceneAnalyzer} normalises the text, splits it into sentences, groups
 * them into scenes whose durations add up exactly to the requested video length, and describes each
 * scene (keywords, entities, mood, camera and time cues, a generation prompt).
 */
package io.reelflow.operators.scene;
