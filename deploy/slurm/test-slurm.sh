#!/usr/bin/env bash
# `npm run test:slurm`: the shipped claims job array on a real Slurm scheduler. Installs Debian's
# slurm-wlm and munge when missing (apt-get; needs root), starts a one-node cluster on this
# machine (munged, slurmctld, slurmd, with a generated slurm.conf in a temporary directory, so
# /etc/slurm is left alone), submits deploy/slurm/claims-array.sbatch for a small claims run
# split into shards, waits for the array and its dependent merge job, and checks that the
# merged verdicts and rows equal those of `npm run claims` on one machine. The daemons it
# started are stopped by their process ids on exit, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/../.."

SHARDS=3
# Small enough for CI on two cores, big enough that every shard runs several runs.
CLAIMS_ARGS=(scenarios/mixed.yaml --replicates 2 --years 4 --set persons.count=300 --only 1,3)

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  echo "test:slurm: installing Debian's slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
fi

work=$(mktemp -d /tmp/commons-slurm-XXXXXX)
pids=()
cleanup() {
  local code=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$code" -ne 0 ]; then
    echo "test:slurm: FAILED; logs:" >&2
    for log in "$work"/*.log "$work"/out/logs/*.out; do [ -f "$log" ] && { echo "== $log" >&2; tail -n 30 "$log" >&2; }; done
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT

# munge: a key of our own and a daemon in the foreground (so its PID is ours to stop).
mkdir -p "$work/munge" && chmod 700 "$work/munge"
head -c 1024 /dev/urandom > "$work/munge/munge.key" && chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge.log" --seed-file="$work/munge/munge.seed" > "$work/munged.out.log" 2>&1 &
pids+=($!)

host=$(hostname -s)
cpus=$(nproc)
memory_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 3 / 4 ))
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=commons-test
SlurmctldHost=${host}(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=${socket}
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
SlurmdUser=root
StateSaveLocation=${work}/state
SlurmdSpoolDir=${work}/spool
SlurmctldPidFile=${work}/slurmctld.pid
SlurmdPidFile=${work}/slurmd.pid
SlurmctldLogFile=${work}/slurmctld.log
SlurmdLogFile=${work}/slurmd.log
ReturnToService=2
MpiDefault=none
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${memory_mb} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
export SLURM_CONF="$work/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" > "$work/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" > "$work/slurmd.out.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)
  [ "$state" = "idle" ] && break
  sleep 1
done
[ "$state" = "idle" ] || { echo "test:slurm: the node did not come up (state '${state:-none}')" >&2; exit 1; }
echo "test:slurm: one-node Slurm up on ${host} (${cpus} CPUs)"

# The shipped script, as a user submits it; it prints the array's and the merge's job ids.
# One CPU per task so that the shards run side by side on a two-core machine.
out="$work/out"
submitted=$(SBATCH_CPUS_PER_TASK=1 deploy/slurm/claims-array.sbatch submit "$SHARDS" "$out" "${CLAIMS_ARGS[@]}")
echo "test:slurm: $submitted"
merge_id=$(sed -E 's/.*merge ([0-9]+).*/\1/' <<<"$submitted")

job_state() { scontrol show job "$1" 2>/dev/null | sed -nE 's/.*JobState=([A-Z_]+).*/\1/p' | head -n 1; }
deadline=$(( $(date +%s) + 1200 ))
while :; do
  state=$(job_state "$merge_id")
  case "$state" in
    COMPLETED) break ;;
    FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) echo "test:slurm: the merge job ended $state" >&2; exit 1 ;;
  esac
  [ "$(date +%s)" -lt "$deadline" ] || { echo "test:slurm: timed out waiting (merge job $state)" >&2; exit 1; }
  sleep 3
done
shard_files=$(ls "$out"/shards/*/shard-*-of-"$SHARDS".json | wc -l)
[ "$shard_files" -eq "$SHARDS" ] || { echo "test:slurm: expected $SHARDS shard files, found $shard_files" >&2; exit 1; }

echo "test:slurm: array and merge done; running the same claims on one machine"
npm run --silent claims -- "${CLAIMS_ARGS[@]}" --quiet --out "$work/single"

cmp "$out/merged/claims.csv" "$work/single/claims.csv"
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { isDeepStrictEqual } from "node:util";
  // What differs between any two runs of one command: the date, the command line, timings.
  const read = (f) => JSON.parse(readFileSync(f, "utf8"), (k, v) => (["date", "commandLine", "wallSeconds", "threadId"].includes(k) ? undefined : v));
  const [merged, single] = process.argv.slice(1).map(read);
  if (!isDeepStrictEqual(merged, single)) { console.error("test:slurm: claims.json differs between the merged shards and one machine"); process.exit(1); }
  const verdicts = merged.claims.map((c) => `claim ${c.id}: ${c.verdict}`).join(", ");
  console.log(`test:slurm: claims.csv identical byte for byte, claims.json identical (${verdicts})`);
' "$out/merged/claims.json" "$work/single/claims.json"
echo "test:slurm: 1 passed, 0 failed"
