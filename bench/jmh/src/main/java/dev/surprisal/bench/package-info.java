/** JMH benchmarks of Surprisal's kernels. */
package dev.surprisal.bench;
