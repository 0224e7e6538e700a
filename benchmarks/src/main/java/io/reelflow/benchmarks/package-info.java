/**
 * Evaluations and benchmarks: plain mains that take data paths as options and write JSON results.
 * Speed targets live here, never in timed unit tests.
 */
package io.reelflow.benchmarks;
