#!/usr/bin/env bash
# Report delivery benchmark (issue #11): result stored -> PRELIMINARY report delivered to all three
# destinations, p50/p95/max over SCANS scans, against real peers:
#   PACS      Orthanc (/usr/sbin/Orthanc, fresh storage each round): DICOM SR + encapsulated PDF, C-STORE
#   RIS       an MLLP receiver answering MSA|AA|<MSH-10> (bench/mllp-ack.py): ORU^R01 (and the order
#             status messages the RIS link also carries)
#   GP        the same MLLP receiver on a second port (ORU^R01), and a HAPI FHIR R4 server
#             (bench/FhirEndpoint.java: RestfulServer in Jetty, the tests' InMemoryFhirServer) for
#             the transaction Bundle
# Each round starts the engine jar fresh (new data dir, free ports), a fresh Orthanc and FHIR server, sends
# WARM + SCANS orders over MLLP (distinct fabricated patients, scheduled today), waits until they are
# SCHEDULED, then plays every scan with the engine's scanner-sim from one JVM, one after the other
# (bench/ReportDeliveryBench.java): worklist, MPPS, C-STORE of the result SR, MPPS. Per scan,
#   t0 = the result's processedAt (GET /api/orders/{id}/result: computed and filed),
#   t1 = deliveredAt of the last of the preliminary's four deliveries (GET /api/reports/{id}),
# latency = t1 - t0, for the SCANS timed scans (the WARM ones go first and are not counted).
# Two rounds: dxaflow.report.poll-ms at its default (1000: the compose timer and the outbox timer
# each tick once a second) and DXAFLOW_REPORT_POLL_MS=100.
# Peer reference: the same SR + PDF pairs (fetched back from round 1's Orthanc) C-STOREd by DCMTK
# storescu into a fresh Orthanc, one association (one storescu process) per scan, wall time.
#
# Usage: bench/report-delivery.sh [SCANS=200]
#   BENCH_WARM (default 20) scans played and delivered before the timed ones.
#   BENCH_TIMEOUT (default 900) seconds each round may take at most.
#   BENCH_POLLS (default "default 100"): the rounds' report poll periods ("default" = unset).
#   BENCH_KEEP=1 keeps the work directory (fabricated patients only).
# Everything listens on 127.0.0.1 on free ports; every wait is bounded; every process started here
# is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SCANS=${1:-200}
WARM=${BENCH_WARM:-20}
TIMEOUT=${BENCH_TIMEOUT:-900}
POLLS=${BENCH_POLLS:-default 100}
# DCMTK (and Orthanc, built on it) leave Nagle's algorithm on unless TCP_NODELAY=1 is in the
# environment (~40 ms per DIMSE message otherwise); dxaflow always sets TCP_NODELAY.
export TCP_NODELAY=${BENCH_TCP_NODELAY:-1}
WORK=$(mktemp -d /tmp/dxaflow-rdbench.XXXXXX)
touch "$WORK/pids"

cleanup() {
  local p
  for p in $(cat "$WORK/pids" 2>/dev/null); do kill "$p" 2>/dev/null || true; done
  for p in $(cat "$WORK/pids" 2>/dev/null); do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

. bench/lib.sh  # the working directory is the repository root (cd above)
started() { echo "$1" >> "$WORK/pids"; }
stop() { # pid: SIGTERM, bounded wait, then SIGKILL
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed -i "/^$pid\$/d" "$WORK/pids"
}
alive() { kill -0 "$1" 2>/dev/null || { echo "$2 exited; its log:" >&2; tail -20 "$3" >&2; exit 1; }; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)," \
  "$(storescu --version 2>&1 | head -1 | tr -d '$'), Orthanc $(/usr/sbin/Orthanc --version 2>&1 | head -1 | awk '{print $NF}')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (machine shared with other work)"
[ -f target/dxaflow.jar ] || ./mvnw -q -o -B -DskipTests package
[ -f target/test-classes/org/dxaflow/report/fhir/InMemoryFhirServer.class ] || ./mvnw -q -o -B test-compile
[ -s target/bench-classpath.txt ] \
  || ./mvnw -q -o -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null

# ---- RIS and GP over MLLP, through every round (the FHIR server and Orthanc are fresh each round)
RIS_PORT=$(free_port); GP_PORT=$(free_port)
python3 bench/mllp-ack.py "RIS=$RIS_PORT" "GP=$GP_PORT" > "$WORK/mllp.log" 2>&1 &
MLLP_PID=$!; started $MLLP_PID
wait_for "the MLLP receiver" 30 grep -q listening "$WORK/mllp.log"

start_fhir() { # round -> sets FHIR_PID FHIR_URL
  java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    bench/FhirEndpoint.java "$WORK/fhir-url-$1" > "$WORK/fhir-$1.log" 2>&1 &
  FHIR_PID=$!; started $FHIR_PID
  wait_for "the FHIR server" 120 test -s "$WORK/fhir-url-$1"
  FHIR_URL=$(cat "$WORK/fhir-url-$1")
  wait_for "the FHIR server's metadata" 60 curl -sf "$FHIR_URL/metadata"
}

start_orthanc() { # dir -> sets ORTHANC_PID ORTHANC_DICOM ORTHANC_HTTP
  local dir=$1
  ORTHANC_DICOM=$(free_port); ORTHANC_HTTP=$(free_port); mkdir -p "$dir/storage" "$dir/index"
  cat > "$dir/orthanc.json" <<JSON
{
  "Name": "dxaflow-bench", "StorageDirectory": "$dir/storage", "IndexDirectory": "$dir/index",
  "DicomAet": "PACS", "DicomPort": $ORTHANC_DICOM, "HttpPort": $ORTHANC_HTTP, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomCheckCalledAet": true, "StorageCompression": false, "Plugins": []
}
JSON
  /usr/sbin/Orthanc "$dir/orthanc.json" > "$dir/orthanc.log" 2>&1 &
  ORTHANC_PID=$!; started $ORTHANC_PID
  wait_for "Orthanc" 60 curl -sf "http://127.0.0.1:$ORTHANC_HTTP/system"
  wait_for "Orthanc DICOM" 30 echoscu -aec PACS 127.0.0.1 "$ORTHANC_DICOM"
}
orthanc_count() { curl -sf "http://127.0.0.1:$ORTHANC_HTTP/statistics" | sed -n 's/.*"CountInstances" *: *\([0-9]*\).*/\1/p'; }

# ---- one round: fresh Orthanc and engine, WARM + SCANS scans ---------------------------------
run_round() { # poll ("default" or ms) round-number
  local poll=$1 r=$2 hl7 http dicom data pid
  start_orthanc "$WORK/orthanc-$r"
  start_fhir "$r"
  hl7=$(free_port); http=$(free_port); dicom=$(free_port); data="$WORK/engine-$r"
  local -a env=(DXAFLOW_DATA_DIR="$data" DXAFLOW_HL7_HOST=127.0.0.1 DXAFLOW_HL7_PORT="$hl7"
    DXAFLOW_HTTP_HOST=127.0.0.1 DXAFLOW_HTTP_PORT="$http" DXAFLOW_DICOM_HOST=127.0.0.1 DXAFLOW_DICOM_PORT="$dicom"
    DXAFLOW_DICOM_AET=DXAFLOW
    DXAFLOW_PACS_HOST=127.0.0.1 DXAFLOW_PACS_PORT="$ORTHANC_DICOM" DXAFLOW_PACS_AET=PACS
    DXAFLOW_RIS_HOST=127.0.0.1 DXAFLOW_RIS_PORT="$RIS_PORT"
    DXAFLOW_GP_HL7_HOST=127.0.0.1 DXAFLOW_GP_HL7_PORT="$GP_PORT" DXAFLOW_GP_FHIR_URL="$FHIR_URL")
  [ "$poll" = default ] || env+=(DXAFLOW_REPORT_POLL_MS="$poll")
  env "${env[@]}" java -jar target/dxaflow.jar > "$WORK/engine-$r.log" 2>&1 &
  pid=$!; started $pid
  wait_for "dxaflow healthy" 120 curl -sf "http://127.0.0.1:$http/api/health"
  alive "$pid" dxaflow "$WORK/engine-$r.log"
  echo
  echo "== round $r: dxaflow.report.poll-ms=$( [ "$poll" = default ] && echo "1000 (default)" || echo "$poll (DXAFLOW_REPORT_POLL_MS=$poll)")," \
    "$SCANS scans after $WARM warm-up; load $(cut -d' ' -f1 /proc/loadavg)"
  local t0 rc=0 driver; t0=$(date +%s)
  # in the background and waited on, so a SIGTERM to this script is handled (and the trap cleans up) at once
  timeout "$((TIMEOUT + 60))" java -Xmx256m -cp target/dxaflow.jar bench/ReportDeliveryBench.java 127.0.0.1 "$hl7" "$http" \
    "$dicom" "$SCANS" "$WARM" 4 "$TIMEOUT" "$WORK/latency-$r.csv" > "$WORK/driver-$r.log" 2>&1 &
  driver=$!; started $driver
  wait "$driver" || rc=$?
  sed -i "/^$driver\$/d" "$WORK/pids"
  grep -v '^RESULT' "$WORK/driver-$r.log" || true
  [ "$rc" -eq 0 ] || { echo "round $r failed (exit $rc)" >&2; tail -5 "$WORK/engine-$r.log" >&2; exit 1; }
  grep '^RESULT' "$WORK/driver-$r.log" | sed "s/^RESULT/RESULT poll=$poll/" >> "$WORK/results"
  local got; got=$(orthanc_count)
  echo "Orthanc holds $got instances (expected $(( 2 * (WARM + SCANS) )): SR + PDF per scan); round took $(( $(date +%s) - t0 )) s"
  [ "$got" = $(( 2 * (WARM + SCANS) )) ] || { echo "Orthanc instance count is off" >&2; exit 1; }
  if [ "$r" = 1 ]; then export_pairs; fi
  stop "$pid"
  stop "$ORTHANC_PID"
  stop "$FHIR_PID"
  echo "FHIR server: $(grep 'DiagnosticReports held' "$WORK/fhir-$r.log") (expected $((WARM + SCANS)))"
  rm -rf "$data" "$WORK/orthanc-$r"
}

# The SR + PDF of each study, as the engine sent them, one directory per scan.
export_pairs() {
  local base="http://127.0.0.1:$ORTHANC_HTTP" s i k=0
  mkdir -p "$WORK/pairs"
  for s in $(curl -sf "$base/studies" | tr -d '[]", ' | grep -v '^$'); do
    k=$((k + 1)); mkdir -p "$WORK/pairs/$(printf %05d $k)"
    for i in $(curl -sf "$base/studies/$s/instances" | grep -o '"ID" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'); do
      curl -sf "$base/instances/$i/file" -o "$WORK/pairs/$(printf %05d $k)/$i.dcm"
    done
  done
}

# ---- the peer reference: storescu, one association per scan's SR + PDF, into a fresh Orthanc --
storescu_reference() {
  start_orthanc "$WORK/orthanc-ref"
  local d s ms n=0 all; all=$(ls "$WORK/pairs")
  : > "$WORK/storescu-ms"
  for d in $all; do
    n=$((n + 1))
    [ "$(ls "$WORK/pairs/$d" | wc -l)" -eq 2 ] || { echo "study $d has not 2 objects" >&2; exit 1; }
    s=$(date +%s%N)
    storescu -aet DXAFLOW -aec PACS -R +sd 127.0.0.1 "$ORTHANC_DICOM" "$WORK/pairs/$d" > "$WORK/storescu.log" 2>&1 \
      || { echo "storescu failed:" >&2; tail -5 "$WORK/storescu.log" >&2; exit 1; }
    ms=$(( ($(date +%s%N) - s) / 1000000 ))
    # the first WARM pairs warm Orthanc up, as the engine's warm-up scans did
    [ "$n" -le "$WARM" ] || echo "$ms" >> "$WORK/storescu-ms"
  done
  local got; got=$(orthanc_count)
  [ "$got" = $(( 2 * n )) ] || { echo "reference Orthanc holds $got instances, expected $((2 * n))" >&2; exit 1; }
  stop "$ORTHANC_PID"
  rm -rf "$WORK/orthanc-ref"
}
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END{r=int((p*NR+99)/100); if(r<1)r=1; print a[r]}'; }

r=0
for poll in $POLLS; do r=$((r + 1)); run_round "$poll" "$r"; done
storescu_reference

stop "$MLLP_PID"
echo
echo "peers: RIS/GP MLLP messages answered AA: $(tr '\n' ';' < "$WORK/mllp.log" | sed 's/^listening[^;]*;//; s/;$//; s/;/, /g');" \
  "(expected per round: one ORU each to RIS and GP per scan, and the RIS's order status messages)"
echo
echo "Result stored -> preliminary report DELIVERED at PACS (Orthanc), RIS and GP (MLLP ORU, FHIR Bundle), $SCANS scans, ms"
printf '%-50s %7s %7s %7s %10s %9s\n' "" p50 p95 max delivered "scans/s"
while read -r _ poll n delivered p50 p95 max sps _; do
  poll=${poll#poll=}
  label="dxaflow, report poll-ms=$( [ "$poll" = default ] && echo "1000 (default)" || echo "$poll")"
  printf '%-50s %7s %7s %7s %10s %9s\n' "$label" "${p50#p50=}" "${p95#p95=}" "${max#max=}" \
    "${delivered#delivered=}/${n#n=}" "${sps#scans_per_s=}"
done < "$WORK/results"
printf '%-50s %7s %7s %7s %10s %9s\n' "peer: storescu SR+PDF -> Orthanc, 1 assoc/scan" \
  "$(pct "$WORK/storescu-ms" 50)" "$(pct "$WORK/storescu-ms" 95)" "$(pct "$WORK/storescu-ms" 100)" \
  "$(wc -l < "$WORK/storescu-ms")/$SCANS" "-"
echo "(scans/s: timed scans / (first result stored -> last delivery); scans played one after the other by scanner-sim" \
  "from one JVM. storescu: wall time per process, start-up included.)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
