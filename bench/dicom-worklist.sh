#!/usr/bin/env bash
# Modality Worklist benchmark: the same scheduled items served by
#   (a) dxaflow's MWL SCP (the jar, fresh data dir, orders loaded over MLLP),
#   (b) DCMTK wlmscpfs (one .wl file per item, made with dump2dcm),
#   (c) Orthanc with the ModalityWorklists plugin (the same .wl files),
# then the same scanner-like C-FIND queries against each, median and p95 per query per server.
# Timing: bench/DicomWorklistBench.java runs every query in one JVM with dxaflow's own DICOM client
# (association + C-FIND + every response + release; no process start-up in the numbers), with a
# C-ECHO round trip as baseline, and checks every answer count against the generated data. A short
# findscu/echoscu pass (process start included) then confirms DCMTK's findscu gets the same counts.
#
# Usage: bench/dicom-worklist.sh [ITEMS=10000] [REPS=30] [BUDGET_SECONDS=900]
#   REPS: timed repetitions of every query on every server; BUDGET_SECONDS bounds the timed phase.
#   BENCH_FINDSCU_RUNS (default 5): extra findscu/echoscu runs per query and server (process start
#   included), a cross-check that DCMTK's own findscu gets the same answer counts.
#   BENCH_KEEP=1 keeps the work directory (data sets contain fabricated patients only).
# Everything listens on 127.0.0.1 on free ports; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-10000}
REPS=${2:-30}
BUDGET=${3:-900}
FINDSCU_RUNS=${BENCH_FINDSCU_RUNS:-5}
# DCMTK (and Orthanc, built on it) leave Nagle's algorithm on unless TCP_NODELAY=1 is in the
# environment; a DIMSE message written in two pieces then waits for the peer's delayed ACK, ~40 ms
# per message on Linux. dxaflow always sets TCP_NODELAY. BENCH_TCP_NODELAY=0 measures the defaults.
export TCP_NODELAY=${BENCH_TCP_NODELAY:-1}
STATION=DXASCAN1
BASE=$(date +%Y%m%d)
WORK=$(mktemp -d /tmp/dxaflow-wlbench.XXXXXX)
PIDS=()

cleanup() {
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && wait "$p" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

. bench/lib.sh  # the working directory is the repository root (cd above)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)," \
  "$(findscu --version 2>&1 | head -1 | tr -d '$'), Orthanc $(/usr/sbin/Orthanc --version 2>&1 | head -1 | awk '{print $NF}')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (machine shared with other builds); TCP_NODELAY=$TCP_NODELAY for DCMTK/Orthanc"
[ -f target/dxaflow.jar ] || ./mvnw -q -o -B -DskipTests package
BENCH="java -cp target/dxaflow.jar bench/DicomWorklistBench.java"

# ---- (a) dxaflow ------------------------------------------------------------------------------
HL7_PORT=$(free_port); HTTP_PORT=$(free_port); DXA_PORT=$(free_port)
DXAFLOW_DATA_DIR=$WORK/engine DXAFLOW_HL7_PORT=$HL7_PORT DXAFLOW_HTTP_PORT=$HTTP_PORT \
DXAFLOW_HL7_HOST=127.0.0.1 DXAFLOW_HTTP_HOST=127.0.0.1 DXAFLOW_DICOM_HOST=127.0.0.1 \
DXAFLOW_DICOM_PORT=$DXA_PORT DXAFLOW_DICOM_AET=DXAFLOW \
DXAFLOW_WORKLIST_STATUSES=RECEIVED,SCHEDULED DXAFLOW_WORKLIST_STATION_AET=$STATION \
  java -jar target/dxaflow.jar > "$WORK/engine.log" 2>&1 &
PIDS+=($!)
wait_for "dxaflow healthy" 120 curl -sf "http://127.0.0.1:$HTTP_PORT/api/health"
echo "dxaflow up (DICOM port $DXA_PORT); loading $ITEMS orders over MLLP"
$BENCH load 127.0.0.1 "$HL7_PORT" "$ITEMS" "$BASE" "$STATION"
LAST=$(printf 'BA%07d' $((ITEMS - 1)))
t0=$(date +%s)
order_applied() { curl -sf "http://127.0.0.1:$HTTP_PORT/api/orders?accessionNumber=$LAST" | grep -q placerOrderNumber; }
wait_for "the order book to apply every order" 1800 order_applied
echo "order book caught up $(( $(date +%s) - t0 )) s after the last ACK"

# Every item as dxaflow serves it, as dump2dcm input (this first query also assigns Study UIDs).
$BENCH export 127.0.0.1 "$DXA_PORT" DXAFLOW "$ITEMS" "$WORK/dumps"

# ---- .wl files for the peers ------------------------------------------------------------------
mkdir -p "$WORK/wlm/DCMTKWL" "$WORK/orthanc-wl"
t0=$(date +%s)
# dump2dcm per file, two at a time (the machine has two cores shared with others).
find "$WORK/dumps" -name '*.dump' -print0 | xargs -0 -n 200 -P 2 sh -c '
  for f; do b=$(basename "$f" .dump); dump2dcm -q "$f" "$0/$b.wl" || exit 1; done' "$WORK/wlm/DCMTKWL"
touch "$WORK/wlm/DCMTKWL/lockfile"
find "$WORK/wlm/DCMTKWL" -name '*.wl' -exec cp -t "$WORK/orthanc-wl/" {} +
n_wl=$(find "$WORK/orthanc-wl" -name '*.wl' | wc -l)
echo "dump2dcm wrote $n_wl .wl files in $(( $(date +%s) - t0 )) s"
[ "$n_wl" -eq "$ITEMS" ] || { echo "expected $ITEMS .wl files" >&2; exit 1; }

# ---- (b) DCMTK wlmscpfs -----------------------------------------------------------------------
WLM_PORT=$(free_port)
# Default multi-process mode (a child per association), as wlmscpfs is normally run; -dhl: no
# reverse DNS per association; -dfr: serve items even if wlmscpfs finds a key it wants empty
# (ours have no scheduled time).
wlmscpfs -dhl -dfr -dfp "$WORK/wlm" "$WLM_PORT" > "$WORK/wlmscpfs.log" 2>&1 &
PIDS+=($!)
wait_for "wlmscpfs" 30 echoscu -aec DCMTKWL 127.0.0.1 "$WLM_PORT"

# ---- (c) Orthanc + ModalityWorklists ----------------------------------------------------------
ORTHANC_DICOM=$(free_port); ORTHANC_HTTP=$(free_port)
mkdir -p "$WORK/orthanc-db"
cat > "$WORK/orthanc.json" <<EOF
{
  "Name": "dxaflow-bench",
  "StorageDirectory": "$WORK/orthanc-db",
  "IndexDirectory": "$WORK/orthanc-db",
  "HttpPort": $ORTHANC_HTTP,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "DicomAet": "ORTHANC",
  "DicomPort": $ORTHANC_DICOM,
  "DicomCheckCalledAet": false,
  "DicomAlwaysAllowEcho": true,
  "DicomAlwaysAllowFindWorklist": true,
  "Plugins": ["/usr/share/orthanc/plugins/libModalityWorklists.so"],
  "Worklists": { "Enable": true, "Database": "$WORK/orthanc-wl" }
}
EOF
/usr/sbin/Orthanc "$WORK/orthanc.json" > "$WORK/orthanc.log" 2>&1 &
PIDS+=($!)
wait_for "Orthanc" 60 curl -sf "http://127.0.0.1:$ORTHANC_HTTP/system"
wait_for "Orthanc DICOM" 30 echoscu -aec ORTHANC 127.0.0.1 "$ORTHANC_DICOM"

# ---- the queries ------------------------------------------------------------------------------
echo "load average before queries: $(cut -d' ' -f1-3 /proc/loadavg)"
$BENCH query "$ITEMS" "$BASE" "$STATION" "$REPS" "$BUDGET" \
  "dxaflow=127.0.0.1:$DXA_PORT:DXAFLOW" "wlmscpfs=127.0.0.1:$WLM_PORT:DCMTKWL" \
  "orthanc=127.0.0.1:$ORTHANC_DICOM:ORTHANC"
echo "load average after queries: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- cross-check with DCMTK's findscu (process start included) ---------------------------------
if [ "$FINDSCU_RUNS" -gt 0 ]; then
  TODAY=$BASE
  TO=$(date -d "$BASE + 2 days" +%Y%m%d)
  ACC=$(printf 'BA%07d' $(( ITEMS / 3 )))
  RET=(-k PatientName -k PatientID -k PatientBirthDate -k PatientSex -k AccessionNumber -k StudyInstanceUID
       -k RequestedProcedureID -k RequestedProcedureDescription
       -k "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID")
  declare -a QNAMES=("accession number" "PatientName=SMI*" "start date = today" "start date today..+2"
                     "station AET + modality + today")
  declare -a QKEYS=("AccessionNumber=$ACC" "PatientName=SMI*"
    "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=$TODAY"
    "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=$TODAY-$TO"
    "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=$STATION")
  printf '\nfindscu -W wall time, process start included, %d runs, median ms (matches)\n' "$FINDSCU_RUNS"
  printf '%-32s | %-18s | %-18s | %-18s\n' query dxaflow wlmscpfs orthanc
  run_ms() { local s; s=$(date +%s%N); "$@" > "$WORK/out.txt" 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
  median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
  for qi in "${!QNAMES[@]}"; do
    line=$(printf '%-32s' "${QNAMES[$qi]}")
    for srv in "dxaflow:$DXA_PORT:DXAFLOW" "wlmscpfs:$WLM_PORT:DCMTKWL" "orthanc:$ORTHANC_DICOM:ORTHANC"; do
      IFS=: read -r _ port aet <<< "$srv"
      extra=()
      [ "$qi" -eq 4 ] && extra=(-k "ScheduledProcedureStepSequence[0].Modality=BMD"
                                -k "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=$TODAY")
      times=()
      for _ in $(seq 1 "$FINDSCU_RUNS"); do
        times+=("$(run_ms findscu -W -aet BENCHSCU -aec "$aet" 127.0.0.1 "$port" "${RET[@]}" -k "${QKEYS[$qi]}" "${extra[@]}" -v)")
      done
      n=$(grep -c 'Find Response:.*(Pending)' "$WORK/out.txt" || true)
      line+=$(printf ' | %7s ms (%5s)' "$(printf '%s\n' "${times[@]}" | median)" "$n")
    done
    echo "$line"
  done
  line=$(printf '%-32s' "echoscu baseline")
  for srv in "$DXA_PORT:DXAFLOW" "$WLM_PORT:DCMTKWL" "$ORTHANC_DICOM:ORTHANC"; do
    IFS=: read -r port aet <<< "$srv"
    times=()
    for _ in $(seq 1 "$FINDSCU_RUNS"); do times+=("$(run_ms echoscu -aet BENCHSCU -aec "$aet" 127.0.0.1 "$port")"); done
    line+=$(printf ' | %7s ms        ' "$(printf '%s\n' "${times[@]}" | median)")
  done
  echo "$line"
fi
