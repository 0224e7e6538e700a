/**
 * What several benchmarks share: command-line options, work directories, medians of run figures,
 * the class path for child JVMs, and the local stack with the start and end of the benchmarks that
 * run the whole job on it ({@link io.reelflow.benchmarks.common.LocalStackMain}).
 */
package io.reelflow.benchmarks.common;
