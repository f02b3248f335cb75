#!/usr/bin/env bash
# The one way the app is started as a process, by the tests (BlazorSession.Tests/Infrastructure/AppServer.cs), the
# journey benchmark (bench/BlazorSession.Bench/Servers/AppsUnderTest.cs), the capacity, soak and heap scripts
# (bench/lib/app-server.sh) and the local cluster (deploy/local-cluster.sh):
#
#   deploy/run-app.sh APP_DIR PORT [VAR=VALUE ...]
#
# Runs APP_DIR/BlazorSession.App.dll (a Release build or a publish) in Production on 127.0.0.1:PORT, with the
# settings given as environment variables (DataProtection__KeysPath=DIR, ConnectionStrings__Redis=HOST:PORT, ...).
# It becomes the app (exec), so its process id is the app's: stop it by that pid.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: deploy/run-app.sh APP_DIR PORT [VAR=VALUE ...]" >&2
  exit 2
fi
app_dir=$1 port=$2
shift 2
[ -f "$app_dir/BlazorSession.App.dll" ] || { echo "run-app.sh: no BlazorSession.App.dll in $app_dir" >&2; exit 1; }
cd "$app_dir"
# DOTNET_GCgen0size: a 256 MB gen0 budget instead of the runtime's few MB. Under load every collection of a circuit
# server is a gen1 one that pauses every circuit; with the larger budget there are half as many, the GC pauses the
# app about half as long and the server uses less CPU per step (docs/decisions/2026-12-05-gen0-budget.md). The
# runtime reads it from the environment only; a VAR=VALUE argument overrides it.
exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_GCgen0size=0x10000000 "$@" \
  dotnet BlazorSession.App.dll
