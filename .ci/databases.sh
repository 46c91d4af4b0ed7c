#!/usr/bin/env bash
# Installs (apt) and starts throw-away PostgreSQL and MariaDB servers on 127.0.0.1 for the test suites.
# Source it and call the functions, or run `source .ci/databases.sh start`; `retort_db_stop` stops both.
# Every folder and port comes from a variable, so several suites (and the fault tests, which stop and
# start their own servers) each get servers of their own:
#   RETORT_PG_DIR, RETORT_PG_PORT (default /tmp/retort-pg, 5433)
#   RETORT_MY_DIR, RETORT_MY_PORT (default /tmp/retort-my, 3307)
# Sourcing it changes no shell option of the caller: each function runs its commands in a subshell with
# errexit on. Runs as root (apt, su postgres).

RETORT_PG_DIR=${RETORT_PG_DIR:-/tmp/retort-pg}
RETORT_MY_DIR=${RETORT_MY_DIR:-/tmp/retort-my}
RETORT_PG_PORT=${RETORT_PG_PORT:-5433}
RETORT_MY_PORT=${RETORT_MY_PORT:-3307}

retort_db_install() (
  set -euo pipefail
  local missing=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[ci] apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
)

retort_pgbin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# A new cluster in RETORT_PG_DIR (any old one there is stopped and removed), started on RETORT_PG_PORT,
# with the database and user retort/retort, and a second database retort_shard (the sharding suite's other shard). Its superuser password file lives in its own folder.
retort_pg_init() (
  set -euo pipefail
  local pgbin; pgbin=$(retort_pgbin)
  [ -f "$RETORT_PG_DIR/data/postmaster.pid" ] && su postgres -c "$pgbin/pg_ctl -D $RETORT_PG_DIR/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$RETORT_PG_DIR"; mkdir -p "$RETORT_PG_DIR/data"
  echo secret >"$RETORT_PG_DIR/superuser-password"
  chown -R postgres "$RETORT_PG_DIR"
  su postgres -c "$pgbin/initdb -D $RETORT_PG_DIR/data -U postgres --pwfile=$RETORT_PG_DIR/superuser-password -A scram-sha-256 -E UTF8 --no-instructions" >/dev/null
  retort_pg_resume
  PGPASSWORD=secret psql -q -h 127.0.0.1 -p "$RETORT_PG_PORT" -U postgres \
    -c "create user retort with password 'retort'" -c "create database retort owner retort" \
    -c "create database retort_shard owner retort" >/dev/null
)

# Starts the cluster already in RETORT_PG_DIR and waits until it accepts connections.
retort_pg_resume() (
  set -euo pipefail
  su postgres -c "$(retort_pgbin)/pg_ctl -D $RETORT_PG_DIR/data -l $RETORT_PG_DIR/server.log -o '-p $RETORT_PG_PORT -k $RETORT_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c max_prepared_transactions=20' -w start" >/dev/null
)

# Stops the cluster (fast shutdown: sessions are terminated, transactions rolled back).
retort_pg_halt() (
  su postgres -c "$(retort_pgbin)/pg_ctl -D $RETORT_PG_DIR/data -m fast -w stop" >/dev/null 2>&1 || true
)

retort_pg_start() {
  retort_pg_init || return 1
  export RETORT_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$RETORT_PG_PORT/retort?user=retort&password=retort"
  echo "[ci] PostgreSQL up on 127.0.0.1:$RETORT_PG_PORT ($RETORT_PG_DIR)"
}

# A new MariaDB data folder in RETORT_MY_DIR, started on RETORT_MY_PORT, with the database and user retort/retort.
retort_my_init() (
  set -euo pipefail
  retort_my_halt
  rm -rf "$RETORT_MY_DIR"; mkdir -p "$RETORT_MY_DIR/data"; chown -R mysql:mysql "$RETORT_MY_DIR"
  mariadb-install-db --user=mysql --datadir="$RETORT_MY_DIR/data" --auth-root-authentication-method=socket --skip-test-db >/dev/null
  retort_my_resume
  mariadb --socket="$RETORT_MY_DIR/mysqld.sock" -uroot -e \
    "CREATE DATABASE retort; CREATE USER 'retort'@'127.0.0.1' IDENTIFIED BY 'retort'; GRANT ALL ON retort.* TO 'retort'@'127.0.0.1';"
)

# Starts a server on the data already in folder $1, listening on port $2 (further arguments go to mariadbd), and
# waits until it answers. Its socket, pid file and error log live in that folder.
retort_my_launch() (
  set -euo pipefail
  local dir=$1 port=$2; shift 2
  setsid mariadbd --user=mysql --datadir="$dir/data" --socket="$dir/mysqld.sock" --port="$port" \
    --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.err" \
    --innodb-flush-log-at-trx-commit=0 "$@" </dev/null >/dev/null 2>&1 &
  for _ in $(seq 120); do
    mariadb-admin --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "[ci] MariaDB did not start in $dir; see $dir/mysqld.err" >&2
  return 1
)

# Starts the server on the data already in RETORT_MY_DIR and waits until it answers.
retort_my_resume() (
  retort_my_launch "$RETORT_MY_DIR" "$RETORT_MY_PORT" --skip-log-bin --max-connections=300
)

# Stops the server and waits until its process is gone.
retort_my_halt() (
  [ -S "$RETORT_MY_DIR/mysqld.sock" ] && mariadb-admin --socket="$RETORT_MY_DIR/mysqld.sock" -uroot shutdown >/dev/null 2>&1
  if [ -f "$RETORT_MY_DIR/mysqld.pid" ]; then
    local pid; pid=$(cat "$RETORT_MY_DIR/mysqld.pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  true
)

retort_my_start() {
  retort_my_init || return 1
  export RETORT_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:$RETORT_MY_PORT/retort?user=retort&password=retort"
  echo "[ci] MariaDB up on 127.0.0.1:$RETORT_MY_PORT ($RETORT_MY_DIR)"
}

retort_db_stop() {
  [ -n "$(retort_pgbin)" ] && [ -f "$RETORT_PG_DIR/data/postmaster.pid" ] && retort_pg_halt
  retort_my_halt
}

if [ "${1:-}" = start ]; then
  retort_db_install && retort_pg_start && retort_my_start
fi
