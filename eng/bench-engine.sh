#!/usr/bin/env bash
# Runs bench/Cee.Benchmarks with the services the real-engine benchmarks need (Azurite and the
# Cosmos DB test server, started by eng/services.sh as for the tests, stopped afterwards), passing
# its arguments on:
#
#   ./eng/bench-engine.sh --filter '*EngineRoute*'   1,000 generated drops through the real engine
#   ./eng/bench-engine.sh --blob-memory              a 10 MB and a 100 MB document through the Blob adapters
#
# BenchmarkDotNet's own runs inherit CEE_AZURITE_BLOB_ENDPOINT and CEE_COSMOS_TEST_ENDPOINT.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=eng/services.sh
source "$root/eng/services.sh"
trap stop_test_services EXIT
start_services_for cosmos azurite || { echo "Could not start the services the benchmark needs." >&2; exit 1; }
dotnet run -c Release --project bench/Cee.Benchmarks -- "$@"
