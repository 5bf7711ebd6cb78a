/** Table input: typed columns read through DuckDB. */
package dev.surprisal.data;
