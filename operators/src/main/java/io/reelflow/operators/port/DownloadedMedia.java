package io.reelflow.operators.port;

/** A job's result written to a local file: its content type (e.g. video/mp4) and size. */
public record DownloadedMedia(String contentType, long bytes) {}
