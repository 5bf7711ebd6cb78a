-- Surprisal drift store, schema version 5 (portable: DuckDB and PostgreSQL).
-- Each score keeps the column's own yardstick as its check judged it (dev.surprisal.drift.YardstickScore):
-- `yardstick` its name ("W1/std" for continuous columns, "TV" for binary, discrete and categorical ones, the
-- worst of them for a column with atoms), `yardstick_value` its value and `yardstick_chance` what chance alone
-- gives (unitless; the bands are compared with value - chance), `yardstick_warn` and `yardstick_drift` its
-- bands, and `yardstick_decided` whether it, not the deciding measure's band, put the verdict at WARN or DRIFT.
-- A history charts what decided the verdict, so a WARN day decided by W1/std never reads under PSI's band.
-- NULL: recorded before version 5 (the history says "yardstick not stored"), or a column without one.
ALTER TABLE scores ADD COLUMN yardstick VARCHAR;
ALTER TABLE scores ADD COLUMN yardstick_value FLOAT8;
ALTER TABLE scores ADD COLUMN yardstick_chance FLOAT8;
ALTER TABLE scores ADD COLUMN yardstick_warn FLOAT8;
ALTER TABLE scores ADD COLUMN yardstick_drift FLOAT8;
ALTER TABLE scores ADD COLUMN yardstick_decided BOOLEAN;
