#!/usr/bin/env bash
# Installs (apt) and starts throw-away PostgreSQL and MariaDB servers on 127.0.0.1 for the test suite,
# then prints the environment the tests read. Source it: `source .ci/databases.sh start`, and call
# `retort_db_stop` when done. Ports 5433 and 3307 keep clear of any system servers.
set -euo pipefail

RETORT_PG_DIR=${RETORT_PG_DIR:-/tmp/retort-pg}
RETORT_MY_DIR=${RETORT_MY_DIR:-/tmp/retort-my}
RETORT_PG_PORT=${RETORT_PG_PORT:-5433}
RETORT_MY_PORT=${RETORT_MY_PORT:-3307}

retort_db_install() {
  local missing=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[ci] apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

retort_pg_start() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  [ -f "$RETORT_PG_DIR/postmaster.pid" ] && su postgres -c "$pgbin/pg_ctl -D $RETORT_PG_DIR -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$RETORT_PG_DIR"; mkdir -p "$RETORT_PG_DIR"; chown postgres "$RETORT_PG_DIR"
  echo secret >/tmp/retort-pgpw; chown postgres /tmp/retort-pgpw
  su postgres -c "$pgbin/initdb -D $RETORT_PG_DIR -U postgres --pwfile=/tmp/retort-pgpw -A scram-sha-256 -E UTF8 --no-instructions" >/dev/null
  su postgres -c "$pgbin/pg_ctl -D $RETORT_PG_DIR -l $RETORT_PG_DIR/server.log -o '-p $RETORT_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c max_prepared_transactions=20' -w start" >/dev/null
  PGPASSWORD=secret psql -q -h 127.0.0.1 -p "$RETORT_PG_PORT" -U postgres \
    -c "create user retort with password 'retort'" -c "create database retort owner retort" >/dev/null
  export RETORT_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$RETORT_PG_PORT/retort?user=retort&password=retort"
  echo "[ci] PostgreSQL up on 127.0.0.1:$RETORT_PG_PORT"
}

retort_my_start() {
  [ -f "$RETORT_MY_DIR/mysqld.pid" ] && kill "$(cat "$RETORT_MY_DIR/mysqld.pid")" 2>/dev/null && sleep 2 || true
  rm -rf "$RETORT_MY_DIR"; mkdir -p "$RETORT_MY_DIR/data"; chown -R mysql:mysql "$RETORT_MY_DIR"
  mariadb-install-db --user=mysql --datadir="$RETORT_MY_DIR/data" --auth-root-authentication-method=socket --skip-test-db >/dev/null
  mariadbd --user=mysql --datadir="$RETORT_MY_DIR/data" --socket="$RETORT_MY_DIR/mysqld.sock" --port="$RETORT_MY_PORT" \
    --bind-address=127.0.0.1 --pid-file="$RETORT_MY_DIR/mysqld.pid" --log-error="$RETORT_MY_DIR/mysqld.err" \
    --skip-log-bin --innodb-flush-log-at-trx-commit=0 --max-connections=300 >/dev/null 2>&1 &
  for _ in $(seq 120); do mariadb-admin --socket="$RETORT_MY_DIR/mysqld.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.5; done
  mariadb --socket="$RETORT_MY_DIR/mysqld.sock" -uroot -e \
    "CREATE DATABASE retort; CREATE USER 'retort'@'127.0.0.1' IDENTIFIED BY 'retort'; GRANT ALL ON retort.* TO 'retort'@'127.0.0.1';"
  export RETORT_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:$RETORT_MY_PORT/retort?user=retort&password=retort"
  echo "[ci] MariaDB up on 127.0.0.1:$RETORT_MY_PORT"
}

retort_db_stop() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pgbin" ] && [ -f "$RETORT_PG_DIR/postmaster.pid" ] && su postgres -c "$pgbin/pg_ctl -D $RETORT_PG_DIR -m fast stop" >/dev/null 2>&1 || true
  [ -S "$RETORT_MY_DIR/mysqld.sock" ] && mariadb-admin --socket="$RETORT_MY_DIR/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
}

if [ "${1:-}" = start ]; then
  retort_db_install
  retort_pg_start
  retort_my_start
fi
