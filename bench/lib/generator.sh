# Sourced by bench/capacity.sh, bench/soak.sh and bench/heap-types.sh: the load generator, built and run one way.

# Builds the generator in Release.
build_generator() {
  dotnet build bench/BlazorSession.LoadTest -c Release >/dev/null
}

# The command that runs the built generator; append its options. Its gen0 budget is raised to 256 MB, so it collects
# every few seconds instead of about once a second: each of its collections pauses every simulated user at once, and
# that pause was counted as the server's latency (bench/README.md, "What moved what"). The runtime reads this setting
# from the environment only, not from runtimeconfig.json. `env` execs the generator, so "$!" after starting it in the
# background is the generator's own pid.
generator_command=(env DOTNET_GCgen0size=0x10000000 dotnet bench/BlazorSession.LoadTest/bin/Release/net10.0/BlazorSession.LoadTest.dll)
