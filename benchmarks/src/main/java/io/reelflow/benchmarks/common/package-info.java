/** What several benchmarks share: command-line options and medians of run figures. */
package io.reelflow.benchmarks.common;
