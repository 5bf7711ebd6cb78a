-- Surprisal drift store, schema version 1. Portable SQL: DuckDB and PostgreSQL.
CREATE TABLE monitors (
    name VARCHAR PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    reference TEXT NOT NULL
);
CREATE SEQUENCE run_ids START 1;
CREATE TABLE runs (
    id BIGINT PRIMARY KEY,
    monitor VARCHAR NOT NULL,
    run_at VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    row_count BIGINT NOT NULL,
    column_count INTEGER NOT NULL,
    alarm BOOLEAN NOT NULL,
    dataset_drift BOOLEAN NOT NULL,
    profile TEXT NOT NULL
);
CREATE TABLE scores (
    run_id BIGINT NOT NULL,
    column_name VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    psi FLOAT8,
    kl_nats FLOAT8,
    reverse_kl_nats FLOAT8,
    js_bits FLOAT8,
    hellinger FLOAT8,
    tv FLOAT8,
    ks FLOAT8,
    wasserstein_norm FLOAT8,
    missing_change FLOAT8,
    new_mass FLOAT8,
    decision FLOAT8,
    critical FLOAT8,
    PRIMARY KEY (run_id, column_name)
);
CREATE TABLE alarms (
    run_id BIGINT NOT NULL,
    column_name VARCHAR,
    kind VARCHAR NOT NULL,
    message TEXT NOT NULL
);
