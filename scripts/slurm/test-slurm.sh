#!/bin/bash
# The sweep's Slurm path against a real Slurm (docs/cluster.md, "Tested on a real Slurm"): installs Debian's
# slurm-wlm and munge if missing, starts a private single-node cluster on this machine (its own munged, slurmctld
# and slurmd, own ports, own state folder), runs a tiny 6-point sweep through scripts/slurm/ and checks:
#   1. submit.sh: an array of 3 tasks for 6 points; one task cancelled -> the merge exits 3 (pending);
#      that task resubmitted alone (--tasks 3) runs shard 3 -> the merge exits 0; every point ran exactly once;
#      the tasks' memory budget is the one --plan printed
#   2. a zero-based array (--array=0-2) runs every point exactly once
#   3. 8 tasks for 6 points: tasks 7 and 8 say they have nothing to do and exit 0; every point exactly once
#   4. a failed point: its task exits 1, the merge exits 1, and a job chained with afterok never runs
#   5. only with DEFAULT_CASE=1: one task of scripts/slurm/wse-default-study.yaml (two full-wafer points, ~4 GiB and
#      ~1 min each) with the resources --plan prints; the task's budget line matches the plan
# and stops the daemons it started (also on failure or Ctrl-C). Needs root (packages, daemons) and 2-5 minutes.
#
#   sudo scripts/slurm/test-slurm.sh            # KEEP=1 keeps the work folder for a look at the logs
#
# Exit code 0: every check passed; 1: a check failed (the failing check is named); 2: cannot run here.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
W="$repo/wafersim"
T_START=$(date +%s)
DEADLINE=${DEADLINE:-900}          # seconds for the whole test; every wait is bounded by it

say()  { printf '[%4ds] %s\n' $(( $(date +%s) - T_START )) "$*"; }
fail() { say "FAIL: $*"; exit 1; }
pass() { say "ok: $*"; }

[ "$(id -u)" -eq 0 ] || { echo "test-slurm.sh: needs root (installs packages, starts daemons)" >&2; exit 2; }

# --- packages -----------------------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
   || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends slurm-wlm munge >/dev/null 2>&1 || {
    apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null 2>&1
    apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends slurm-wlm munge >/dev/null
  } || { echo "test-slurm.sh: cannot install slurm-wlm and munge" >&2; exit 2; }
fi
say "$(slurmctld -V), munge $(munged -V 2>&1 | awk '{print $2}' | head -1)"

# --- a private cluster ----------------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/wafersim-slurm-test.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local rc=$?
  if [ -f "$WORK/slurm.conf" ] && [ -n "${SLURM_CONF:-}" ]; then
    scancel --user=root --quiet >/dev/null 2>&1 || true   # only this cluster's jobs: SLURM_CONF points at it
  fi
  for p in "${PIDS[@]}"; do
    kill "$p" 2>/dev/null && for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  [ ${#PIDS[@]} -gt 0 ] && say "stopped the daemons this test started (pids ${PIDS[*]})"
  if [ "${KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then say "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK"/{munge,state,spool,run}
chown munge:munge "$WORK/munge" 2>/dev/null || true
chmod 755 "$WORK/munge"   # the socket folder must be searchable by every user
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none
chown munge:munge "$WORK/munge/munge.key" 2>/dev/null || true
chmod 400 "$WORK/munge/munge.key"
SOCK="$WORK/munge/munge.sock"
runuser -u munge -- munged --socket="$SOCK" --key-file="$WORK/munge/munge.key" --pid-file="$WORK/munge/munged.pid" \
  --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" 2>"$WORK/munge/start.err" \
  || munged --force --socket="$SOCK" --key-file="$WORK/munge/munge.key" --pid-file="$WORK/munge/munged.pid" \
       --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" 2>>"$WORK/munge/start.err" \
  || { cat "$WORK/munge/start.err" >&2; fail "munged did not start"; }
for _ in $(seq 50); do [ -s "$WORK/munge/munged.pid" ] && break; sleep 0.1; done
PIDS+=("$(cat "$WORK/munge/munged.pid")")
munge --socket="$SOCK" -n | unmunge --socket="$SOCK" >/dev/null || fail "munge round trip"

HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 3 / 4 ))
PORT=$(( 20000 + RANDOM % 20000 ))
cat > "$WORK/slurm.conf" <<CONF
ClusterName=wafersimtest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$(( PORT + 1 ))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCK
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MinJobAge=3600
SchedulerParameters=defer_batch
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
SlurmdParameters=config_overrides
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"
slurmctld -f "$SLURM_CONF" -i 2>>"$WORK/slurmctld.err" || fail "slurmctld did not start (see $WORK/slurmctld.log)"
for _ in $(seq 100); do [ -s "$WORK/slurmctld.pid" ] && break; sleep 0.1; done
PIDS+=("$(cat "$WORK/slurmctld.pid")")
slurmd -f "$SLURM_CONF" 2>>"$WORK/slurmd.err" || fail "slurmd did not start (see $WORK/slurmd.log)"
for _ in $(seq 100); do [ -s "$WORK/slurmd.pid" ] && break; sleep 0.1; done
PIDS+=("$(cat "$WORK/slurmd.pid")")
for _ in $(seq 120); do
  state=$(sinfo -h -n "$HOST" -o %T 2>/dev/null)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || { tail -5 "$WORK/slurmctld.log" "$WORK/slurmd.log"; fail "node not idle (state '$state')"; }
say "cluster up: node $HOST, $CPUS CPUs, $MEM_MB MiB, controller port $PORT"

# --- helpers -------------------------------------------------------------------------------------------------
# job_field JOB FIELD: a field of `scontrol show job` (first task's for an array job)
job_field() { scontrol -o show job "$1" 2>/dev/null | head -1 | grep -o "$2=[^ ]*" | head -1 | cut -d= -f2-; }
# wait_done JOB...: until none of the jobs is pending or running (bounded by DEADLINE)
wait_done() {
  while :; do
    local left
    left=$(squeue -h -j "$(IFS=,; echo "$*")" -t PENDING,RUNNING,CONFIGURING,COMPLETING -o '%i %r' 2>/dev/null \
           | grep -v DependencyNeverSatisfied | wc -l)
    [ "$left" -eq 0 ] && return 0
    [ $(( $(date +%s) - T_START )) -gt "$DEADLINE" ] && { squeue; fail "time is up (DEADLINE=$DEADLINE s) waiting for $*"; }
    sleep 1
  done
}
exit_code() { job_field "$1" ExitCode; }   # "3:0" = exit code 3, no signal
# ran_once OUT LOGGLOB: every point of the sweep in OUT is ok in exactly one "ok" line of the task logs
ran_once() {
  local out=$1; shift
  local n
  n=$(ls "$out"/p*_*.json | wc -l)
  for rec in "$out"/p*_*.json; do
    local tag
    tag=$(basename "$rec" | cut -d_ -f1)
    local c
    c=$(cat "$@" 2>/dev/null | grep -c "\] $tag .*: ok ")
    [ "$c" -eq 1 ] || fail "point $tag ran $c times (logs: $*)"
    grep -q '"status" : "ok"' "$rec" || fail "point $tag is not ok: $(cat "$rec")"
  done
  echo "$n"
}

cd "$WORK/run"
cat > six.yaml <<'YAML'
# 6 points of ~1 s on a coarse wafer
name: six
base: wse-coarse
set:
  grid.cells_per_core: 0.05
  power.idle: "0.1 kW"
axes:
  cooling.mode: [vertical, edge]
  power.total: ["0.3 kW", "0.4 kW", "0.5 kW"]
YAML
"$W" --version >/dev/null || fail "cannot build or run $W"

# --- 1. array of 3 for 6 points, a cancelled task, its resubmission -------------------------------------------
say "1. submit.sh six.yaml --shards 3 --threads 1, tasks 1-3 at most 2 at a time; task 3 cancelled"
"$W" sweep six.yaml --plan --shards 3 --threads 1 > plan.txt || fail "--plan"
sed 's/^/    /' plan.txt
plan_budget=$(sed -n 's/.*the task.s budget \([0-9.]*\) GiB.*/\1/p' plan.txt)
sub=$("$here/submit.sh" six.yaml --shards 3 --threads 1 --tasks '1-3%2' --logs logs) || fail "submit.sh"
echo "$sub" | sed 's/^/    /'
jid=$(echo "$sub" | awk '/^array/ {print $2}'); mid=$(echo "$sub" | awk '/^merge/ {print $2}')
scancel "${jid}_3" || fail "scancel ${jid}_3"
wait_done "$jid" "$mid"
# a task cancelled while its array was still one pending record may leave no record of its own: it must not have run
st3=$(job_field "${jid}_3" JobState)
{ [ -z "$st3" ] || [ "$st3" = CANCELLED ]; } && [ ! -e "logs/wafersim-sweep-${jid}_3.log" ] \
  || fail "task 3 not cancelled: state '$st3'"
[ "$(exit_code "$mid")" = 3:0 ] || fail "merge after a cancelled task: exit $(exit_code "$mid"), expected 3 (pending)"
grep -q '"pending" : 2' six.out/summary.json || fail "summary: 2 pending expected"
pass "task 3 cancelled; the merge exits 3 ($(grep -h 'incomplete' logs/wafersim-merge-"$mid".log | sed 's/wafersim: //'))"
sub=$("$here/submit.sh" six.yaml --threads 1 --tasks 3 --logs logs) || fail "submit.sh --tasks 3"
jid2=$(echo "$sub" | awk '/^array/ {print $2}'); mid2=$(echo "$sub" | awk '/^merge/ {print $2}')
wait_done "$jid2" "$mid2"
grep -q 'shard 3/3' logs/wafersim-sweep-"${jid2}"_3.log || fail "resubmitted task 3 did not run shard 3/3: $(cat logs/wafersim-sweep-"${jid2}"_3.log)"
[ "$(exit_code "$mid2")" = 0:0 ] || fail "merge after the resubmission: exit $(exit_code "$mid2"), expected 0"
n=$(ran_once six.out logs/wafersim-sweep-*.log) || exit 1
[ "$n" -eq 6 ] || fail "6 points expected, found $n records"
grep -h 'shard 3/3' logs/wafersim-sweep-"${jid2}"_3.log | sed 's/^/    /'
task_budget=$(grep -h -o 'budget [0-9.]* GiB' logs/wafersim-sweep-"${jid}"_1.log | head -1 | awk '{print $2}')
[ -n "$plan_budget" ] && [ "$plan_budget" = "$task_budget" ] \
  || fail "budget: --plan said $plan_budget GiB, task 1 used $task_budget GiB"
grep -h 'resources:' logs/wafersim-sweep-"${jid}"_1.log | sed 's/^/    /'
pass "single-task resubmit ran shard 3/3; merge exit 0; 6 of 6 points ran exactly once; budget $task_budget GiB as planned"
ls logs | sed 's/^/    logs\//'

# --- 2. zero-based array --------------------------------------------------------------------------------------
say "2. sbatch --array=0-2 (zero-based) into a fresh folder"
mkdir -p logs0   # Slurm does not create the log folder
jid=$(sbatch --parsable --array=0-2 --cpus-per-task=1 --mem=1G --output=logs0/%x-%A_%a.log \
      --export=ALL,WAFERSIM="$W" "$here/sweep.sbatch" six.yaml -o out0) || fail "sbatch"
mid=$(sbatch --parsable --dependency=afterany:"$jid" --output=logs0/%x-%j.log --export=ALL,WAFERSIM="$W" \
      "$here/merge.sbatch" six.yaml -o out0)
wait_done "$jid" "$mid"
[ "$(exit_code "$mid")" = 0:0 ] || fail "zero-based: merge exit $(exit_code "$mid")"
n=$(ran_once out0 logs0/wafersim-sweep-*.log) || exit 1
[ "$n" -eq 6 ] || fail "zero-based: 6 records expected, found $n"
grep -h -o 'task 0 of tasks 0-2 -> shard 1/3' logs0/*_0.log >/dev/null || fail "zero-based: task 0 is not shard 1/3"
pass "zero-based array 0-2: merge exit 0; 6 of 6 points ran exactly once"

# --- 3. more tasks than points ---------------------------------------------------------------------------------
say "3. sbatch --array=1-8 for 6 points"
mkdir -p logs8
jid=$(sbatch --parsable --array=1-8 --cpus-per-task=1 --mem=1G --output=logs8/%x-%A_%a.log \
      --export=ALL,WAFERSIM="$W" "$here/sweep.sbatch" six.yaml -o out8) || fail "sbatch"
mid=$(sbatch --parsable --dependency=afterany:"$jid" --output=logs8/%x-%j.log --export=ALL,WAFERSIM="$W" \
      "$here/merge.sbatch" six.yaml -o out8)
wait_done "$jid" "$mid"
for t in 7 8; do
  [ "$(exit_code "${jid}_$t")" = 0:0 ] || fail "task $t: exit $(exit_code "${jid}_$t"), expected 0"
  grep -q 'this task has nothing to do' logs8/wafersim-sweep-"${jid}_$t".log || fail "task $t did not say it has nothing to do"
done
grep -h 'nothing to do' logs8/wafersim-sweep-"${jid}"_8.log | sed 's/^/    /'
[ "$(exit_code "$mid")" = 0:0 ] || fail "8 tasks: merge exit $(exit_code "$mid")"
n=$(ran_once out8 logs8/wafersim-sweep-*.log) || exit 1
[ "$n" -eq 6 ] || fail "8 tasks: 6 records expected, found $n"
pass "8 tasks for 6 points: tasks 7 and 8 exit 0 with nothing to do; merge exit 0; 6 of 6 points ran exactly once"

# --- 4. a failed point ------------------------------------------------------------------------------------------
say "4. a sweep with a point that cannot converge"
cat > bad.yaml <<'YAML'
name: bad
base: wse-coarse
set: {grid.cells_per_core: 0.05, power.idle: "0.1 kW", power.total: "0.3 kW"}
axes:
  solver.max_iterations: [1, 200]
YAML
mkdir -p logsb
jid=$(sbatch --parsable --array=1-2 --cpus-per-task=1 --mem=1G --output=logsb/%x-%A_%a.log \
      --export=ALL,WAFERSIM="$W" "$here/sweep.sbatch" bad.yaml) || fail "sbatch"
mid=$(sbatch --parsable --dependency=afterany:"$jid" --output=logsb/%x-%j.log --export=ALL,WAFERSIM="$W" \
      "$here/merge.sbatch" bad.yaml)
after=$(sbatch --parsable --dependency=afterok:"$mid" --output=logsb/after-%j.log --wrap 'echo should not run')
wait_done "$jid" "$mid"
[ "$(exit_code "${jid}_1")" = 1:0 ] || fail "the failing task: exit $(exit_code "${jid}_1"), expected 1"
[ "$(exit_code "${jid}_2")" = 0:0 ] || fail "the other task: exit $(exit_code "${jid}_2"), expected 0"
[ "$(exit_code "$mid")" = 1:0 ] || fail "merge with a failed point: exit $(exit_code "$mid"), expected 1"
for _ in $(seq 20); do r=$(job_field "$after" Reason); [ "$r" = DependencyNeverSatisfied ] && break; sleep 0.5; done
[ "$(job_field "$after" JobState)" = PENDING ] && [ "$r" = DependencyNeverSatisfied ] \
  || fail "the afterok job: $(job_field "$after" JobState) $r"
scancel "$after"
grep -h 'FAILED\|not ok' logsb/*.log | sed 's/^/    /'
pass "a failed point: task exit 1, merge exit 1, the afterok job never runs (DependencyNeverSatisfied)"

# --- 5. (DEFAULT_CASE=1) one task of the default case's sweep, with the resources --plan asks for ---------------
if [ "${DEFAULT_CASE:-0}" = 1 ]; then
  say "5. one task of scripts/slurm/wse-default-study.yaml (full wafer, ~4 GiB a point) with the planned resources"
  cp "$here/wse-default-study.yaml" study.yaml
  "$W" sweep study.yaml --plan --shards 3 > plan-default.txt || fail "--plan on the default study"
  sed -n '/^per task/p; /#SBATCH/p' plan-default.txt | sed 's/^/    /'
  plan_budget=$(sed -n 's/.*the task.s budget \([0-9.]*\) GiB.*/\1/p' plan-default.txt)
  plan_point=$(sed -n 's/.*holds the largest point (\([0-9.]*\) GiB).*/\1/p' plan-default.txt)
  sub=$("$here/submit.sh" study.yaml --shards 3 --tasks 1 --logs logsd) || fail "submit.sh (default study)"
  jid=$(echo "$sub" | awk '/^array/ {print $2}'); mid=$(echo "$sub" | awk '/^merge/ {print $2}')
  wait_done "$jid" "$mid"
  log=logsd/wafersim-sweep-"${jid}"_1.log
  [ "$(exit_code "${jid}_1")" = 0:0 ] || { cat "$log"; fail "default-case task: exit $(exit_code "${jid}_1")"; }
  grep -v '^wafersim: \[' "$log" | sed 's/^/    /'
  grep ': ok ' "$log" | sed 's/^/    /'
  grep -q "largest point needs about $plan_point GiB of the $plan_budget GiB budget" "$log" \
    || fail "the task's budget line differs from the plan ($plan_point GiB of $plan_budget GiB)"
  [ "$(exit_code "$mid")" = 3:0 ] || fail "merge after one task of three: exit $(exit_code "$mid"), expected 3"
  pass "default case: the task used the planned budget ($plan_budget GiB) for its ${plan_point}-GiB points; merge exit 3 (4 of 6 pending)"
fi

say "all checks passed"
