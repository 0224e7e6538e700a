package io.reelflow.operators.port;

/** What a sidecar says about a clip it returned: which generator made it, and how long it is. */
public record GeneratedClip(String generator, double durationSeconds) {}
