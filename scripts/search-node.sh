#!/usr/bin/env bash
# A real OpenSearch engine from Maven Central jars (README, "Suche auf einem
# Such-Cluster"). Maven fetches the jars once (cached in ~/.m2), SearchNode.java
# starts a node from them; every node runs as the system user `gksearch` when
# this is run as root (OpenSearch's rule), with a heap of SEARCH_NODE_HEAP.
#
#   scripts/search-node.sh start [N]     N nodes (default 1) on 127.0.0.1:PORT..PORT+N-1,
#                                        one replica per shard when N > 1; waits until green
#   scripts/search-node.sh stop          stops every node
#   scripts/search-node.sh stop-node I   stops node I (1..N), e.g. to test failover
#   scripts/search-node.sh start-node I  starts node I again and waits until it answers
#   scripts/search-node.sh status
#
# SEARCH_NODE_PORT (9200; transport PORT+100), SEARCH_NODE_DIR (data, logs, pids),
# SEARCH_NODE_HEAP (512m) can be set; `make search-node` and `make search-cluster`
# call it.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$HERE/search-node"
PORT="${SEARCH_NODE_PORT:-9200}"
BASE="${SEARCH_NODE_DIR:-/var/tmp/gesunde-kommune-search/$PORT}"
HEAP="${SEARCH_NODE_HEAP:-512m}"
RUN_AS="gksearch"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

as_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}

build() {
  # Compiles SearchNode.java and copies the jars to a place the node's user can read.
  if [ ! -f "$BASE/lib/.complete" ] || [ "$SRC/pom.xml" -nt "$BASE/lib/.complete" ] \
    || [ "$SRC/src/main/java/org/gesundekommune/searchnode/SearchNode.java" -nt "$BASE/lib/.complete" ]; then
    echo "search-node: building from Maven Central jars (first run: about a minute)"
    (cd "$SRC" && mvn -q -B -Dmaven.repo.local="${MAVEN_REPO:-$HOME/.m2/repository}" \
      package dependency:copy-dependencies -DoutputDirectory=target/lib)
    mkdir -p "$BASE/lib"
    rm -f "$BASE"/lib/*.jar
    cp "$SRC"/target/search-node-1.jar "$SRC"/target/lib/*.jar "$BASE/lib/"
    touch "$BASE/lib/.complete"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    id "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
    chmod 755 "$BASE" "$(dirname "$BASE")"
    chmod -R a+rX "$BASE/lib"
  fi
}

node_dir() { echo "$BASE/node$1"; }

write_config() {
  local i="$1" count="$2" dir seeds="" managers=""
  dir="$(node_dir "$i")"
  mkdir -p "$dir/config" "$dir/data" "$dir/logs"
  for j in $(seq 1 "$count"); do
    seeds="$seeds\"127.0.0.1:$((PORT + 100 + j - 1))\", "
    managers="$managers\"node$j\", "
  done
  {
    echo "cluster.name: gesunde-kommune-$PORT"
    echo "node.name: node$i"
    echo "path.home: $dir"
    echo "path.data: $dir/data"
    echo "path.logs: $dir/logs"
    echo "network.host: 127.0.0.1"
    echo "http.port: $((PORT + i - 1))"
    echo "transport.port: $((PORT + 100 + i - 1))"
    echo "action.auto_create_index: false"
    if [ "$count" -eq 1 ]; then
      echo "discovery.type: single-node"
    else
      echo "discovery.seed_hosts: [${seeds%, }]"
      echo "cluster.initial_cluster_manager_nodes: [${managers%, }]"
    fi
  } >"$dir/config/opensearch.yml"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$RUN_AS" "$dir"; fi
}

answers() { curl -fsS -m 2 "http://127.0.0.1:$1/" >/dev/null 2>&1; }

start_node() {
  local i="$1" dir port
  dir="$(node_dir "$i")"
  port=$((PORT + i - 1))
  if answers "$port"; then return 0; fi
  # The pid file names the JVM itself (exec), not runuser, so stop reaches it.
  as_user sh -c 'echo $$ >"$1/pid"; shift; exec "$@"' sh "$dir" \
    "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseSerialGC -Dlog4j2.disable.jmx=true \
    -cp "$BASE/lib/*" org.gesundekommune.searchnode.SearchNode "$dir/config/opensearch.yml" \
    >"$dir/logs/stdout.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$dir/pid" ] && break; sleep 0.1; done
}

wait_node() {
  local i="$1" port=$((PORT + $1 - 1))
  for _ in $(seq 1 120); do
    if answers "$port"; then return 0; fi
    if ! kill -0 "$(cat "$(node_dir "$i")/pid")" 2>/dev/null; then
      echo "search-node: node$i ended; its log:" >&2
      tail -30 "$(node_dir "$i")/logs/stdout.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "search-node: node$i did not answer on $port within 120 s" >&2
  return 1
}

stop_node() {
  local pidfile
  pidfile="$(node_dir "$1")/pid"
  [ -s "$pidfile" ] || return 0
  local pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  : >"$pidfile"
}

count() { cat "$BASE/count" 2>/dev/null || echo 0; }

case "${1:-start}" in
  start)
    n="${2:-1}"
    build
    if [ "$(count)" != "$n" ]; then
      # Another cluster shape: its nodes' cluster state would not join the new one.
      for i in $(seq 1 "$(count)"); do stop_node "$i"; done
      rm -rf "$BASE"/node*
    fi
    for i in $(seq 1 "$n"); do write_config "$i" "$n"; done
    echo "$n" >"$BASE/count"
    for i in $(seq 1 "$n"); do start_node "$i"; done
    for i in $(seq 1 "$n"); do wait_node "$i"; done
    # One node holds no replicas: its indices (one replica by default) stay yellow.
    status=green; [ "$n" -eq 1 ] && status=yellow
    curl -fsS -m 60 "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=$status&wait_for_nodes=$n&timeout=60s" >/dev/null
    echo "search-node: $n node(s) of OpenSearch on http://127.0.0.1:$PORT (heap $HEAP each)"
    ;;
  stop)
    for i in $(seq 1 "$(count)"); do stop_node "$i"; done
    ;;
  stop-node) stop_node "$2" ;;
  start-node) start_node "$2"; wait_node "$2" ;;
  status) curl -fsS "http://127.0.0.1:$PORT/_cat/nodes?v" ;;
  *) echo "usage: $0 start [N] | stop | stop-node I | start-node I | status" >&2; exit 2 ;;
esac
