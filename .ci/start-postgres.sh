#!/usr/bin/env bash
# Installs (if needed) and starts a throwaway Debian PostgreSQL cluster on localhost for the
# surprisal-drift PostgreSQL integration tests, then prints the JDBC URL to export:
#   eval "$(.ci/start-postgres.sh)"      # sets SURPRISAL_PG_URL
#   mvn -B verify -Ppostgres -pl surprisal-drift -am
# Needs root (apt-get, pg_ctlcluster); the server itself runs as user postgres.
set -euo pipefail
PORT="${SURPRISAL_PG_PORT:-5432}"
DB=surprisal_test
USER_NAME=surprisal
PASSWORD=surprisal
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${VERSION} main$"; then
  pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
if ! pg_lsclusters -h | grep "^${VERSION} main" | grep -q online; then
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
  if su postgres -c "psql -p $PORT -tAc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${USER_NAME}') THEN
    CREATE ROLE ${USER_NAME} LOGIN PASSWORD '${PASSWORD}';
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -p $PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='${DB}'\"" | grep -q 1; then
  su postgres -c "createdb -p $PORT -O ${USER_NAME} ${DB}" >&2
fi
echo "export SURPRISAL_PG_URL='jdbc:postgresql://localhost:${PORT}/${DB}?user=${USER_NAME}&password=${PASSWORD}'"
