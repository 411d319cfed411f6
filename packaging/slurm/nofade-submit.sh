#!/bin/bash
# Submits a NoFADE scan as a Slurm job array plus the merge that runs when all tasks succeeded.
#
#   nofade-submit.sh [-n TASKS] [-c CPUS] [-t TIME] [-p PARTITION] [-A ACCOUNT] DATASET OUTDIR [-- scan options]
#
# Shards go to OUTDIR/shards/shard-K-of-N.json, task logs to OUTDIR/logs/, and the merged profile
# to OUTDIR/profile.json. Prints the two job ids ("array=123 merge=124"). Open OUTDIR/shards in
# NoFADE Studio (File > Open Shard Folder...) to watch the shards arrive.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tasks=16 cpus=4 time=02:00:00
common=()
usage() { sed -n '4p' "$0" | sed 's/^# */usage: /' >&2; exit 2; }
while getopts "n:c:t:p:A:h" opt; do
    case $opt in
        n) tasks=$OPTARG ;;
        c) cpus=$OPTARG ;;
        t) time=$OPTARG ;;
        p) common+=(--partition="$OPTARG") ;;
        A) common+=(--account="$OPTARG") ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || usage
dataset=$(realpath "$1")
outdir=$(realpath -m "$2")
shift 2
[ "${1:-}" != "--" ] || shift
case $tasks in '' | *[!0-9]* | 0) echo "nofade-submit: -n must be a whole number >= 1 (got \"$tasks\")" >&2; exit 2 ;; esac
[ -e "$dataset" ] || { echo "nofade-submit: $dataset: no such file or folder" >&2; exit 1; }
if compgen -G "$outdir/shards/*.json" >/dev/null; then
    echo "nofade-submit: $outdir/shards already holds shard profiles; use a new OUTDIR" >&2
    exit 1
fi
mkdir -p "$outdir/shards" "$outdir/logs"

array=$(sbatch --parsable "${common[@]}" --array="0-$((tasks - 1))" --cpus-per-task="$cpus" --time="$time" \
    --output="$outdir/logs/scan-%A_%a.log" "$here/nofade-scan.sbatch" "$dataset" "$outdir/shards" "$@")
array=${array%%;*} # "id;cluster" on multi-cluster setups
merge=$(sbatch --parsable "${common[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
    --output="$outdir/logs/merge-%j.log" "$here/nofade-merge.sbatch" "$outdir/shards" "$outdir/profile.json")
merge=${merge%%;*}
echo "array=$array merge=$merge"
