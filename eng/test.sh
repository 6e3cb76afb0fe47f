#!/usr/bin/env bash
# The whole test suite: restore, build (Release, warnings are errors) and test every project in
# CeeFunctions.sln, with the services the tests need (eng/services.sh) started before and stopped
# after. Nothing is skipped: a restore, build or test failure fails the run, with its log. With
# CI=true a skipped test fails the run too. The summary at the end says what was built and, per
# test project, how many tests passed, failed and were skipped.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
artifacts="$root/artifacts/test"
rm -rf "$artifacts"
mkdir -p "$artifacts"
started=$(date +%s)

mapfile -t projects < <(dotnet sln CeeFunctions.sln list | tail -n +3 | sed 's#\\#/#g' | sed '/^\s*$/d')
test_projects=()
for project in "${projects[@]}"; do
  case "$project" in tests/*.Tests/*) test_projects+=("$project") ;; esac  # tests/Cee.Functions.Harness is a library
done

echo "== Restoring CeeFunctions.sln (${#projects[@]} projects; log: artifacts/test/restore.log)"
if ! dotnet restore CeeFunctions.sln >"$artifacts/restore.log" 2>&1; then
  echo "Restore FAILED:" >&2
  grep -E 'error|warning NU' "$artifacts/restore.log" >&2 || cat "$artifacts/restore.log" >&2
  exit 1
fi

echo "== Building (Release, warnings are errors; log: artifacts/test/build.log)"
if ! dotnet build CeeFunctions.sln -c Release --no-restore -nologo -clp:ErrorsOnly >"$artifacts/build.log" 2>&1; then
  echo "Build FAILED:" >&2
  cat "$artifacts/build.log" >&2
  exit 1
fi

# Services the tests need (Cosmos DB test server, Azurite, ...), stopped on any exit.
# shellcheck source=eng/services.sh
source "$root/eng/services.sh"
trap stop_test_services EXIT
start_test_services "${test_projects[@]}" || { echo "Could not start the test services." >&2; exit 1; }

echo "== Testing ${#test_projects[@]} test projects"
status=0
dotnet test CeeFunctions.sln -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --results-directory "$artifacts/results" \
  --blame-hang-timeout 15m 2>&1 | tee "$artifacts/test.log"
status=${PIPESTATUS[0]}

echo
echo "== Summary"
echo "Built: ${#projects[@]} project(s) of CeeFunctions.sln, Release, warnings as errors."
skipped_total=0
for project in "${test_projects[@]}"; do
  assembly="$(basename "$project" .csproj).dll"
  line="$(grep -E "(Passed|Failed)!.* - ${assembly//./\\.} " "$artifacts/test.log" | tail -n 1)"
  if [ -z "$line" ]; then
    printf '   %-34s NO RESULT (the test host did not report; see artifacts/test/test.log)\n' "$(basename "$project" .csproj)"
    status=1
    continue
  fi
  passed=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")
  failed=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
  skipped=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  skipped_total=$((skipped_total + skipped))
  printf '   %-34s passed %5s   failed %3s   skipped %3s\n' "$(basename "$project" .csproj)" "$passed" "$failed" "$skipped"
done
echo "Took $(( $(date +%s) - started )) s."

if [ "$status" -ne 0 ]; then
  echo "Tests FAILED."
  exit 1
fi
if [ "$skipped_total" -ne 0 ] && [ "${CI:-}" = "true" ]; then
  echo "Tests FAILED: $skipped_total test(s) skipped, and CI runs every test (see the skip reasons in artifacts/test/test.log)."
  exit 1
fi
echo "Tests passed."
