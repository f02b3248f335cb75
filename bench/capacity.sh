#!/usr/bin/env bash
# One capacity run against a fresh Release publish of the app, as recorded in bench/README.md.
#   bench/capacity.sh NAME CIRCUITS RATE DURATION [VAR=VALUE ...]
# Publishes the app once to $APP_DIR (default /tmp/blazorsession-bench-app), starts it on a free loopback port with
# its own key directory and the load-test diagnostics endpoint on, plus any VAR=VALUE given (runtime GC settings,
# for instance), runs the load generator, writes bench/results/NAME.json, and stops the server by its pid.
# GENERATOR_ARGS adds options to the load generator, e.g. GENERATOR_ARGS="--ramp 50".
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 circuits=$2 rate=$3 duration=$4
shift 4

app_dir=${APP_DIR:-/tmp/blazorsession-bench-app}
if [ ! -f "$app_dir/BlazorSession.App.dll" ]; then
  dotnet publish BlazorSession.App -c Release -o "$app_dir" >/dev/null
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
keys=$(mktemp -d)
log=$(mktemp)
(
  cd "$app_dir"
  exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    DataProtection__KeysPath="$keys" LoadTest__Diagnostics=true Logging__LogLevel__Default=Warning "$@" \
    dotnet BlazorSession.App.dll >"$log" 2>&1
) &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$keys" "$log"' EXIT

until curl -sf "http://127.0.0.1:$port/" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

mkdir -p bench/results
echo "server pid $server_pid on port $port; settings: ${*:-defaults}"
status=0
dotnet run -c Release --project bench/BlazorSession.LoadTest -- --url "http://127.0.0.1:$port" --circuits "$circuits" \
  --rate "$rate" --duration "$duration" --server-pid "$server_pid" --json "bench/results/$name.json" ${GENERATOR_ARGS:-} || status=$?
if grep -qiE 'fail|exception' "$log"; then
  echo "Server log (warnings and errors):"
  grep -iE -A3 'fail|exception' "$log" | head -40
fi
exit $status
