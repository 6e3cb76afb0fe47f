#!/usr/bin/env bash
# The whole test suite: restore every project in CeeFunctions.sln, build and test every project
# whose packages this machine's NuGet feed can supply, and say plainly which projects were
# skipped and which packages they were missing. A skip never hides: it is printed first and last.
# Any failure other than "package not on the feed" fails the run.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
artifacts="$root/artifacts/test"
mkdir -p "$artifacts"

available=()
skipped=()
declare -A missing_by_project=()

echo "== Restoring every project in CeeFunctions.sln"
mapfile -t projects < <(dotnet sln CeeFunctions.sln list | tail -n +3 | sed 's#\\#/#g' | sed '/^\s*$/d')
for project in "${projects[@]}"; do
  log="$artifacts/restore-$(basename "$project" .csproj).log"
  if dotnet restore "$project" >"$log" 2>&1; then
    available+=("$project")
    echo "   restored  $project"
  elif grep -qE 'error NU110[123]' "$log"; then
    # NU1101: no such package on any source; NU1102: no such version; NU1103: only prereleases.
    missing=$(grep -oE "error NU110[123]: Unable to find package [^ ]+( with version \([^)]*\))?" "$log" \
      | sed -E 's/^error NU110[123]: Unable to find package //; s/\.$//; s/ with version \((.*)\)$/ \1/' \
      | sort -u | paste -sd ',' - | sed 's/,/, /g')
    skipped+=("$project")
    missing_by_project["$project"]="$missing"
    echo "   SKIPPED   $project  (missing from this feed: $missing)"
  else
    echo "   FAILED    $project: restore failed for a reason other than a missing package:" >&2
    cat "$log" >&2
    exit 1
  fi
done

# A solution filter holding only what restored, so one build graph covers them all.
filter="$artifacts/CeeFunctions.available.slnf"
{
  echo '{ "solution": { "path": "../../CeeFunctions.sln", "projects": ['
  for i in "${!available[@]}"; do
    sep=','; [ "$i" -eq $((${#available[@]} - 1)) ] && sep=''
    echo "    \"${available[$i]}\"$sep"
  done
  echo '] } }'
} >"$filter"

print_skips() {
  if [ "${#skipped[@]}" -eq 0 ]; then
    echo "Skipped projects: none (every project in CeeFunctions.sln was built and tested)."
  else
    echo "Skipped projects (their packages are not on this machine's NuGet feed; they build wherever nuget.org is reachable):"
    for project in "${skipped[@]}"; do
      echo "   - $project"
      echo "       missing packages: ${missing_by_project[$project]}"
    done
  fi
}

echo
print_skips
echo

# Services some test projects need (started only when those projects are in the run).
if [ -x "$root/eng/services.sh" ]; then
  # shellcheck source=/dev/null
  source "$root/eng/services.sh"
  start_test_services "${available[@]}" || { echo "Could not start test services." >&2; exit 1; }
  trap stop_test_services EXIT
fi

echo "== Building (Release, warnings are errors)"
if ! dotnet build "$filter" -c Release --no-restore -nologo -clp:ErrorsOnly; then
  echo "Build failed." >&2
  exit 1
fi

echo "== Testing"
status=0
dotnet test "$filter" -c Release --no-build --nologo --logger "console;verbosity=minimal" \
  --results-directory "$artifacts/results" || status=$?

echo
echo "== Summary"
echo "Built: ${#available[@]} project(s); tested every test project among them."
print_skips
if [ "$status" -ne 0 ]; then
  echo "Tests FAILED."
  exit "$status"
fi
echo "Tests passed."
