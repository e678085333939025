#!/usr/bin/env bash
# Storage SCP benchmark: N small Comprehensive SR objects (made once with dump2dcm, distinct SOP
# Instance UIDs) sent by DCMTK storescu over one association into
#   (a) dxaflow's Storage SCP (the jar, fresh data dir each round: each object's spool file and
#       directory synced before its success; announced on the durable queue in the background once
#       intake pauses (dxaflow.dicom.storage.announce-quiet-ms), then recorded and read through the
#       results pipeline: the harness times that catch-up after the run too),
#   (b) Orthanc, the durable peer, on its defaults (SyncStorageArea: each file synced before its
#       success; SQLite index), and
#   (c) DCMTK storescp writing to a temp directory (its defaults: no fsync),
# objects/s side by side, measured in the same run. Each round starts every receiver fresh, warms it
# with WARM other objects (a JVM compiles its hot code over the first thousand or so; a clinical
# engine runs warm), waits until it is idle (its background work on the warm-up done), then times
# the N objects. The rounds rotate which receiver goes first.
#
# Usage: bench/dicom-storage.sh [OBJECTS=2000] [ROUNDS=3]
#   BENCH_WARM (default 1000) objects sent before timing.
#   BENCH_STRACE=1 also counts dxaflow's and Orthanc's fsync/fdatasync calls and their time
#   (strace -c) in one extra round each, to show what each syncs per object. BENCH_KEEP=1 keeps the
#   work directory.
# Everything listens on 127.0.0.1 on free ports; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
ROUNDS=${2:-3}
WARM=${BENCH_WARM:-1000}
# DCMTK (and Orthanc, built on it) leave Nagle's algorithm on unless TCP_NODELAY=1 is in the
# environment; a DIMSE message written in two pieces then waits for the peer's delayed ACK, ~40 ms
# per message on Linux. dxaflow always sets TCP_NODELAY. BENCH_TCP_NODELAY=0 measures the defaults.
export TCP_NODELAY=${BENCH_TCP_NODELAY:-1}
WORK=$(mktemp -d /tmp/dxaflow-stbench.XXXXXX)
PIDS=()

# Receivers are started inside $(...) subshells, so their pids go to a file the EXIT trap reads.
cleanup() {
  local p
  for p in "${PIDS[@]:-}" $(cat "$WORK/pids" 2>/dev/null); do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  for p in "${PIDS[@]:-}" $(cat "$WORK/pids" 2>/dev/null); do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

. bench/lib.sh  # the working directory is the repository root (cd above)
stop() { # pid: SIGTERM, bounded wait, then SIGKILL; then it is no longer ours to clean up
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed -i "/^$pid\$/d" "$WORK/pids"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)," \
  "$(storescu --version 2>&1 | head -1 | tr -d '$'), Orthanc $(/usr/sbin/Orthanc --version 2>&1 | head -1 | awk '{print $NF}'), disk: $(df -T "$WORK" | awk 'NR==2{print $2}')" \
  "($(dd if=/dev/zero of="$WORK/sync-probe" bs=4k count=200 oflag=dsync 2>&1 | awk -F, '/copied/{print $3}' | tr -d ' ') for 200 synced 4 KiB writes)"
rm -f "$WORK/sync-probe"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (machine shared with other builds); TCP_NODELAY=$TCP_NODELAY for DCMTK/Orthanc"
[ -f target/dxaflow.jar ] || ./mvnw -q -o -B -DskipTests package

# ---- the objects ------------------------------------------------------------------------------
ROOT="2.25.271828182845904523536028747135.$(date +%s)"
mkdir -p "$WORK/dumps" "$WORK/objects" "$WORK/warm"
cat > "$WORK/template.dump" <<'EOF'
(0008,0005) CS [ISO_IR 100]
(0008,0012) DA [20261128]
(0008,0013) TM [093000]
(0008,0016) UI [1.2.840.10008.5.1.4.1.1.88.33]
(0008,0018) UI [@IUID@]
(0008,0020) DA [20261128]
(0008,0023) DA [20261128]
(0008,0030) TM [093000]
(0008,0033) TM [093000]
(0008,0050) SH [@ACC@]
(0008,0060) CS [SR]
(0008,0070) LO [BENCH DXA]
(0008,0090) PN [PATEL^ANITA]
(0008,1090) LO [BENCH DXA SCANNER]
(0010,0010) PN [BENCH^PATIENT^^^MRS]
(0010,0020) LO [@PID@]
(0010,0030) DA [19550312]
(0010,0040) CS [F]
(0020,000d) UI [@STUDY@]
(0020,000e) UI [@SERIES@]
(0020,0010) SH [1]
(0020,0011) IS [99]
(0020,0013) IS [1]
(0040,a040) CS [CONTAINER]
(0040,a043) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0008,0100) SH [DXARESULT]
(0008,0102) SH [99DXAFLOW]
(0008,0104) LO [DXA result]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a050) CS [SEPARATE]
(0040,a491) CS [COMPLETE]
(0040,a493) CS [UNVERIFIED]
(0040,a730) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0040,a010) CS [CONTAINS]
(0040,a040) CS [NUM]
(0040,a043) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0008,0100) SH [BMD_L1L4]
(0008,0102) SH [99DXAFLOW]
(0008,0104) LO [BMD L1-L4]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a300) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0040,08ea) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0008,0100) SH [g/cm2]
(0008,0102) SH [UCUM]
(0008,0104) LO [gram per square centimeter]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a30a) DS [@BMD@]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e000) na (Item with undefined length)
(0040,a010) CS [CONTAINS]
(0040,a040) CS [NUM]
(0040,a043) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0008,0100) SH [TSCORE_L1L4]
(0008,0102) SH [99DXAFLOW]
(0008,0104) LO [T-score L1-L4]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a300) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0040,08ea) SQ (Sequence with undefined length)
(fffe,e000) na (Item with undefined length)
(0008,0100) SH [1]
(0008,0102) SH [UCUM]
(0008,0104) LO [no units]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a30a) DS [@TSCORE@]
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
EOF
t0=$(date +%s)
# One dump per object (awk writes them all), then dump2dcm two at a time.
awk -v n="$N" -v warm="$WARM" -v root="$ROOT" -v out="$WORK" '
  BEGIN { RS = "^$" }
  { tpl = $0 }
  END {
    for (i = 1; i <= n + warm; i++) {
      s = tpl
      gsub(/@IUID@/, root ".1." i, s); gsub(/@STUDY@/, root ".2." i, s); gsub(/@SERIES@/, root ".3." i, s)
      gsub(/@ACC@/, sprintf("BA%07d", i), s); gsub(/@PID@/, sprintf("BM%06d", 100000 + i), s)
      gsub(/@BMD@/, sprintf("%.3f", 0.7 + (i % 400) / 1000), s); gsub(/@TSCORE@/, sprintf("%.1f", -3 + (i % 50) / 10), s)
      f = out "/dumps/" (i <= warm ? "w" : "o") sprintf("%05d", i) ".dump"
      printf "%s", s > f; close(f)
    }
  }' "$WORK/template.dump"
find "$WORK/dumps" -name '*.dump' -print0 | xargs -0 -n 200 -P 2 sh -c '
  for f; do b=$(basename "$f" .dump)
    case $b in w*) d=warm ;; *) d=objects ;; esac
    dump2dcm -q "$f" "$0/$d/$b.dcm" || exit 1
  done' "$WORK"
n_obj=$(find "$WORK/objects" -name '*.dcm' | wc -l)
[ "$n_obj" -eq "$N" ] || { echo "expected $N objects, made $n_obj" >&2; exit 1; }
echo "made $N + $WARM objects of $(stat -c %s "$(find "$WORK/objects" -name '*.dcm' | head -1)") bytes with dump2dcm in $(( $(date +%s) - t0 )) s"

# storescu: one association for all files of a directory (one SOP class, one transfer syntax).
send() { # port aet dir -> milliseconds; fails unless every object got a success status
  local port=$1 aet=$2 dir=$3 s
  s=$(date +%s%N)
  storescu -aet BENCHSCU -aec "$aet" -R +sd 127.0.0.1 "$port" "$dir" > "$WORK/storescu.log" 2>&1 \
    || { echo "storescu into $aet failed:" >&2; tail -5 "$WORK/storescu.log" >&2; exit 1; }
  echo $(( ($(date +%s%N) - s) / 1000000 ))
}

# Waits until a process has used under 4 % of a core for a second: its background work is done.
wait_idle() { # pid
  local pid=$1 a b
  for _ in $(seq 1 120); do
    a=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 1; b=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    [ $((b - a)) -le 4 ] && return
  done
  echo "process $pid still busy after 120 s" >&2; exit 1
}

run_storescp() { # -> ms for N objects
  local port dir pid ms
  port=$(free_port); dir="$WORK/storescp-$RANDOM"; mkdir -p "$dir"
  storescp -dhl -aet STORESCP -od "$dir" "$port" > "$WORK/storescp.log" 2>&1 &
  pid=$!; echo "$pid" >> "$WORK/pids"
  wait_for storescp 30 echoscu -aec STORESCP 127.0.0.1 "$port"
  send "$port" STORESCP "$WORK/warm" > /dev/null
  wait_idle "$pid"
  ms=$(send "$port" STORESCP "$WORK/objects")
  stop "$pid"
  local got; got=$(find "$dir" -type f | wc -l)
  [ "$got" -eq $((N + WARM)) ] || { echo "storescp has $got files, expected $((N + WARM))" >&2; exit 1; }
  rm -rf "$dir"
  echo "$ms"
}

run_orthanc() { # [strace] -> ms for N objects
  local dicom http dir pid ms
  dicom=$(free_port); http=$(free_port); dir="$WORK/orthanc-$RANDOM"; mkdir -p "$dir/storage" "$dir/index"
  # Orthanc 1.10's defaults otherwise: SyncStorageArea true, StorageCompression false, no plugins.
  cat > "$dir/orthanc.json" <<JSON
{
  "Name": "dxaflow-bench", "StorageDirectory": "$dir/storage", "IndexDirectory": "$dir/index",
  "DicomAet": "ORTHANC", "DicomPort": $dicom, "HttpPort": $http, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": []
}
JSON
  /usr/sbin/Orthanc "$dir/orthanc.json" > "$WORK/orthanc.log" 2>&1 &
  pid=$!; echo "$pid" >> "$WORK/pids"
  wait_for "Orthanc" 60 curl -sf "http://127.0.0.1:$http/system"
  wait_for "Orthanc DICOM" 30 echoscu -aec ORTHANC 127.0.0.1 "$dicom"
  send "$dicom" ORTHANC "$WORK/warm" > /dev/null
  wait_idle "$pid"
  if [ "${1:-}" = strace ]; then
    strace -qq -f -c -e trace=fsync,fdatasync,msync,sync_file_range -p "$pid" -o "$WORK/strace-orthanc.txt" &
    local spid=$!
    sleep 1
    ms=$(send "$dicom" ORTHANC "$WORK/objects")
    kill -INT "$spid"; wait "$spid" 2>/dev/null || true
  else
    ms=$(send "$dicom" ORTHANC "$WORK/objects")
  fi
  local got; got=$(curl -sf "http://127.0.0.1:$http/statistics" | sed -n 's/.*"CountInstances" *: *\([0-9]*\).*/\1/p')
  stop "$pid"
  [ "$got" = $((N + WARM)) ] || { echo "Orthanc has $got instances, expected $((N + WARM))" >&2; exit 1; }
  rm -rf "$dir"
  echo "$ms"
}

run_dxaflow() { # [strace] -> ms for N objects
  local hl7 http port data pid ms
  hl7=$(free_port); http=$(free_port); port=$(free_port); data="$WORK/engine-$RANDOM"
  DXAFLOW_DATA_DIR=$data DXAFLOW_HL7_PORT=$hl7 DXAFLOW_HTTP_PORT=$http DXAFLOW_DICOM_PORT=$port \
  DXAFLOW_HL7_HOST=127.0.0.1 DXAFLOW_HTTP_HOST=127.0.0.1 DXAFLOW_DICOM_HOST=127.0.0.1 DXAFLOW_DICOM_AET=DXAFLOW \
    java -jar target/dxaflow.jar > "$WORK/engine.log" 2>&1 &
  pid=$!; echo "$pid" >> "$WORK/pids"
  wait_for "dxaflow healthy" 120 curl -sf "http://127.0.0.1:$http/api/health"
  send "$port" DXAFLOW "$WORK/warm" > /dev/null
  wait_idle "$pid"
  if [ "${1:-}" = strace ]; then
    strace -qq -f -c -e trace=fsync,fdatasync,msync,sync_file_range -p "$pid" -o "$WORK/strace.txt" &
    local spid=$!
    sleep 1
    ms=$(send "$port" DXAFLOW "$WORK/objects")
    kill -INT "$spid"; wait "$spid" 2>/dev/null || true
  else
    ms=$(send "$port" DXAFLOW "$WORK/objects")
  fi
  # The results pipeline logs one line per object it has recorded and read (no engine work to ask).
  local t0 done_ms; t0=$(date +%s%N)
  wait_for "dxaflow's pipeline to take every object" 600 \
    sh -c "[ \$(grep -c 'Result DICOM_SR' '$WORK/engine.log') -ge $((N + WARM)) ]"
  done_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ "${1:-}" = strace ] || echo "$done_ms" >> "$WORK/catchup"
  local got; got=$(find "$data/spool/dicom" -name '*.dcm' | wc -l)
  stop "$pid"
  [ "$got" -eq $((N + WARM)) ] || { echo "dxaflow spooled $got objects, expected $((N + WARM))" >&2; exit 1; }
  rm -rf "$data"
  echo "$ms"
}

declare -a OURS ORTHANC THEIRS
rate() { echo "$N * 1000 / $1" | bc -l; }
for r in $(seq 1 "$ROUNDS"); do
  case $((r % 3)) in
    1) a=$(run_dxaflow); o=$(run_orthanc); b=$(run_storescp) ;;
    2) o=$(run_orthanc); b=$(run_storescp); a=$(run_dxaflow) ;;
    0) b=$(run_storescp); a=$(run_dxaflow); o=$(run_orthanc) ;;
  esac
  OURS+=("$a"); ORTHANC+=("$o"); THEIRS+=("$b")
  printf 'round %d: dxaflow %d ms (%.0f objects/s), Orthanc %d ms (%.0f objects/s), storescp %d ms (%.0f objects/s); load %s\n' \
    "$r" "$a" "$(rate "$a")" "$o" "$(rate "$o")" "$b" "$(rate "$b")" "$(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
mo=$(median "${OURS[@]}"); mr=$(median "${ORTHANC[@]}"); mt=$(median "${THEIRS[@]}")
echo
echo "$N Comprehensive SR objects, storescu, one association, after $WARM warm-up objects; median of $ROUNDS rounds (storescu wall time, process start included)"
printf '%-46s %10s %12s\n' receiver "ms" "objects/s"
printf '%-46s %10d %12.0f\n' "dxaflow Storage SCP (file + dir fsync, then 0000)" "$mo" "$(rate "$mo")"
printf '%-46s %10d %12.0f\n' "Orthanc (SyncStorageArea: file fsync; SQLite)" "$mr" "$(rate "$mr")"
printf '%-46s %10d %12.0f\n' "DCMTK storescp (temp dir, no fsync)" "$mt" "$(rate "$mt")"
# shellcheck disable=SC2046
echo "dxaflow's results pipeline had recorded and read every object $(median $(cat "$WORK/catchup")) ms after the last success (median)"
printf 'dxaflow / storescp: %.0f %%; dxaflow / Orthanc: %.0f %%\n' "$(echo "100 * $mt / $mo" | bc -l)" \
  "$(echo "100 * $mr / $mo" | bc -l)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${BENCH_STRACE:-0}" = 1 ]; then
  ms=$(run_dxaflow strace)
  echo
  echo "extra round under strace (slower): dxaflow $ms ms; its sync calls while storing $N objects:"
  sed -n '1,12p' "$WORK/strace.txt"
  ms=$(run_orthanc strace)
  echo "extra round under strace (slower): Orthanc $ms ms; its sync calls while storing $N objects:"
  sed -n '1,12p' "$WORK/strace-orthanc.txt"
fi
