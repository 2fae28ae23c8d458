#!/bin/bash
# Submits a wafersim sweep to Slurm: the array (sweep.sbatch) with the resources `wafersim sweep --plan` computes,
# then the merge (merge.sbatch) after it. Logs of both go to one folder. docs/cluster.md explains the pieces.
#
#   scripts/slurm/submit.sh SWEEP.yaml [-o DIR] [--jobs J] [--threads T] [--shards N] [--tasks LIST] [--logs DIR]
#                           [-- SBATCH OPTIONS...]
#
#   --shards N     split the sweep into N shards (default: one point per task, or what the output folder records)
#   --tasks LIST   submit only these array tasks (e.g. 5, or 2,4-6): a resubmission; the shards are those of the
#                  first submission
#   --threads T    solver threads per point (sets --cpus-per-task = J x T; default 2)
#   --logs DIR     log folder (default: logs)
#   -- ...         further sbatch options for both jobs (--partition, --account, --qos, ...)
#
# Prints the two job ids: "array <id>" and "merge <id>".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
W="${WAFERSIM:-$(cd "$here/../.." && pwd)/wafersim}"
[ $# -ge 1 ] || { sed -n '2,17p' "$0" >&2; exit 2; }
sweep_args=("$1"); shift
plan_args=()
tasks="" logs="logs" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output|--jobs) sweep_args+=("$1" "$2"); shift 2 ;;
    --threads) plan_args+=("$1" "$2"); shift 2 ;;
    --shards) plan_args+=("$1" "$2"); shift 2 ;;
    --tasks) tasks="$2"; shift 2 ;;
    --logs) logs="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "submit.sh: unknown option '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

# The plan builds the jar if needed (before any task starts, so that the tasks do not race to build it) and checks
# every point's case: a bad sweep file stops here, before anything is queued.
plan=$("$W" sweep "${sweep_args[@]}" "${plan_args[@]}" --plan --json)
field() { printf '%s\n' "$plan" | sed -n "s/^ *\"$1\" : \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" | head -1; }
shards=$(field shards) cpus=$(field cpusPerTask) mem=$(field mem) time=$(field time)
array=$(field array)
[ -n "$shards" ] && [ -n "$mem" ] || { echo "submit.sh: could not read the plan" >&2; exit 1; }
[ -n "$tasks" ] && array="$tasks"

mkdir -p "$logs"
export WAFERSIM="$W"
jid=$(sbatch --parsable --array="$array" --cpus-per-task="$cpus" --mem="$mem" --time="$time" \
      --output="$logs/%x-%A_%a.log" "${extra[@]}" "$here/sweep.sbatch" "${sweep_args[@]}" --shards "$shards")
jid=${jid%%;*}
mid=$(sbatch --parsable --dependency=afterany:"$jid" --output="$logs/%x-%j.log" "${extra[@]}" \
      "$here/merge.sbatch" "${sweep_args[@]}")
mid=${mid%%;*}
echo "array $jid ($shards shards, tasks $array, $cpus CPUs, $mem, $time per task; logs in $logs/)"
echo "merge $mid (after the array; exit 0 only when every point is done and ok)"
