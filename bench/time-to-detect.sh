#!/usr/bin/env bash
# Time from a sudden fault (v2 at 5 % errors, 10 % of 2,000 rps) to the rollback decision at the
# default settings (30 s interval, 5 m window, 15 s scrapes), five releases on one real Prometheus
# (Debian's package); writes bench/results/time-to-detect.txt. Takes about 9 minutes of real time:
# the window must first fill with healthy traffic.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/prometheus.sh >/dev/null
./mvnw -B -q test -Dtest=TimeToDetectBench -Dsurefire.failIfNoSpecifiedTests=false
cat bench/results/time-to-detect.txt
