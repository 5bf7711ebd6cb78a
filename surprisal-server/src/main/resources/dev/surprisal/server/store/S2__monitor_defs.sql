-- Surprisal server tables, version 2: the definitions of monitors created through the API
-- (PUT /api/v1/monitors/{monitor}), so that they outlive a restart. Servers of 30 November 2026
-- created this table without recording a version: IF NOT EXISTS keeps theirs.
CREATE TABLE IF NOT EXISTS surprisal_server_monitor_defs (
    name VARCHAR PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
