#!/usr/bin/env bash
# The speed-up of a Slurm job array from 1 to 2 tasks on this machine (docs/SCALING.md): a real
# one-node cluster (tests/slurm/local_slurm.sh, root, Debian's slurm-wlm and munge), tasks of one
# CPU each (--cpus-per-task=1, nofade-cli --threads 1), timed from submission until the merge job
# has written the profile: scheduling, every task, and the merge. Not a test.
#   sudo bash bench/slurm_speedup.sh [REPEATS]      (after scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
repeats=${1:-3}
cli=$src/build/bin/nofade-cli
[ -x "$cli" ] || { echo "bench: build first (bash scripts/build.sh)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: installing GNU time" >&2; apt-get install -y -qq time >/dev/null; }
data="${NOFADE_BENCH_DATA:-$HOME/.cache/nofade-bench}"
/usr/bin/python3 bench/make_corpora.py "$data" >&2

source tests/slurm/local_slurm.sh
[ -z "$(local_slurm_missing)" ] || { echo "bench: install slurm-wlm munge" >&2; exit 1; }
work=$(mktemp -d /tmp/nofade-slurm-bench.XXXXXX)
chmod 755 "$work"
trap 'local_slurm_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir "$work/cluster"
local_slurm_start "$work/cluster" "$(nproc)"
export NOFADE_CLI=$cli

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# $1 corpus, $2 tasks: seconds from submission to the merged profile.
run_array()
{
    local out
    out=$work/run-$RANDOM$RANDOM
    local t0 t1
    t0=$(date +%s.%N)
    "$src/packaging/slurm/nofade-submit.sh" -n "$2" -c 1 -t 01:00:00 "$1" "$out" >/dev/null
    while [ ! -s "$out/profile.json" ]; do
        [ -n "$(squeue -h -o %i)" ] || { echo "bench: the jobs ended without a profile ($out/logs)" >&2; exit 1; }
        sleep 0.1
    done
    t1=$(date +%s.%N)
    local_slurm_wait_idle 60
    awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.2f\n", a - b }'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before"
# The fixed cost of the workflow: an array over one image, from sbatch to the merged profile
# (scheduling the tasks, starting nofade-cli, the dependency, the merge job).
mkdir -p "$work/one/a"
cp "$(find "$data/photos" -type f | head -n 1)" "$work/one/a/"
fixed=()
for _ in $(seq "$repeats"); do fixed+=("$(run_array "$work/one" 1)"); done
echo "fixed cost (1 image, 1 task): $(printf '%s\n' "${fixed[@]}" | median) s (${fixed[*]})"
# photos x4: the 2,000 photographs four times over (hard links: same decoding work, no disk), so
# that decoding, not the fixed cost, dominates a one-CPU task.
for i in 1 2 3 4; do cp -al "$data/photos" "$work/photos-x4-$i"; done
mkdir "$work/photos-x4"
mv "$work"/photos-x4-? "$work/photos-x4/"
for corpus in "$work/photos-x4" "$data/tiny"; do
    dir=$corpus
    files=$(find "$dir" -type f | wc -l)
    "$cli" scan "$dir" --threads 1 >/dev/null # warm the page cache
    # CPU seconds of a one-thread scan: the per-core cost the cluster arithmetic needs, which
    # (unlike wall time) other load on this machine barely changes.
    /usr/bin/time -o "$work/cpu" -f '%U %S' "$cli" scan "$dir" --threads 1 >/dev/null 2>&1
    cpu=$(awk '{ print $1 + $2 }' "$work/cpu")
    one=() two=()
    for _ in $(seq "$repeats"); do # alternated, so a burst of other load hits both
        one+=("$(run_array "$dir" 1)")
        two+=("$(run_array "$dir" 2)")
    done
    m1=$(printf '%s\n' "${one[@]}" | median)
    m2=$(printf '%s\n' "${two[@]}" | median)
    awk -v c="$(basename "$corpus")" -v f="$files" -v m1="$m1" -v m2="$m2" -v r1="${one[*]}" -v r2="${two[*]}" -v cpu="$cpu" 'BEGIN {
        printf "%-9s %6d files  1 task: %6.2f s (%s)  2 tasks: %6.2f s (%s)  speed-up %.2fx  %.0f -> %.0f img/s\n",
               c, f, m1, r1, m2, r2, m1 / m2, f / m1, f / m2
        printf "%-9s one thread: %.1f CPU s, %.0f images per CPU second\n", c, cpu, f / cpu }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
