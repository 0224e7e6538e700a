/** Helpers of the embedded services; not part of their API. */
package io.reelflow.embedded.internal;
