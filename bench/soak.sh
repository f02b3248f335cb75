#!/usr/bin/env bash
# One endurance run against a fresh Release publish of the app, as recorded in bench/README.md ("Endurance").
#   bench/soak.sh NAME MINUTES [generator options]
# e.g. bench/soak.sh soak-1000 30 --circuits 1000 --rate 1
#      bench/soak.sh churn-500x10s 60 --circuits 500 --rate 1 --churn 10 --lifetimes 100000
# Publishes the app once to $APP_DIR (default /tmp/blazorsession-bench-app; delete it after changing the app),
# starts it on a free loopback port with its own key directory and the load-test diagnostics endpoint on, runs the
# load generator for MINUTES (with --lifetimes, at most MINUTES), then lets the server settle: the generator keeps
# sampling until the server holds no circuit (disconnected ones are retained for 3 minutes, a dropped connection is
# noticed after ~30 s) for at most $SETTLE_SECONDS (default 300). Writes bench/results/NAME.json and NAME.png (the
# heap and p99 over time) and stops the server by its pid. SERVER_ENV adds VAR=VALUE settings for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/app-server.sh
. bench/lib/app-server.sh
# shellcheck source=lib/generator.sh
. bench/lib/generator.sh
if [ $# -lt 2 ]; then
  echo "usage: bench/soak.sh NAME MINUTES [generator options]" >&2
  exit 2
fi
name=$1 minutes=$2
shift 2

publish_app
build_generator
dotnet build bench/BlazorSession.Plot -c Release >/dev/null
# SERVER_ENV is split on spaces on purpose: a list of VAR=VALUE words.
# shellcheck disable=SC2086
start_app_server ${SERVER_ENV:-}
echo "server pid $server_pid on port $port; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
status=0
"${generator_command[@]}" --url "http://127.0.0.1:$port" \
  --duration $((minutes * 60)) --settle "${SETTLE_SECONDS:-300}" --warmup "${WARMUP:-100}" --server-pid "$server_pid" \
  --json "bench/results/$name.json" "$@" || status=$?
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
dotnet run --no-build -c Release --project bench/BlazorSession.Plot -- "bench/results/$name.json" "bench/results/$name.png" || status=$?
show_server_problems
exit $status
