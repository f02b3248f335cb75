#!/usr/bin/env bash
# A local cluster on loopback: redis-server (the shared Data Protection key ring), N app nodes and nginx in front.
#
#   deploy/local-cluster.sh up [--nodes N] [--port P] [--store browser|server]
#                                                        start everything; the last line printed is the balancer's URL.
#                                                        --store server keeps the sessions themselves in the same Redis
#                                                        (Session:Store=Server, README.md); browser is the default
#   deploy/local-cluster.sh kill-node I                  SIGKILL node I (a crash: nothing is flushed)
#   deploy/local-cluster.sh start-node I                 start node I again (a node joining after the others)
#   deploy/local-cluster.sh restart-redis                stop Redis and start it again while the nodes run
#   deploy/local-cluster.sh down                         stop exactly what `up` started, by process id
#
# Ports: the balancer on P, Redis on P+1, node I on P+1+I. Without --port, P is the first of a free range
# (deploy/lib/ports.sh).
# State (generated configuration, process ids, logs) lives in $BLAZORSESSION_CLUSTER_DIR, by default .cluster/ at
# the repository root. The nodes run the app's build output from $BLAZORSESSION_APP_DIR, by default the Release
# build (built first if it is missing).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/ports.sh
. "$repo/deploy/lib/ports.sh"
state=${BLAZORSESSION_CLUSTER_DIR:-$repo/.cluster}
app_dir=${BLAZORSESSION_APP_DIR:-$repo/BlazorSession.App/bin/Release/net10.0}
start_timeout=60

log() { echo "local-cluster: $*" >&2; }
die() { log "$*"; exit 1; }

# Answers with an HTTP 200 on /PATH (bash's /dev/tcp: no curl needed).
answers() {
  local port=$1 path=${2:-} status=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /%s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$path" "$port" >&3
  IFS= read -r -t 10 status <&3 || true
  exec 3<&- 3>&-
  [[ $status == "HTTP/1."?" 200"* ]]
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Alive and not a zombie: a SIGKILLed process whose parent never reaps it still has a pid.
alive() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]]
}

# The pid recorded in $state/NAME.pid, if that process is still the one we started (pids are reused).
recorded_pid() {
  local name=$1 expected=$2 pid
  [[ -f $state/$name.pid ]] || return 1
  pid=$(<"$state/$name.pid")
  alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$expected" && echo "$pid"
}

stop_process() {
  local name=$1 expected=$2 signal=${3:-TERM} pid
  if pid=$(recorded_pid "$name" "$expected"); then
    kill -"$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      log "$name ($pid) did not stop on SIG$signal; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped $name ($pid)"
  fi
  rm -f "$state/$name.pid"
}

wait_until() {
  local what=$1 pid=$2 logfile=$3
  shift 3
  local deadline=$((SECONDS + start_timeout))
  until "$@"; do
    if ! alive "$pid"; then
      tail -n 30 "$logfile" >&2 || true
      die "$what exited before it was ready (log: $logfile)"
    fi
    ((SECONDS < deadline)) || die "$what not ready after ${start_timeout}s (log: $logfile)"
    sleep 0.2
  done
}

load_settings() {
  [[ -f $state/cluster.env ]] || die "no cluster in $state: run 'up' first"
  # shellcheck source=/dev/null
  source "$state/cluster.env"
}

node_port() { echo $((port + 1 + $1)); }

start_redis() {
  redis-server "$state/redis.conf" </dev/null >>"$state/redis.log" 2>&1 &
  echo $! >"$state/redis.pid"
  wait_until "redis" $! "$state/redis.log" redis_answers
  log "redis on 127.0.0.1:$redis_port (pid $(<"$state/redis.pid"))"
}

redis_answers() { [[ $(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null) == PONG ]]; }

launch_node() {
  local index=$1 node_port
  node_port=$(node_port "$index")
  listening "$node_port" && die "port $node_port (node $index) is already in use"
  "$repo/deploy/run-app.sh" "$app_dir" "$node_port" ConnectionStrings__Redis="127.0.0.1:$redis_port" \
    Session__Store="${store^}" \
    </dev/null >>"$state/node-$index.log" 2>&1 &
  echo $! >"$state/node-$index.pid"
}

wait_for_node() {
  local index=$1 page
  # Ready, not just listening: the key ring works and Redis answers (GET /healthz/ready).
  wait_until "node $index" "$(<"$state/node-$index.pid")" "$state/node-$index.log" answers "$(node_port "$index")" healthz/ready
  # Prerender each page once, so the first users sent here do not all wait for the JIT at once.
  for page in set-session get-session; do
    answers "$(node_port "$index")" "$page" || true
  done
  log "node $index on http://127.0.0.1:$(node_port "$index")/ (pid $(<"$state/node-$index.pid"))"
}

write_redis_conf() {
  mkdir -p "$state/redis"
  # Append-only with fsync on every write: the key ring is written rarely and must survive a Redis restart.
  cat >"$state/redis.conf" <<EOF
bind 127.0.0.1
port $redis_port
protected-mode yes
daemonize no
dir $state/redis
appendonly yes
appendfsync always
save ""
EOF
}

write_nginx_conf() {
  mkdir -p "$state/nginx/temp"
  local servers="" index
  for ((index = 1; index <= nodes; index++)); do
    # Passive health: a node that fails a request (refused, timed out) is out of rotation for 2 s, then tried again,
    # so a dead node costs each request nothing more than one refused connect, and a node that comes back (only
    # once it answers /healthz/ready, see wait_for_node) is used again within 2 s.
    servers+="    server 127.0.0.1:$(node_port "$index") max_fails=1 fail_timeout=2s;"$'\n'
  done
  cat >"$state/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $state/nginx/nginx.pid;
error_log $state/nginx/error.log warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path $state/nginx/temp/client_body;
  proxy_temp_path $state/nginx/temp/proxy;
  fastcgi_temp_path $state/nginx/temp/fastcgi;
  uwsgi_temp_path $state/nginx/temp/uwsgi;
  scgi_temp_path $state/nginx/temp/scgi;
  # A tab's session travels in cookies both ways (UseBrowserSession): up to 24,000 characters in one request's Cookie
  # line, and as many in a response's Set-Cookie lines. nginx's defaults (8 KB per request line, 4 KB of response
  # headers) would answer 400 or 502 (docs/decisions/2026-12-07-session-at-the-first-render.md).
  large_client_header_buffers 4 32k;
  proxy_buffer_size 32k;
  proxy_buffers 4 32k;
  proxy_busy_buffers_size 64k;

  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    '' '';
  }

  # Round robin, no affinity: the browser opens the circuit's WebSocket without a negotiate request, so every
  # message of a circuit travels on the one connection nginx gave to one node.
  upstream blazorsession {
$servers    keepalive 16;
  }

  server {
    listen 127.0.0.1:$port;

    location / {
      proxy_pass http://blazorsession;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_next_upstream error timeout;
    }

    # While every node is out of rotation (a moment during a failover), nginx answers 502 itself. A tab that
    # reloads into that page would stay there: this one reloads itself after a second instead.
    error_page 502 503 504 @unavailable;
    location @unavailable {
      default_type text/html;
      add_header Cache-Control "no-store" always;
      return 503 '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>One moment</title></head><body><p>The service is switching servers. This page reloads by itself.</p></body></html>';
    }
  }
}
EOF
}

cmd_up() {
  nodes=2 port="" store=browser
  while (($#)); do
    case $1 in
      --nodes) nodes=${2:?--nodes needs a number}; shift 2 ;;
      --port) port=${2:?--port needs a number}; shift 2 ;;
      --store) store=${2:?--store needs browser or server}; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ $nodes =~ ^[1-9][0-9]*$ ]] || die "--nodes must be a positive number"
  [[ $store == browser || $store == server ]] || die "--store must be browser or server"
  [[ -n $port ]] || port=$(free_ports $((nodes + 2)))
  [[ $port =~ ^[1-9][0-9]*$ ]] || die "--port must be a number"
  redis_port=$((port + 1))
  command -v redis-server >/dev/null || die "redis-server not found (Debian: apt-get install -y redis-server)"
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  [[ -x $nginx ]] || die "nginx not found (Debian: apt-get install -y nginx)"

  mkdir -p "$state"
  for name in redis nginx $(cd "$state" && ls node-*.pid 2>/dev/null | sed 's/\.pid$//'); do
    if [[ -f $state/$name.pid ]] && alive "$(<"$state/$name.pid")"; then
      die "a cluster is already running from $state: run 'down' first"
    fi
  done
  for p in "$port" "$redis_port"; do
    listening "$p" && die "port $p is already in use"
  done

  if [[ ! -f $app_dir/BlazorSession.App.dll ]]; then
    log "building the app (Release)"
    dotnet build "$repo/BlazorSession.App/BlazorSession.App.csproj" -c Release -o "$app_dir" >&2
  fi

  rm -f "$state"/*.log
  printf 'nodes=%s\nport=%s\nredis_port=%s\nstore=%s\n' "$nodes" "$port" "$redis_port" "$store" >"$state/cluster.env"
  trap 'log "up failed; stopping what it started"; cmd_down' EXIT

  write_redis_conf
  start_redis

  # Node 1 first: it creates the key ring in Redis if there is none, and every other node then reads that one
  # instead of racing to create its own.
  launch_node 1
  wait_for_node 1
  local index
  for ((index = 2; index <= nodes; index++)); do
    launch_node "$index"
  done
  for ((index = 2; index <= nodes; index++)); do
    wait_for_node "$index"
  done

  write_nginx_conf
  "$nginx" -p "$state/nginx" -c "$state/nginx/nginx.conf" -e "$state/nginx/error.log" </dev/null \
    >>"$state/nginx.log" 2>&1 &
  echo $! >"$state/nginx.pid"
  wait_until "nginx" $! "$state/nginx/error.log" answers "$port"
  trap - EXIT
  log "balancer on 127.0.0.1:$port in front of $nodes nodes (nginx pid $(<"$state/nginx.pid"))"
  echo "http://127.0.0.1:$port/"
}

node_index() {
  [[ ${1:-} =~ ^[1-9][0-9]*$ ]] && (($1 <= nodes)) || die "node index must be 1..$nodes"
  echo "$1"
}

cmd_kill_node() {
  load_settings
  local index pid
  index=$(node_index "${1:-}")
  pid=$(recorded_pid "node-$index" BlazorSession.App.dll) || die "node $index is not running"
  kill -KILL "$pid"
  # The main thread turns zombie before the other threads are gone and the listening socket is closed.
  local deadline=$((SECONDS + 10))
  while alive "$pid" || listening "$(node_port "$index")"; do
    ((SECONDS < deadline)) || die "node $index ($pid) still holds its port after SIGKILL"
    sleep 0.05
  done
  rm -f "$state/node-$index.pid"
  log "killed node $index ($pid)"
}

cmd_start_node() {
  load_settings
  local index
  index=$(node_index "${1:-}")
  recorded_pid "node-$index" BlazorSession.App.dll >/dev/null && die "node $index is already running"
  launch_node "$index"
  wait_for_node "$index"
}

cmd_restart_redis() {
  load_settings
  stop_process redis redis-server
  start_redis
}

# Redis away for a while: the nodes keep serving from their cached key ring, but are not ready (/healthz/ready).
cmd_stop_redis() {
  load_settings
  stop_process redis redis-server
}

cmd_start_redis() {
  load_settings
  start_redis
}

cmd_down() {
  [[ -f $state/cluster.env ]] || { log "nothing to stop in $state"; return 0; }
  stop_process nginx nginx
  local file
  for file in "$state"/node-*.pid; do
    [[ -e $file ]] || continue
    stop_process "$(basename "$file" .pid)" BlazorSession.App.dll
  done
  stop_process redis redis-server
  rm -f "$state/cluster.env"
}

case ${1:-} in
  up) shift; cmd_up "$@" ;;
  kill-node) cmd_kill_node "${2:-}" ;;
  start-node) cmd_start_node "${2:-}" ;;
  restart-redis) cmd_restart_redis ;;
  stop-redis) cmd_stop_redis ;;
  start-redis) cmd_start_redis ;;
  down) cmd_down ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
