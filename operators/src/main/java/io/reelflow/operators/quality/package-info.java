/**
 * Stage 6: judges a rendered MP4 scene by scene. {@link
 * io.reelflow.operators.quality.QualityScorer} weighs the findings of every {@link
 * io.reelflow.operators.quality.QualityAnalyzer} (the picture checks of {@link
 * io.reelflow.operators.quality.PictureAnalyzer} on DJL NDArrays, and whatever else is passed in)
 * into a 0-100 score, pass/fail, reasons and a per-scene breakdown, against the thresholds of a
 * {@link io.reelflow.operators.quality.QualityConfig} preset. See README.md here; the Flink wrapper
 * calls the scorer from a bounded executor.
 */
package io.reelflow.operators.quality;
