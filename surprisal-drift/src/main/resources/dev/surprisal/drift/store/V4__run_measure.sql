-- Surprisal drift store, schema version 4 (portable: DuckDB and PostgreSQL).
-- `measure` is the deciding measure the run was scored with (PSI, KL, JS or HELLINGER, as
-- dev.surprisal.drift.Measure names it): the stored `decision` and `critical` of its scores are in that
-- measure's unit (PSI and Hellinger unitless, KL in nats, JS in bits). A history must label each point
-- with the measure its check used, which a check's --measure may make differ from the baseline's rule.
-- NULL: recorded before version 4; the history says the measure was not stored rather than guess it.
ALTER TABLE runs ADD COLUMN measure VARCHAR;
