#!/usr/bin/env bash
# Services some test projects need, started by eng/test.sh (which sources this file) before the
# tests and stopped after them:
#
#   start_test_services <project>...   starts what the listed projects need; non-zero if it cannot
#   stop_test_services                 stops whatever start_test_services started
#
#   start_services_for <service>...    starts the named services (cosmos, azurite, browser), for callers
#                                      that are not test projects (the engine benchmark: eng/bench-engine.sh)
#
# The Cosmos DB test server (tests/Cee.Routing.Cosmos.Tests, tests/Cee.Functions.Tests):
# @vercel/cosmosdb-server, installed with `npm ci` from eng/cosmosdb-server/package-lock.json and run
# by eng/cosmosdb-server/serve.js on 127.0.0.1 at a free port, over plain HTTP. Its endpoint is
# exported as CEE_COSMOS_TEST_ENDPOINT.
#
# Azurite's Blob service (tests/Cee.Functions.Tests): the `azurite` package, installed with `npm ci`
# from eng/azurite/package-lock.json and run on 127.0.0.1 at a free port (the OS picks it, so two
# runs on one machine never share one), telemetry off, its data in a fresh folder under
# artifacts/services/ that is removed when it stops. Its endpoint is exported as
# CEE_AZURITE_BLOB_ENDPOINT (http://127.0.0.1:<port>/devstoreaccount1, the well-known dev account).
#
# The browser (tests/Cee.Triage.Tests): headless Chromium and its WebDriver from Debian's `chromium`
# and `chromium-driver` packages, installed with apt-get when missing (as root, or through
# passwordless sudo) and never downloaded by the tests themselves. Their paths are exported as
# CEE_CHROMIUM and CEE_CHROMEDRIVER. Nothing runs between tests: each test starts its own.
#
# Logs go to artifacts/services/. When a service cannot be installed or started, the run fails
# here, saying why: the tests that need it never pass by being skipped.

_services_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_services_logs="$_services_root/artifacts/services"
_cosmos_server_pid=""
_azurite_pid=""
_azurite_data=""

start_test_services() {
  local project services=()
  for project in "$@"; do
    case "$project" in
      tests/Cee.Routing.Cosmos.Tests/*) services+=(cosmos) ;;
      tests/Cee.Functions.Tests/*) services+=(cosmos azurite) ;;
      tests/Cee.Triage.Tests/*) services+=(browser) ;;
    esac
  done
  start_services_for "${services[@]}"
}

start_services_for() {
  local service needs_cosmos=false needs_azurite=false needs_browser=false
  for service in "$@"; do
    case "$service" in
      cosmos) needs_cosmos=true ;;
      azurite) needs_azurite=true ;;
      browser) needs_browser=true ;;
      *) echo "   FAILED: unknown test service '$service' (known: cosmos, azurite, browser)" >&2; return 1 ;;
    esac
  done

  if [ "$needs_browser" = true ]; then
    _require_browser || return 1
  fi

  if [ "$needs_cosmos" = true ] || [ "$needs_azurite" = true ]; then
    _require_node || return 1
  fi
  if [ "$needs_cosmos" = true ]; then
    _start_cosmos_test_server || { stop_test_services; return 1; }
  fi
  if [ "$needs_azurite" = true ]; then
    _start_azurite || { stop_test_services; return 1; }
  fi
  return 0
}

stop_test_services() {
  if [ -n "$_cosmos_server_pid" ]; then
    _stop_pid "$_cosmos_server_pid"
    echo "== Stopped the Cosmos DB test server (pid $_cosmos_server_pid)"
    _cosmos_server_pid=""
  fi
  if [ -n "$_azurite_pid" ]; then
    _stop_pid "$_azurite_pid"
    echo "== Stopped Azurite (pid $_azurite_pid)"
    _azurite_pid=""
  fi
  if [ -n "$_azurite_data" ]; then
    rm -rf "$_azurite_data"
    _azurite_data=""
  fi
}

# Debian's chromium and chromium-driver, installed when either is missing; a machine that cannot install
# them fails here, so the browser tests are never skipped.
_require_browser() {
  echo "== Checking the browser for the triage console tests (chromium, chromium-driver)"
  local chromium="${CEE_CHROMIUM:-$(command -v chromium || true)}" driver="${CEE_CHROMEDRIVER:-$(command -v chromedriver || true)}"
  if [ -z "$chromium" ] || [ -z "$driver" ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    mkdir -p "$_services_logs"
    echo "   apt-get install chromium chromium-driver (log: artifacts/services/apt-browser.log)"
    if ! command -v apt-get >/dev/null 2>&1 ||
       ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium chromium-driver; } >"$_services_logs/apt-browser.log" 2>&1; then
      echo "   FAILED: chromium and chromium-driver are missing and could not be installed (run: sudo apt-get install -y chromium chromium-driver, or set CEE_CHROMIUM and CEE_CHROMEDRIVER):" >&2
      tail -n 20 "$_services_logs/apt-browser.log" >&2 2>/dev/null || true
      return 1
    fi
    chromium="$(command -v chromium)"
    driver="$(command -v chromedriver)"
  fi
  if ! "$driver" --version >/dev/null 2>&1; then
    echo "   FAILED: $driver does not run" >&2
    return 1
  fi
  export CEE_CHROMIUM="$chromium" CEE_CHROMEDRIVER="$driver"
  echo "   $("$chromium" --version 2>/dev/null | head -n 1) at $chromium; $("$driver" --version | head -n 1)"
}

_require_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "   FAILED: node and npm are required to run the test services (the Cosmos DB test server, Azurite); install Node.js 20 or later." >&2
    return 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "   FAILED: Node.js $(node --version) is too old for the test services; they need 20 or later." >&2
    return 1
  fi
}

# npm ci from the committed lockfile whenever the installed tree is missing or older than it.
_npm_ci() {
  local name="$1" dir="$_services_root/eng/$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "   npm ci in eng/$name (log: artifacts/services/npm-ci-$name.log)"
    if ! (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts) >"$_services_logs/npm-ci-$name.log" 2>&1; then
      echo "   FAILED: npm ci in eng/$name failed:" >&2
      tail -n 30 "$_services_logs/npm-ci-$name.log" >&2
      return 1
    fi
  fi
}

# Waits (at most 120 s: a loaded machine starts node slowly) for a line of the log that the sed expression turns into an endpoint; prints it.
_wait_for_endpoint() {
  local log="$1" pid="$2" expression="$3" endpoint="" waited=0
  while [ "$waited" -lt 1200 ]; do
    endpoint="$(sed -n "$expression" "$log" | head -n 1)"
    [ -n "$endpoint" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
    waited=$((waited + 1))
  done
  printf '%s' "$endpoint"
}

_start_cosmos_test_server() {
  local dir="$_services_root/eng/cosmosdb-server"
  local log="$_services_logs/cosmosdb-server.log"
  mkdir -p "$_services_logs"
  echo "== Starting the Cosmos DB test server"
  _npm_ci cosmosdb-server || return 1

  # Port 0: the OS picks a free port; serve.js prints the endpoint once it listens.
  node "$dir/serve.js" --port 0 >"$log" 2>&1 &
  _cosmos_server_pid=$!

  local endpoint
  endpoint="$(_wait_for_endpoint "$log" "$_cosmos_server_pid" 's/^listening \(http:\/\/127\.0\.0\.1:[0-9]*\/\)$/\1/p')"
  if [ -z "$endpoint" ] || ! node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$endpoint"; then
    echo "   FAILED: the Cosmos DB test server did not start; its log (artifacts/services/cosmosdb-server.log):" >&2
    tail -n 30 "$log" >&2
    return 1
  fi

  export CEE_COSMOS_TEST_ENDPOINT="$endpoint"
  echo "   listening at $endpoint (pid $_cosmos_server_pid, log: artifacts/services/cosmosdb-server.log)"
  return 0
}

_start_azurite() {
  local dir="$_services_root/eng/azurite"
  local log="$_services_logs/azurite.log"
  mkdir -p "$_services_logs"
  echo "== Starting Azurite (Blob service)"
  _npm_ci azurite || return 1

  # A fresh workspace per run: no blob of an earlier run is ever seen, and nothing is left behind.
  _azurite_data="$(mktemp -d "$_services_logs/azurite-data.XXXXXX")"
  # Port 0: the OS picks a free port, which Azurite prints once it listens. --skipApiVersionCheck:
  # Azure.Storage.Blobs may speak a newer service version than this Azurite knows; --loose: it
  # ignores headers it does not implement instead of failing the request.
  node "$dir/node_modules/azurite/dist/src/blob/main.js" \
    --blobHost 127.0.0.1 --blobPort 0 --location "$_azurite_data" \
    --disableTelemetry --skipApiVersionCheck --loose >"$log" 2>&1 &
  _azurite_pid=$!

  local listening endpoint
  listening="$(_wait_for_endpoint "$log" "$_azurite_pid" 's/^Azurite Blob service successfully listens on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p')"
  endpoint="$listening/devstoreaccount1"
  if [ -z "$listening" ] || ! node -e 'fetch(process.argv[1] + "?comp=list").then(r => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))' "$endpoint"; then
    echo "   FAILED: Azurite did not start; its log (artifacts/services/azurite.log):" >&2
    tail -n 30 "$log" >&2
    return 1
  fi

  export CEE_AZURITE_BLOB_ENDPOINT="$endpoint"
  echo "   listening at $endpoint (pid $_azurite_pid, log: artifacts/services/azurite.log)"
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
