#!/usr/bin/env bash
# Services some test projects need, started by eng/test.sh (which sources this file) before the
# tests and stopped after them:
#
#   start_test_services <project>...   starts what the listed projects need; non-zero if it cannot
#   stop_test_services                 stops whatever start_test_services started
#
# tests/Cee.Routing.Cosmos.Tests needs a Cosmos DB server: @vercel/cosmosdb-server, installed with
# `npm ci` from eng/cosmosdb-server/package-lock.json and run by eng/cosmosdb-server/serve.js on
# 127.0.0.1 at a free port, over plain HTTP. Its endpoint is exported as CEE_COSMOS_TEST_ENDPOINT.
# Logs go to artifacts/services/. When the server cannot be installed or started, the run fails
# here, saying why: those tests never pass by being skipped.

_services_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_services_logs="$_services_root/artifacts/services"
_cosmos_server_pid=""

start_test_services() {
  local project needs_cosmos=false
  for project in "$@"; do
    case "$project" in
      tests/Cee.Routing.Cosmos.Tests/*) needs_cosmos=true ;;
    esac
  done

  if [ "$needs_cosmos" = true ]; then
    _start_cosmos_test_server || return 1
  fi
  return 0
}

stop_test_services() {
  if [ -n "$_cosmos_server_pid" ]; then
    _stop_pid "$_cosmos_server_pid"
    echo "== Stopped the Cosmos DB test server (pid $_cosmos_server_pid)"
    _cosmos_server_pid=""
  fi
}

_start_cosmos_test_server() {
  local dir="$_services_root/eng/cosmosdb-server"
  local log="$_services_logs/cosmosdb-server.log"
  mkdir -p "$_services_logs"
  echo "== Starting the Cosmos DB test server for tests/Cee.Routing.Cosmos.Tests"

  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "   FAILED: node and npm are required to run the Cosmos DB test server (tests/Cee.Routing.Cosmos.Tests); install Node.js 20 or later." >&2
    return 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "   FAILED: Node.js $(node --version) is too old for @vercel/cosmosdb-server; it needs 20 or later." >&2
    return 1
  fi

  # npm ci from the committed lockfile whenever the installed tree is missing or older than it.
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "   npm ci in eng/cosmosdb-server (log: artifacts/services/npm-ci.log)"
    if ! (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts) >"$_services_logs/npm-ci.log" 2>&1; then
      echo "   FAILED: npm ci in eng/cosmosdb-server failed:" >&2
      tail -n 30 "$_services_logs/npm-ci.log" >&2
      return 1
    fi
  fi

  # Port 0: the OS picks a free port; serve.js prints the endpoint once it listens.
  node "$dir/serve.js" --port 0 >"$log" 2>&1 &
  _cosmos_server_pid=$!

  local endpoint="" waited=0
  while [ "$waited" -lt 300 ]; do
    endpoint="$(sed -n 's/^listening \(http:\/\/127\.0\.0\.1:[0-9]*\/\)$/\1/p' "$log" | head -n 1)"
    [ -n "$endpoint" ] && break
    if ! kill -0 "$_cosmos_server_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done

  if [ -z "$endpoint" ] || ! node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$endpoint"; then
    echo "   FAILED: the Cosmos DB test server did not start; its log (artifacts/services/cosmosdb-server.log):" >&2
    tail -n 30 "$log" >&2
    stop_test_services
    return 1
  fi

  export CEE_COSMOS_TEST_ENDPOINT="$endpoint"
  echo "   listening at $endpoint (pid $_cosmos_server_pid, log: artifacts/services/cosmosdb-server.log)"
  return 0
}

# Stops one process this file started: TERM, then KILL if it is still there after 5 seconds.
_stop_pid() {
  local pid="$1" waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 50 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
