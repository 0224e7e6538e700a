/**
 * What several benchmarks share: command-line options, medians of run figures, and the class path
 * for child JVMs.
 */
package io.reelflow.benchmarks.common;
