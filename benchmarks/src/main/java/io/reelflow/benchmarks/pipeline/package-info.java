/**
 * The end-to-end benchmark: 60 s videos through the whole job on the local stack, latency per phase
 * from the status events, one request alone and a steady stream, CPU and stage load.
 */
package io.reelflow.benchmarks.pipeline;
