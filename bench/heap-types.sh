#!/usr/bin/env bash
# What a circuit's memory is made of: the server's live objects by type, with CIRCUITS idle circuits open.
#   bench/heap-types.sh NAME CIRCUITS [generator options]
# e.g. bench/heap-types.sh empty 1000 && bench/heap-types.sh three-lines 1000 --cart-lines 3
#      python3 bench/lib/heap_diff.py /tmp/blazorsession-heap/empty.txt /tmp/blazorsession-heap/three-lines.txt 1000
# Publishes and starts the app as bench/capacity.sh does, opens the circuits with the load generator (which then holds
# them), and once all are open takes a heap dump of the server (dotnet-dump, installed to $TOOLS_DIR, default
# /tmp/blazorsession-tools) and writes `dumpheap -stat -live` to $HEAP_DIR/NAME.txt (default /tmp/blazorsession-heap;
# a few hundred KB, so not in bench/results). The dump pauses the server: nothing is timed in this run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/app-server.sh
. bench/lib/app-server.sh
# shellcheck source=lib/generator.sh
. bench/lib/generator.sh
if [ $# -lt 2 ]; then
  echo "usage: bench/heap-types.sh NAME CIRCUITS [generator options]" >&2
  exit 2
fi
name=$1 circuits=$2
shift 2
tools=${TOOLS_DIR:-/tmp/blazorsession-tools} heap_dir=${HEAP_DIR:-/tmp/blazorsession-heap}
mkdir -p "$heap_dir"
[ -x "$tools/dotnet-dump" ] || dotnet tool install --tool-path "$tools" dotnet-dump >/dev/null

publish_app
build_generator
start_app_server
progress=$(mktemp)
# The generator holds the circuits for ten minutes at most; it is stopped once the dump is taken.
"${generator_command[@]}" --url "http://127.0.0.1:$port" \
  --circuits "$circuits" --rate 0 --duration 600 --server-pid "$server_pid" --json "$heap_dir/$name.json" "$@" >"$progress" 2>&1 &
generator_pid=$!
until grep -q "hold: $circuits/$circuits connected" "$progress"; do
  kill -0 "$generator_pid" 2>/dev/null || { cat "$progress"; exit 1; }
  sleep 1
done
"$tools/dotnet-dump" collect -p "$server_pid" --type Heap -o "$heap_dir/$name.dmp" >/dev/null
kill "$generator_pid"
wait "$generator_pid" 2>/dev/null || true
"$tools/dotnet-dump" analyze "$heap_dir/$name.dmp" -c "dumpheap -stat -live" -c exit >"$heap_dir/$name.txt"
rm -f "$heap_dir/$name.dmp" "$progress"
echo "$heap_dir/$name.txt"
