#!/usr/bin/env bash
# HL7 intake benchmark: starts the engine jar on its embedded defaults (fresh data dir, free-ish
# ports), measures time to healthy, sends 20,000 orders over 8 MLLP connections, then waits for
# the order book to catch up. Usage: bench/hl7-intake.sh [MESSAGES] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-20000}
CONNECTIONS=${2:-8}
HL7_PORT=${BENCH_HL7_PORT:-12575}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
DATA=$(mktemp -d /tmp/dxaflow-bench.XXXXXX)
[ -f target/dxaflow.jar ] || ./mvnw -q -B -DskipTests package

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
start=$(date +%s%N)
DXAFLOW_DATA_DIR=$DATA DXAFLOW_HL7_PORT=$HL7_PORT DXAFLOW_HTTP_PORT=$HTTP_PORT \
  java -jar target/dxaflow.jar > "$DATA/engine.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$HTTP_PORT/api/health" > /dev/null; do
  sleep 0.1
  kill -0 $PID 2>/dev/null || { echo "engine died"; cat "$DATA/engine.log"; exit 1; }
done
echo "startup to healthy: $(( ($(date +%s%N) - start) / 1000000 )) ms"

java -cp target/dxaflow.jar bench/Hl7IntakeBench.java 127.0.0.1 "$HL7_PORT" "$MESSAGES" "$CONNECTIONS"

# The order book is applied asynchronously from the durable queue: report how long it lags.
t0=$(date +%s%N)
expected=$((MESSAGES + 400))
while :; do
  processed=$(curl -s "http://127.0.0.1:$HTTP_PORT/api/messages?status=PROCESSED&limit=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 || true)
  [ "${processed:-0}" -ge "$expected" ] && break
  sleep 1
done
echo "order book caught up $(( ($(date +%s%N) - t0) / 1000000 )) ms after the last ACK"
