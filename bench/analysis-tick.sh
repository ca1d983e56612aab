#!/usr/bin/env bash
# One analysis tick with 1,000 active canaries against a real Prometheus (Debian's package);
# writes bench/results/analysis-tick.txt. Override the count with BENCH_CANARIES=N.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/prometheus.sh >/dev/null
./mvnw -B -q test -Dtest=AnalysisTickBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.canaries=${BENCH_CANARIES:-1000}"
cat bench/results/analysis-tick.txt
