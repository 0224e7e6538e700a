package io.reelflow.connectors.catalog;

/**
 * What an import did with one file. {@code source} is the path relative to the imported folder, or
 * the object's URI; {@code assetId} is set unless the file was rejected or skipped; {@code reason}
 * says why a file was rejected, skipped or left unchanged.
 */
public record ImportedFile(String source, Outcome outcome, String assetId, String reason) {

    public enum Outcome {
        /** Probed, uploaded, thumbnailed and catalogued. */
        IMPORTED,
        /** Already catalogued; its description changed. */
        UPDATED,
        /** Already catalogued (same bytes), nothing to change. */
        UNCHANGED,
        /** Not catalogued: empty, corrupt or unsupported, with the reason. */
        REJECTED,
        /** Not looked at: by its name a text or metadata file, not media. */
        SKIPPED
    }
}
