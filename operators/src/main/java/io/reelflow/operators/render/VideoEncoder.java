package io.reelflow.operators.render;

/** Which H.264 encoder the {@link Renderer} uses. */
public enum VideoEncoder {
    /** Try the GPU encoder ({@code h264_nvenc}); when it cannot open, use {@code libx264}. */
    AUTO,
    /** Only {@code h264_nvenc}: a render fails when no usable NVIDIA GPU is present. */
    NVENC,
    /** Only {@code libx264} on the CPU. */
    LIBX264
}
