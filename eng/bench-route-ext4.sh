#!/usr/bin/env bash
# Runs RouteBenchmarks with its "disk" output on a new, journaled ext4 (a loop-mounted image file on
# the same virtual disk), as most Linux machines format their disks. This VM's root file system is
# ext4 *without* a journal, where creating a file walks past every inode freed in the last 30 s
# (recently_deleted): there the disk figure follows what other processes deleted, not cee route
# (docs/adr/0011-sqlite-ledger.md, "Cost"). Needs root (mount). Arguments go to the benchmark:
#
#   sudo ./eng/bench-route-ext4.sh                     both outputs, tmpfs and the journaled ext4
#   sudo ./eng/bench-route-ext4.sh --route-memory      the peak-memory check on the same folders
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${CEE_BENCH_EXT4_IMAGE:-$root/artifacts/bench-ext4.img}"
mountpoint="$(mktemp -d /tmp/cee-bench-ext4.XXXXXX)"
mkdir -p "$(dirname "$image")"
cleanup() { umount "$mountpoint" 2>/dev/null || true; rmdir "$mountpoint"; rm -f "$image"; }
trap cleanup EXIT

fallocate -l 6G "$image"
mkfs.ext4 -q -F "$image"          # the default features: has_journal among them
mount -o loop "$image" "$mountpoint"
cd "$root"
if [ "$#" -eq 0 ]; then set -- --filter 'Cee.Benchmarks.RouteBenchmarks*'; fi
# The benchmark's input and its "disk" output live under the temporary folder (Path.GetTempPath()).
TMPDIR="$mountpoint" dotnet run -c Release --project bench/Cee.Benchmarks -- "$@"
