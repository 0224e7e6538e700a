/**
 * Stage 6: decodes a rendered MP4 and checks it against its {@code RenderSpec} (codec, resolution,
 * duration, black frames), giving a 0-100 score, pass/fail and the reasons. Plain Java over
 * Bytedeco FFmpeg; the Flink wrapper calls {@link io.reelflow.operators.quality.QualityScorer} from
 * a bounded executor.
 */
package io.reelflow.operators.quality;
