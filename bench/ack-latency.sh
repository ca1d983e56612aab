#!/usr/bin/env bash
# Ack latency of the packaged app while the Kubernetes API answers in 2 s per call.
# Writes bench/results/ack-latency.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.canarybot.bench.AckLatencyBench
