-- Surprisal drift store, schema version 3 (portable: DuckDB and PostgreSQL).
-- A check of a run time already checked against the same baseline replaces that run (deleted, with
-- its scores and alarms); `replaced_run` keeps the replaced run's id, so the history can say that the
-- replacing run (a newer id, listed at its day) is a re-run. NULL: it replaced none, or was recorded
-- before version 3. Readers that select their columns by name are not affected by the new column.
ALTER TABLE runs ADD COLUMN replaced_run BIGINT;
