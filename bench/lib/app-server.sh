# Sourced by bench/capacity.sh and bench/soak.sh: the app under load, published and started the same way for both.

# Publishes the app in Release to $APP_DIR (default /tmp/blazorsession-bench-app) unless it is already there; delete
# that directory after changing the app.
publish_app() {
  app_dir=${APP_DIR:-/tmp/blazorsession-bench-app}
  if [ ! -f "$app_dir/BlazorSession.App.dll" ]; then
    dotnet publish BlazorSession.App -c Release -o "$app_dir" >/dev/null
  fi
}

# Starts the published app (deploy/run-app.sh) on a free loopback port (deploy/lib/ports.sh), with a key directory
# of its own, the load-test diagnostics endpoint on and warnings-only logging, plus the VAR=VALUE settings given;
# waits until it answers. Sets port, server_pid and server_log, and stops the server (by its pid) when the calling
# script exits.
start_app_server() {
  # shellcheck source=../../deploy/lib/ports.sh
  . deploy/lib/ports.sh
  port=$(free_ports 1)
  server_keys=$(mktemp -d)
  server_log=$(mktemp)
  deploy/run-app.sh "$app_dir" "$port" DataProtection__KeysPath="$server_keys" LoadTest__Diagnostics=true \
    Logging__LogLevel__Default=Warning "$@" >"$server_log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$server_keys" "$server_log"' EXIT

  until curl -sf "http://127.0.0.1:$port/" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log"; exit 1; }
    sleep 0.5
  done
  mkdir -p bench/results
}

# The server's warnings and errors, if it logged any.
show_server_problems() {
  if grep -qiE 'fail|exception' "$server_log"; then
    echo "Server log (warnings and errors):"
    grep -iE -A3 'fail|exception' "$server_log" | head -40
  fi
}
