#!/usr/bin/env bash
# One capacity run against a fresh Release publish of the app, as recorded in bench/README.md.
#   bench/capacity.sh NAME CIRCUITS RATE DURATION [VAR=VALUE ...]
# Publishes the app once to $APP_DIR (default /tmp/blazorsession-bench-app), starts it on a free loopback port with
# its own key directory and the load-test diagnostics endpoint on, plus any VAR=VALUE given (runtime GC settings,
# for instance), runs the load generator, writes bench/results/NAME.json, and stops the server by its pid.
# GENERATOR_ARGS adds options to the load generator, e.g. GENERATOR_ARGS="--ramp 50".
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/app-server.sh
. bench/lib/app-server.sh
# shellcheck source=lib/generator.sh
. bench/lib/generator.sh
name=$1 circuits=$2 rate=$3 duration=$4
shift 4

publish_app
build_generator
start_app_server "$@"
echo "server pid $server_pid on port $port; settings: ${*:-defaults}"
status=0
# GENERATOR_ARGS is split on spaces on purpose: a list of options.
# shellcheck disable=SC2086
"${generator_command[@]}" --url "http://127.0.0.1:$port" --circuits "$circuits" \
  --rate "$rate" --duration "$duration" --server-pid "$server_pid" --json "bench/results/$name.json" ${GENERATOR_ARGS:-} || status=$?
show_server_problems
exit $status
