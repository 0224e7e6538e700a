/**
 * The burst benchmark: many requests published at once to the whole job on the local stack, with
 * memory sampled over time and end-to-end latency per request.
 */
package io.reelflow.benchmarks.burst;
