#!/usr/bin/env bash
# Make a local PostgreSQL (15 on Debian 12) available for the store tests; idempotent, run as root.
# Prints the export line for SITROOM_TEST_PG_URL on stdout; progress goes to stderr.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
PG_ROLE=sitroom
PG_PASSWORD=sitroom
PG_DB=sitroom_test

log() { echo "postgres.sh: $*" >&2; }

if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        log "installing postgresql"
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
    fi
    log "starting postgresql"
    service postgresql start >&2
    for _ in $(seq 1 60); do
        if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
            break
        fi
        sleep 1
    done
    if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
        log "postgresql did not become ready within 60 s"
        exit 1
    fi
fi

psql_admin() { (cd / && su postgres -c "psql -v ON_ERROR_STOP=1 -qtAX $*"); }

if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'\"")" != "1" ]; then
    log "creating role $PG_ROLE"
    psql_admin "-c \"CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\""
else
    psql_admin "-c \"ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\""
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$PG_DB'\"")" != "1" ]; then
    log "creating database $PG_DB"
    psql_admin "-c \"CREATE DATABASE $PG_DB OWNER $PG_ROLE\""
fi

echo "export SITROOM_TEST_PG_URL=postgresql+psycopg://$PG_ROLE:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DB"
