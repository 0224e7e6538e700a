package io.reelflow.operators.asset.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache of asset description vectors by asset ordinal, least recently used out. A vector
 * is computed outside the lock, so two threads that miss the same asset at once both compute it
 * (the same vector) rather than one waiting for the other. An asset without a description is
 * remembered as such, so it is not embedded again.
 */
public final class DescriptionVectors {

    private static final float[] NONE = new float[0];

    private final Map<Integer, float[]> cache;

    public DescriptionVectors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.cache =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
                        return size() > capacity;
                    }
                };
    }

    /** The vector of {@code ordinal}, from {@code compute} on a miss; null for no description. */
    public float[] get(int ordinal, Supplier<float[]> compute) {
        float[] vector;
        synchronized (cache) {
            vector = cache.get(ordinal);
        }
        if (vector == null) {
            float[] computed = compute.get();
            vector = computed == null ? NONE : computed;
            synchronized (cache) {
                cache.put(ordinal, vector);
            }
        }
        return vector == NONE ? null : vector;
    }

    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
