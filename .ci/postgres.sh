#!/usr/bin/env bash
# Install (when missing) and start a throwaway PostgreSQL server on a loopback port for the store
# tests, then print the URL the tests read from PEACEWATCH_TEST_PG. Debian's postgresql package;
# the cluster lives in a temporary folder and trusts local connections only.
set -euo pipefail
PORT="${PG_PORT:-54329}"
DATA="${PG_DATA:-/tmp/peacewatch-pg}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
RUN=(runuser -u postgres --)
URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
# A server already answering on the port (started earlier with another data folder) is used as it is.
if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; then
  echo "$URL"
  exit 0
fi
if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chown postgres:postgres "$DATA"
  "${RUN[@]}" "$BIN/initdb" -D "$DATA" -A trust -U postgres --no-instructions >/dev/null
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off" start >/dev/null
fi
echo "$URL"
