package io.reelflow.operators.quality.internal;

/**
 * The measurements of one decoded frame (see {@link LumaMeasures}).
 *
 * @param seconds where the frame is shown
 * @param mean mean luma, 0-255
 * @param deviation standard deviation of luma (contrast)
 * @param sharpness edge sharpness, about 2 / (edge width + 1) in pixels; 0 when the frame has too
 *     few edges to tell, {@code NaN} when not measured (see {@link LumaMeasures})
 * @param highlights share of clipped highlights
 * @param shadows share of crushed shadows
 * @param difference mean absolute luma difference to the previous decoded frame; {@code NaN} for
 *     the first
 */
public record FrameSample(
        double seconds,
        double mean,
        double deviation,
        double sharpness,
        double highlights,
        double shadows,
        double difference) {}
