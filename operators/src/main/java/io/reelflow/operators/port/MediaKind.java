package io.reelflow.operators.port;

/** What a model makes: a moving clip, or a still that the renderer moves (Ken Burns). */
public enum MediaKind {
    VIDEO,
    IMAGE
}
