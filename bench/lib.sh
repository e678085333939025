# Shared helpers of the bench/ harnesses (sourced, not run). Callers set WORK to their scratch
# directory first: ports handed out are remembered in $WORK/ports so two calls never collide.

# Ports something listens on right now.
used_ports() { ss -Htln | awk '{print $4}' | sed 's/.*://' | sort -u; }

# A port nobody listens on (and not one of the shared machine's services), never the same twice.
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! used_ports | grep -qx "$p" && ! grep -qx "$p" "$WORK/ports" 2>/dev/null; then
      echo "$p" >> "$WORK/ports"; echo "$p"; return
    fi
  done
  echo "no free port" >&2; exit 1
}

# wait_for DESCRIPTION SECONDS COMMAND...: polls the command until it succeeds, bounded in time.
wait_for() {
  local what=$1 secs=$2; shift 2
  local deadline=$(( $(date +%s) + secs ))
  until "$@" > /dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $what" >&2; exit 1; }
    sleep 0.3
  done
}
