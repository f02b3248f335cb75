# Free loopback ports, found the same way by every script (sourced by deploy/local-cluster.sh and
# bench/lib/app-server.sh; C# code has its one way too, BlazorSession.Tests/Infrastructure/LoopbackProcess.cs).

# free_ports COUNT: prints the first of COUNT consecutive loopback ports on which nothing listens, below Linux's
# ephemeral range (32768 and up), so that no outgoing connection takes one of them while its server is down (a node
# killed and started again on its port).
free_ports() {
  local count=${1:-1} first port
  for _ in $(seq 50); do
    first=$((20000 + RANDOM % 12000))
    for ((port = first; port < first + count; port++)); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        continue 2
      fi
    done
    echo "$first"
    return 0
  done
  echo "no $count consecutive free loopback ports found" >&2
  return 1
}
