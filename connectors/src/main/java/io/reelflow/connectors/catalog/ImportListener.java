package io.reelflow.connectors.catalog;

/**
 * Follows an import as it goes, e.g. to draw a progress bar. Called from the import's worker
 * threads, one call at a time, with {@code done} counting up to {@code total}.
 */
@FunctionalInterface
public interface ImportListener {
    ImportListener NONE = (file, done, total) -> {};

    /** Called once the files to import are known. */
    default void onStart(int total) {}

    void onFileDone(ImportedFile file, int done, int total);
}
