package io.reelflow.sidecar;

import java.nio.file.Path;

/**
 * A clip written by {@link ClipSynthesizer}.
 *
 * @param path the MP4 file
 * @param frames number of frames in the clip
 * @param durationSeconds exact length: frames divided by frame rate
 */
public record SynthesizedClip(Path path, int frames, double durationSeconds) {}
