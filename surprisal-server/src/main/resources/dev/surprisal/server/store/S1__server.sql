-- Surprisal server tables, version 1, beside the drift store's tables in the same database
-- (portable: DuckDB and PostgreSQL). Tokens are kept as SHA-256 hashes only.
CREATE TABLE surprisal_server_tokens (
    name VARCHAR PRIMARY KEY,
    role VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE TABLE surprisal_server_checks (
    run_id BIGINT PRIMARY KEY,
    monitor VARCHAR NOT NULL,
    window_key VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    alarm BOOLEAN NOT NULL,
    row_count BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    trigger_kind VARCHAR NOT NULL,
    excluded BOOLEAN NOT NULL,
    exclude_reason VARCHAR,
    report_json TEXT NOT NULL,
    report_html TEXT NOT NULL
);
CREATE TABLE surprisal_server_schedule (
    monitor VARCHAR PRIMARY KEY,
    last_window VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE surprisal_server_paused (
    monitor VARCHAR PRIMARY KEY,
    paused BOOLEAN NOT NULL
);
CREATE SEQUENCE surprisal_server_delivery_ids START 1;
CREATE TABLE surprisal_server_deliveries (
    id BIGINT PRIMARY KEY,
    monitor VARCHAR NOT NULL,
    notifier VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    run_id BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    status_code INTEGER NOT NULL,
    outcome VARCHAR NOT NULL,
    error VARCHAR,
    delivered_at TIMESTAMP NOT NULL
);
CREATE TABLE surprisal_server_incidents (
    monitor VARCHAR NOT NULL,
    notifier VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    opened_at TIMESTAMP NOT NULL,
    opened_run BIGINT NOT NULL,
    PRIMARY KEY (monitor, notifier)
);
CREATE TABLE surprisal_server_schema (version INTEGER NOT NULL);
INSERT INTO surprisal_server_schema VALUES (1);
