package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.Faults;
import io.reelflow.sidecar.SidecarOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every protocol's API shares: the options, the job runner and store, counters, faults and
 * where results are kept.
 *
 * @param baseUri the server's own address, for absolute result URLs
 */
public record SidecarContext(
        SidecarOptions options,
        JobRunner runner,
        JobStore store,
        SidecarStats stats,
        Faults faults,
        Path workDirectory,
        Supplier<URI> baseUri) {}
