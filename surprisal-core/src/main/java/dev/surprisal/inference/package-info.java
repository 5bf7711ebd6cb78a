/**
 * Statistical tests on information quantities: the G-test and Pearson's χ² test of independence
 * on contingency tables.
 */
package dev.surprisal.inference;
