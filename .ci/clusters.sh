#!/usr/bin/env bash
# Replicated servers on 127.0.0.1 for the replica suite (it/.../replicas), next to .ci/databases.sh:
#   - a PostgreSQL primary and two streaming replicas (pg_basebackup -R), a replica promoted with pg_ctl promote;
#   - a MariaDB primary and one replica that follows it by GTID.
# Every folder and port comes from a variable, so several suites and worktrees each get clusters of their own:
#   RETORT_PGC_DIR, RETORT_PGC_PORT (default /tmp/retort-pgc, 5480): node n (0 = primary, 1 and 2 = replicas)
#     lives in $RETORT_PGC_DIR/node<n> and listens on RETORT_PGC_PORT + n;
#   RETORT_MYC_DIR, RETORT_MYC_PORT (default /tmp/retort-myc, 3380): node 0 (primary) and 1 (replica) likewise;
#   RETORT_CLUSTER_NODE: the node that retort_pgc_halt/resume/promote and retort_myc_halt/resume/delay act on;
#   RETORT_CLUSTER_DELAY: seconds for retort_myc_delay.
# Sourcing it changes no shell option of the caller: each function runs in a subshell with errexit on.
# Runs as root (su postgres; mariadbd --user=mysql). The database and user are retort/retort on every node;
# PostgreSQL's superuser is postgres/secret, MariaDB's root is reached through each node's socket.

RETORT_PGC_DIR=${RETORT_PGC_DIR:-/tmp/retort-pgc}
RETORT_PGC_PORT=${RETORT_PGC_PORT:-5480}
RETORT_MYC_DIR=${RETORT_MYC_DIR:-/tmp/retort-myc}
RETORT_MYC_PORT=${RETORT_MYC_PORT:-3380}
RETORT_CLUSTER_NODE=${RETORT_CLUSTER_NODE:-0}

# (An explicit empty argument: databases.sh starts servers when its first argument is "start".)
source "$(dirname "${BASH_SOURCE[0]}")/databases.sh" ""

# Installs (apt) what the clusters need beyond .ci/databases.sh's servers: Galera's provider and rsync for its
# state transfers.
retort_clusters_install() (
  set -euo pipefail
  local missing=()
  [ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[ci] apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
)

# ---- PostgreSQL: primary and two streaming replicas -------------------------------------------------

retort_pgc_node_dir() {
  echo "$RETORT_PGC_DIR/node$1"
}

retort_pgc_node_port() {
  echo $((RETORT_PGC_PORT + $1))
}

# Stops every node there (any state) and removes the folder.
retort_pgc_clean() (
  local pgbin; pgbin=$(retort_pgbin)
  for node in 0 1 2; do
    local dir; dir=$(retort_pgc_node_dir $node)
    [ -f "$dir/data/postmaster.pid" ] && su postgres -c "$pgbin/pg_ctl -D $dir/data -m immediate -w stop" >/dev/null 2>&1
  done
  rm -rf "$RETORT_PGC_DIR"
  true
)

# A new primary (node 0) with a replication user, and two replicas (nodes 1, 2) cloned from it with
# pg_basebackup -R, all started; returns once both replicas stream from the primary.
retort_pgc_init() (
  set -euo pipefail
  local pgbin; pgbin=$(retort_pgbin)
  retort_pgc_clean
  local primary; primary=$(retort_pgc_node_dir 0)
  mkdir -p "$primary/data"
  echo secret >"$RETORT_PGC_DIR/superuser-password"
  chown -R postgres "$RETORT_PGC_DIR"
  su postgres -c "$pgbin/initdb -D $primary/data -U postgres --pwfile=$RETORT_PGC_DIR/superuser-password -A scram-sha-256 -E UTF8 --no-instructions" >/dev/null
  # initdb's pg_hba.conf already lets replication connections from 127.0.0.1 in with a password.
  grep -Eq '^host +replication +all +127\.0\.0\.1/32' "$primary/data/pg_hba.conf"
  RETORT_CLUSTER_NODE=0 retort_pgc_resume
  local port; port=$(retort_pgc_node_port 0)
  PGPASSWORD=secret psql -q -h 127.0.0.1 -p "$port" -U postgres \
    -c "create user replicator with replication password 'replicator'" \
    -c "create user retort with password 'retort'" -c "create database retort owner retort" >/dev/null
  for node in 1 2; do
    local dir; dir=$(retort_pgc_node_dir $node)
    mkdir -p "$dir"; chown postgres "$dir"
    su postgres -c "$pgbin/pg_basebackup -d 'host=127.0.0.1 port=$port user=replicator password=replicator application_name=node$node' -D $dir/data -R -X stream -c fast" >/dev/null
    RETORT_CLUSTER_NODE=$node retort_pgc_resume
  done
  for _ in $(seq 120); do
    local streaming
    streaming=$(PGPASSWORD=secret psql -qtA -h 127.0.0.1 -p "$port" -U postgres -c "select count(*) from pg_stat_replication where state = 'streaming'")
    [ "$streaming" = 2 ] && return 0
    sleep 0.25
  done
  echo "[ci] the PostgreSQL replicas in $RETORT_PGC_DIR did not start streaming; see node1/server.log and node2/server.log" >&2
  return 1
)

# Starts node RETORT_CLUSTER_NODE on its data and waits until it accepts connections.
retort_pgc_resume() (
  set -euo pipefail
  local dir; dir=$(retort_pgc_node_dir "$RETORT_CLUSTER_NODE")
  local port; port=$(retort_pgc_node_port "$RETORT_CLUSTER_NODE")
  su postgres -c "$(retort_pgbin)/pg_ctl -D $dir/data -l $dir/server.log -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -c wal_keep_size=256MB' -w start" >/dev/null
)

# Stops node RETORT_CLUSTER_NODE (fast shutdown) and waits until it is down.
retort_pgc_halt() (
  su postgres -c "$(retort_pgbin)/pg_ctl -D $(retort_pgc_node_dir "$RETORT_CLUSTER_NODE")/data -m fast -w stop" >/dev/null 2>&1 || true
)

# Promotes replica RETORT_CLUSTER_NODE to primary and waits until it accepts writes.
retort_pgc_promote() (
  set -euo pipefail
  su postgres -c "$(retort_pgbin)/pg_ctl -D $(retort_pgc_node_dir "$RETORT_CLUSTER_NODE")/data -w promote" >/dev/null
)

retort_pgc_stop() (
  for node in 0 1 2; do
    RETORT_CLUSTER_NODE=$node retort_pgc_halt
  done
)

# ---- MariaDB: primary and a GTID replica ------------------------------------------------------------

retort_myc_node_dir() {
  echo "$RETORT_MYC_DIR/node$1"
}

# Root's SQL on node $1 through its socket.
retort_myc_sql() {
  mariadb --socket="$(retort_myc_node_dir "$1")/mysqld.sock" -uroot -e "$2"
}

# A new primary (node 0) and replica (node 1, read-only), both with a binary log, the replica replicating with
# MASTER_USE_GTID=slave_pos; the retort database and user are created on the primary and reach the replica
# by replication (SLAVE MONITOR lets retort read the replica's lag). Returns once the replica has them.
retort_myc_init() (
  set -euo pipefail
  for node in 0 1; do
    RETORT_CLUSTER_NODE=$node retort_myc_halt
  done
  rm -rf "$RETORT_MYC_DIR"
  for node in 0 1; do
    local dir; dir=$(retort_myc_node_dir $node)
    mkdir -p "$dir/data"; chown -R mysql:mysql "$dir"
    mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket --skip-test-db >/dev/null
    RETORT_CLUSTER_NODE=$node retort_myc_resume
  done
  retort_myc_sql 0 "CREATE USER 'replicator'@'127.0.0.1' IDENTIFIED BY 'replicator'; GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'127.0.0.1';"
  retort_myc_sql 1 "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$RETORT_MYC_PORT, MASTER_USER='replicator', MASTER_PASSWORD='replicator', MASTER_USE_GTID=slave_pos; START SLAVE;"
  retort_myc_sql 0 "CREATE DATABASE retort; CREATE USER 'retort'@'127.0.0.1' IDENTIFIED BY 'retort'; GRANT ALL ON retort.* TO 'retort'@'127.0.0.1'; GRANT SLAVE MONITOR ON *.* TO 'retort'@'127.0.0.1';"
  for _ in $(seq 120); do
    [ "$(retort_myc_sql 1 "SELECT count(*) FROM mysql.user WHERE user = 'retort'" | tail -1)" = 1 ] && return 0
    sleep 0.25
  done
  echo "[ci] the MariaDB replica in $(retort_myc_node_dir 1) did not catch up; see its mysqld.err" >&2
  return 1
)

# Starts node RETORT_CLUSTER_NODE on its data and waits until it answers. Every node writes a binary log; a replica
# (read-only) also logs what it applies (log-slave-updates), so that once promoted it has every GTID to serve replicas
# of its own and gives positions for read-your-writes. userstat counts reads per table.
retort_myc_resume() (
  set -euo pipefail
  local node=$RETORT_CLUSTER_NODE
  local dir; dir=$(retort_myc_node_dir "$node")
  local role=(--log-bin="$dir/data/binlog" --binlog-format=ROW)
  [ "$node" != 0 ] && role+=(--log-slave-updates=ON --read-only=ON --relay-log="$dir/data/relay")
  retort_my_launch "$dir" $((RETORT_MYC_PORT + node)) --server-id=$((node + 1)) "${role[@]}" --userstat=1 --max-connections=200
)

# Makes replica RETORT_CLUSTER_NODE apply each transaction RETORT_CLUSTER_DELAY seconds (default 0) after the primary committed it.
retort_myc_delay() (
  set -euo pipefail
  retort_myc_sql "$RETORT_CLUSTER_NODE" "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=${RETORT_CLUSTER_DELAY:-0}; START SLAVE;"
)

# Stops node RETORT_CLUSTER_NODE and waits until its process is gone.
retort_myc_halt() (
  RETORT_MY_DIR=$(retort_myc_node_dir "$RETORT_CLUSTER_NODE") retort_my_halt
)

# Promotes replica RETORT_CLUSTER_NODE to primary, as an operator does once the primary is gone: it stops replicating,
# forgets its primary (RESET SLAVE ALL) and accepts writes (read_only off). Returns once it is writable.
retort_myc_promote() (
  set -euo pipefail
  retort_myc_sql "$RETORT_CLUSTER_NODE" "STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = OFF;"
  [ "$(retort_myc_sql "$RETORT_CLUSTER_NODE" "SELECT @@read_only" | tail -1)" = 0 ]
)

retort_myc_stop() (
  for node in 0 1; do
    RETORT_CLUSTER_NODE=$node retort_myc_halt
  done
)

# ---- MariaDB Galera: three nodes, all writable ------------------------------------------------------
# RETORT_GAL_DIR, RETORT_GAL_PORT (default /tmp/retort-galera, 3383): node n (0, 1, 2) lives in
# $RETORT_GAL_DIR/node<n>; its SQL port is RETORT_GAL_PORT + n, its group communication (wsrep) port + 3 + n,
# its incremental state transfer port + 6 + n and its snapshot state transfer (rsync) port + 9 + n.

RETORT_GAL_DIR=${RETORT_GAL_DIR:-/tmp/retort-galera}
RETORT_GAL_PORT=${RETORT_GAL_PORT:-3383}

retort_gal_node_dir() {
  echo "$RETORT_GAL_DIR/node$1"
}

# Starts node RETORT_CLUSTER_NODE as a Galera node on its data; with RETORT_GALERA_BOOTSTRAP=1 it starts a new
# cluster, else it joins the others (a state transfer by rsync brings it their data). Waits until it is synced.
retort_gal_resume() (
  set -euo pipefail
  local node=$RETORT_CLUSTER_NODE p=$RETORT_GAL_PORT
  local dir; dir=$(retort_gal_node_dir "$node")
  local members="127.0.0.1:$((p + 3)),127.0.0.1:$((p + 4)),127.0.0.1:$((p + 5))"
  local bootstrap=()
  [ "${RETORT_GALERA_BOOTSTRAP:-0}" = 1 ] && bootstrap=(--wsrep-new-cluster)
  retort_my_launch "$dir" $((p + node)) "${bootstrap[@]}" --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
    --wsrep-cluster-name=retort --wsrep-cluster-address="gcomm://$members" --wsrep-node-name="node$node" \
    --wsrep-node-address="127.0.0.1:$((p + 3 + node))" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((p + 3 + node));ist.recv_addr=127.0.0.1:$((p + 6 + node))" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((p + 9 + node))" \
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --skip-log-bin --max-connections=200
  for _ in $(seq 240); do
    [ "$(retort_gal_sql "$node" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'wsrep_local_state_comment'" 2>/dev/null | tail -1)" = Synced ] && return 0
    sleep 0.25
  done
  echo "[ci] Galera node $node in $dir did not get synced; see $dir/mysqld.err" >&2
  return 1
)

# Root's SQL on Galera node $1 through its socket.
retort_gal_sql() {
  mariadb --socket="$(retort_gal_node_dir "$1")/mysqld.sock" -uroot -e "$2"
}

# A new three-node cluster: node 0 bootstraps it and gets the retort database and user, nodes 1 and 2 join.
retort_gal_init() (
  set -euo pipefail
  retort_gal_stop
  rm -rf "$RETORT_GAL_DIR"
  for node in 0 1 2; do
    local dir; dir=$(retort_gal_node_dir $node)
    mkdir -p "$dir/data"; chown -R mysql:mysql "$dir"
    mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket --skip-test-db >/dev/null
  done
  RETORT_CLUSTER_NODE=0 RETORT_GALERA_BOOTSTRAP=1 retort_gal_resume
  retort_gal_sql 0 "CREATE DATABASE retort; CREATE USER 'retort'@'127.0.0.1' IDENTIFIED BY 'retort'; GRANT ALL ON retort.* TO 'retort'@'127.0.0.1';"
  for node in 1 2; do
    RETORT_CLUSTER_NODE=$node RETORT_GALERA_BOOTSTRAP=0 retort_gal_resume
  done
  [ "$(retort_gal_sql 0 "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'wsrep_cluster_size'" | tail -1)" = 3 ]
)

# Stops node RETORT_CLUSTER_NODE and waits until its process is gone.
retort_gal_halt() (
  RETORT_MY_DIR=$(retort_gal_node_dir "$RETORT_CLUSTER_NODE") retort_my_halt
)

retort_gal_stop() (
  for node in 2 1 0; do
    RETORT_CLUSTER_NODE=$node retort_gal_halt
  done
)
