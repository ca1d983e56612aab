#!/usr/bin/env bash
# Startup time (process start -> /q/health/live answers 200) and idle RSS of the packaged app,
# against a stub Kubernetes API and with no Slack token. 5 runs; writes bench/results/startup.txt.
# Usage: bench/startup.sh [--no-build]
#   APPCDS=1     package with an AppCDS archive (quarkus.package.jar.appcds.enabled) and run with it
#   JAVA_OPTS=…  JVM flags for the runs (e.g. the container settings the Deployment uses)
#   OUT=…        the result file (default bench/results/startup.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-10}
OUT=${OUT:-bench/results/startup.txt}
JAVA_OPTS=${JAVA_OPTS:-}
BUILD_FLAGS=""
if [ "${APPCDS:-0}" = 1 ]; then
  BUILD_FLAGS="-Dquarkus.package.jar.appcds.enabled=true"
  # The archive records the class path as run from target/quarkus-app: run from there.
  JAVA_OPTS="-XX:SharedArchiveFile=app-cds.jsa $JAVA_OPTS"
fi
if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -B -q package -DskipTests $BUILD_FLAGS
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

API_PORT=$(free_port)
python3 bench/stub-kubernetes-api.py "$API_PORT" &
API_PID=$!
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  kill "$API_PID" 2>/dev/null || true
}
trap cleanup EXIT

startups=()
rss=()
for run in $(seq 1 "$RUNS"); do
  HTTP_PORT=$(free_port)
  start=$(now_ms)
  env -u SLACK_BOT_TOKEN -u SLACK_APP_TOKEN -u SLACK_SIGNING_SECRET \
    QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL="http://127.0.0.1:$API_PORT" \
    QUARKUS_HTTP_PORT="$HTTP_PORT" \
    sh -c "cd target/quarkus-app && exec java $JAVA_OPTS -jar quarkus-run.jar" >"target/bench-startup-$run.log" 2>&1 &
  APP_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/q/health/live"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the app exited; see target/bench-startup-$run.log" >&2
      exit 1
    fi
    sleep 0.02
  done
  startups+=($(( $(now_ms) - start )))
  # Idle: no Slack traffic, the scheduler ticking; RSS after it settles.
  sleep "$IDLE_SECONDS"
  rss+=($(awk '/VmRSS/ {print int($2/1024)}' "/proc/$APP_PID/status"))
  curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >"target/bench-ready-$run.json" || true
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  echo "run $run: startup ${startups[-1]} ms, idle RSS ${rss[-1]} MiB" >&2
done

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %d, min %d, max %d", a[int((NR+1)/2)], a[1], a[NR]}'; }
mkdir -p bench/results
{
  echo "startup and idle memory of the packaged app (in target/quarkus-app: java ${JAVA_OPTS:-} -jar quarkus-run.jar)"
  echo "Kubernetes API: stub on 127.0.0.1 (bench/stub-kubernetes-api.py); no Slack token; leader election off"
  echo "measured: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "runs: $RUNS"
  echo "startup ms (process start -> /q/health/live 200): $(stats "${startups[@]}")"
  echo "idle RSS MiB (after ${IDLE_SECONDS} s idle, JVM flags: ${JAVA_OPTS:-default}): $(stats "${rss[@]}")"
  echo "every run: startup ms ${startups[*]}; RSS MiB ${rss[*]}"
  echo "readiness after the last run: $(cat "target/bench-ready-$RUNS.json" | tr -d '\n' | tr -s ' ')"
} > "$OUT"
cat "$OUT"
