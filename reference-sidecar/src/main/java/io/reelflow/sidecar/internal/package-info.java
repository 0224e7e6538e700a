/** Helpers of the reference sidecar's HTTP server; not part of its API. */
package io.reelflow.sidecar.internal;
