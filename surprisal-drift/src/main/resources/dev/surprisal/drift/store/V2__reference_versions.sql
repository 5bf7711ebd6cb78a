-- Surprisal drift store, schema version 2 (portable: DuckDB and PostgreSQL).
-- Each baseline has a version, and each run records the version it was scored against, so trends and
-- reports never mix references. Replaced baselines are kept in `baselines`. `run_time` is the
-- run's date or time as a UTC timestamp (filled from `run_at` by the migration), so history is
-- ordered by time, not by the text of `run_at`. Runs stored by version 1 get reference version 1.
ALTER TABLE monitors ADD COLUMN reference_version INTEGER DEFAULT 1;
ALTER TABLE runs ADD COLUMN reference_version INTEGER DEFAULT 1;
ALTER TABLE runs ADD COLUMN run_time TIMESTAMP;
CREATE TABLE baselines (
    monitor VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    replaced_at TIMESTAMP NOT NULL,
    reference TEXT NOT NULL,
    PRIMARY KEY (monitor, version)
);
