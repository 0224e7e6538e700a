/** Issue 13: the speed and memory of quality scoring on a 60 s 720p video. */
package io.reelflow.benchmarks.quality;
