#!/usr/bin/env bash
# Start a throwaway PostgreSQL server from Debian's packages on loopback for the differential
# tests (test/sql), and print the connection URL on stdout. Usage:
#   eval "$(.ci/postgres.sh start)"   # exports MOTCUA_PG_URL and MOTCUA_PG_DATA
#   .ci/postgres.sh stop "$MOTCUA_PG_DATA"
set -euo pipefail
# the postgres user runs pg_ctl from here: a checkout in a private temporary folder is not readable to it
cd /
# a port given in MOTCUA_PG_PORT is used as is; otherwise the first free one from 54329 (a server
# already listening there, e.g. a developer's own, made the start fail with "could not create any
# TCP/IP sockets")
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=54329
  while in_use "$p"; do p=$((p + 1)); if [ "$p" -gt 54429 ]; then echo "no free port in 54329-54429 for PostgreSQL" >&2; exit 1; fi; done
  echo "$p"
}

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ -z "$(pgbin)" ]; then
      if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed and this is not root: apt-get install postgresql" >&2; exit 1; fi
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >&2
    fi
    BIN="$(pgbin)"
    PORT="${MOTCUA_PG_PORT:-$(free_port)}"
    DATA="$(mktemp -d /tmp/motcua-pg.XXXXXX)"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; fi
    as_pg "$BIN/initdb" -D "$DATA" -A trust -U motcua -E UTF8 --locale=C.UTF-8 >/dev/null
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
      -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
      cat "$DATA/server.log" >&2 || true
      rm -rf "$DATA"
      exit 1
    fi
    echo "export MOTCUA_PG_URL=postgres://motcua@127.0.0.1:$PORT/postgres MOTCUA_PG_DATA=$DATA"
    ;;
  stop)
    DATA="${2:?data directory}"
    as_pg "$(pgbin)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
    rm -rf "$DATA"
    ;;
  *) echo "usage: $0 start | stop DATA" >&2; exit 2 ;;
esac
