package io.reelflow.connectors.catalog;

/** What an upsert did to the catalog. */
public enum UpsertOutcome {
    /** A new row: these bytes were not catalogued. */
    INSERTED,
    /** The row with the same checksum got new values. */
    UPDATED,
    /** The row with the same checksum already had exactly these values. */
    UNCHANGED
}
