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
exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production "$@" dotnet BlazorSession.App.dll
