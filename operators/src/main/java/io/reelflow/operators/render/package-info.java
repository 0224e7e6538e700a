/**
 * Stage 5: turns a {@code RenderJob} (timed scenes with their media URIs) into an H.264 MP4, a JPEG
 * thumbnail and an SRT file in object storage. Plain Java over Bytedeco FFmpeg; the Flink wrapper
 * calls {@link io.reelflow.operators.render.Renderer} from a bounded executor.
 */
package io.reelflow.operators.render;
