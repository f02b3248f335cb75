#!/usr/bin/env bash
# Runs every test (unit, component, end-to-end) on a machine that has only the .NET SDK:
# installs what the tests need when it is missing, runs `dotnet test`, and ends with
# "Tests: N passed, N failed" counted from the run. Skipped tests count as failed: nothing is skipped here.
set -euo pipefail
cd "$(dirname "$0")"

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # The cluster tests run deploy/local-cluster.sh: Redis for the shared key ring, nginx as the balancer.
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    if [ "$(id -u)" -ne 0 ]; then
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    else
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    fi
  fi
}

# Elsewhere: Playwright's own Chromium, when no system browser is found (the tests look for one first).
install_playwright_chromium() {
  if [ -n "${BLAZORSESSION_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 \
    || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then
    return
  fi
  if command -v pwsh >/dev/null 2>&1; then
    dotnet build BlazorSession.Tests -c Release
    pwsh BlazorSession.Tests/bin/Release/net10.0/playwright.ps1 install chromium
  else
    echo "No Chromium found: install Chrome or Chromium and set BLAZORSESSION_CHROMIUM to its path," >&2
    echo "or install PowerShell and run: pwsh BlazorSession.Tests/bin/Release/net10.0/playwright.ps1 install chromium" >&2
  fi
}

if command -v apt-get >/dev/null 2>&1; then
  install_debian_packages
else
  echo "Not a Debian-like system: the cluster tests need redis-server and nginx on PATH; install them yourself." >&2
  install_playwright_chromium
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test BlazorSession.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary line per test assembly:
#   "Passed!  - Failed:     0, Passed:    54, Skipped:     0, Total:    54, ..."
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- Failed:/ {
    gsub(",", "")
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  f += $(i + 1)
      if ($i == "Passed:")  p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")

failed=$((failed + skipped))
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  echo "The tests did not run (build or host failure above)."
fi
echo "Tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
