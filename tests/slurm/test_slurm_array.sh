#!/bin/bash
# Integration test: a real Slurm job array scans a dataset and the dependent merge job gives the
# same profile as one local scan, number for number. Starts munged, slurmctld and slurmd on this
# machine (loopback, everything in a temporary folder: local_slurm.sh), submits with the shipped
# packaging/slurm scripts, waits, compares, and always stops the daemons (trap).
#
#   test_slurm_array.sh NOFADE_CLI SOURCE_DIR
#
# Opt-in (it starts root daemons): runs when NOFADE_SLURM_TEST=1 (scripts/run-tests.sh and CI set
# it), otherwise exits 77, which CTest reports as skipped; 77 too without root or without Debian's
# slurm-wlm and munge. NOFADE_SLURM_KEEP=1 keeps the temporary folder (logs) for a look.
set -euo pipefail

cli=$(realpath "$1")
src=$(realpath "$2")
budget=${NOFADE_SLURM_TIMEOUT:-240} # seconds for all jobs; CTest's TIMEOUT is above it

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "${NOFADE_SLURM_TEST:-0}" = 1 ] ||
    skip "set NOFADE_SLURM_TEST=1 to run it (it starts munged, slurmctld and slurmd as root on loopback)"
[ "$(id -u)" = 0 ] || skip "needs root: slurmd must run as root to start jobs"
absent=$(
    source "$src/tests/slurm/local_slurm.sh"
    local_slurm_missing
)
[ -z "$absent" ] || skip "not installed: $absent (apt-get install slurm-wlm munge)"

source "$src/tests/slurm/local_slurm.sh"
work=$(mktemp -d /tmp/nofade-slurm-test.XXXXXX)
chmod 755 "$work" # munged wants every folder above its socket searchable by all
cleanup()
{
    local status=$?
    local_slurm_stop
    if [ $status -ne 0 ] && [ $status -ne 77 ]; then
        for f in "$work"/out/*/logs/*.log "$work"/cluster/log/slurm*.log; do
            [ -f "$f" ] || continue
            echo "---- $f" >&2
            tail -n 20 "$f" >&2
        done
    fi
    if [ "${NOFADE_SLURM_KEEP:-0}" = 1 ]; then
        echo "kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the corpus: real images. Fashion-MNIST records as PNG files in class folders (exported by
# PIL, independently of NoFADE), real photographs from opencv-doc / scikit-image, a broken file.
corpus=$work/corpus
mkdir -p "$corpus"
fashion=/usr/share/datasets/fashion-mnist
[ -d "$fashion" ] || fail "$fashion is missing (apt-get install dataset-fashion-mnist)"
/usr/bin/python3 "$src/tests/fixtures/export_idx_as_folder.py" "$fashion" "$corpus/fashion" --limit 1500 >/dev/null # 1500 of each split
mkdir -p "$corpus/fashion/photos"
photos=0
for p in /usr/share/doc/opencv-doc/examples/data/{baboon,fruits,building,home}.jpg \
         /usr/lib/python3/dist-packages/skimage/data/{astronaut.png,coffee.png,chelsea.png,rocket.jpg}; do
    if [ -f "$p" ]; then
        cp "$p" "$corpus/fashion/photos/"
        photos=$((photos + 1))
    fi
done
echo "not an image" >"$corpus/fashion/photos/broken.jpg"
images=$(find "$corpus/fashion" -type f | wc -l)
echo "corpus: $images files ($photos photographs, 1 broken)"

# --- the cluster
cluster=$work/cluster
mkdir -p "$cluster"
local_slurm_start "$cluster" 2 || fail "the local Slurm cluster did not start (logs above)"
echo "cluster up: $(sinfo -h -o '%P %D %c %T')"
export NOFADE_CLI=$cli

# 1) The shipped submit script: a 0-based array of 3 tasks and the dependent merge.
out1=$work/out/submit
ids=$("$src/packaging/slurm/nofade-submit.sh" -n 3 -c 1 -t 00:10:00 "$corpus/fashion" "$out1" -- --per-image)
echo "submitted: $ids"

# 2) An array numbered from 1 (--array=1-2), straight through sbatch, over the IDX test split.
out2=$work/out/idx
mkdir -p "$out2/logs"
array2=$(sbatch --parsable --array=1-2 --cpus-per-task=1 --output="$out2/logs/scan-%A_%a.log" \
    "$src/packaging/slurm/nofade-scan.sbatch" "$fashion/t10k-images-idx3-ubyte.gz" "$out2/shards" --class-model gaussian)
merge2=$(sbatch --parsable --dependency="afterok:${array2%%;*}" --kill-on-invalid-dep=yes \
    --output="$out2/logs/merge-%j.log" "$src/packaging/slurm/nofade-merge.sbatch" "$out2/shards" "$out2/profile.json")

# 3) A task that fails (no such dataset): the merge must be cancelled, not run.
out3=$work/out/failing
mkdir -p "$out3/logs"
array3=$(sbatch --parsable --array=0-1 --cpus-per-task=1 --output="$out3/logs/scan-%A_%a.log" \
    "$src/packaging/slurm/nofade-scan.sbatch" "$work/no-such-dataset" "$out3/shards")
merge3=$(sbatch --parsable --dependency="afterok:${array3%%;*}" --kill-on-invalid-dep=yes \
    --output="$out3/logs/merge-%j.log" "$src/packaging/slurm/nofade-merge.sbatch" "$out3/shards" "$out3/profile.json")

started=$SECONDS
local_slurm_wait_idle "$budget" || fail "jobs did not finish within $budget s"
echo "all jobs done in $((SECONDS - started)) s"

state() { scontrol show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1; }
merge1=${ids##*merge=}
[ "$(state "$merge1")" = COMPLETED ] || fail "merge job $merge1 is $(state "$merge1"), not COMPLETED"
[ "$(state "${merge2%%;*}")" = COMPLETED ] || fail "merge job $merge2 is $(state "${merge2%%;*}"), not COMPLETED"
[ "$(state "${merge3%%;*}")" = CANCELLED ] || fail "merge job $merge3 after a failed task is $(state "${merge3%%;*}"), not CANCELLED"
[ ! -e "$out3/profile.json" ] || fail "the merge after a failed task wrote a profile"
grep -q "no-such-dataset: no such file or folder" "$out3"/logs/scan-*_0.log ||
    fail "the failed task's log does not say why"
shard_files=$(cd "$out1/shards" && echo *)
echo "shard files: $shard_files"
[ "$shard_files" = "shard-0-of-3.json shard-1-of-3.json shard-2-of-3.json" ] ||
    fail "unexpected shard files in $out1/shards: $shard_files"

# --- the same scans, locally in one process
"$cli" scan "$corpus/fashion" --per-image --out "$work/whole-folder.json" >/dev/null
"$cli" scan "$fashion/t10k-images-idx3-ubyte.gz" --class-model gaussian --out "$work/whole-idx.json" >/dev/null

# Every key but "source" (which says which shards a profile holds) must be equal; the numbers in
# the JSON are printed round-trip exact, so equal JSON values are equal doubles.
compare()
{
    /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import json, sys
merged, whole, shards = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3]))
src = merged.pop("source"); whole.pop("source")
assert src["shard_count"] == shards and src["shards"] == list(range(shards)), src
assert merged["complete"] is True
diff = sorted(k for k in set(merged) | set(whole) if merged.get(k) != whole.get(k))
if diff:
    sys.exit("differs from the single scan in: %s" % ", ".join(diff))
print("%s: identical to the single scan: %d images, %d failed, C_H %.6f, C_JS %s" % (
    sys.argv[1], merged["images"], merged["failed_items"], merged["complexity"]["entropy"], merged["complexity"]["js"]))
PY
}
compare "$out1/profile.json" "$work/whole-folder.json" 3 || fail "the array's merge of the folder differs"
compare "$out2/profile.json" "$work/whole-idx.json" 2 || fail "the array's merge of the IDX file differs"
# 4) Recovery as docs/SCALING.md tells it: a lost shard re-run alone (--array=1 with
# NOFADE_SHARD=auto/3), then the merge again.
rm "$out1/shards/shard-1-of-3.json" "$out1/profile.json"
"$cli" merge "$out1/shards" --out "$out1/profile.json" 2>"$work/merge.err" && fail "merge with a shard missing succeeded"
grep -q "1 of 3 shards are missing: 1" "$work/merge.err" || fail "merge did not name the missing shard: $(cat "$work/merge.err")"
NOFADE_SHARD=auto/3 sbatch --parsable --array=1 --cpus-per-task=1 --output="$out1/logs/rerun-%A_%a.log" \
    "$src/packaging/slurm/nofade-scan.sbatch" "$corpus/fashion" "$out1/shards" --per-image >/dev/null
local_slurm_wait_idle "$budget" || fail "the re-run did not finish within $budget s"
"$cli" merge "$out1/shards" --out "$out1/profile.json" >/dev/null
compare "$out1/profile.json" "$work/whole-folder.json" 3 || fail "the merge after re-running shard 1 differs"
echo "PASS"
