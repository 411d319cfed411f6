#!/usr/bin/env bash
# The benchmark suite in one command: installs what is missing, builds (Release), makes the
# corpora from real images on this machine (cached), then runs bench/run.py. Not a test: it
# prints ratios against baselines measured in the same run. See docs/PERFORMANCE.md.
#   bash bench/run.sh [--threads N] [--repeats N] [--no-scale]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
command -v /usr/bin/time >/dev/null || { echo "bench: installing GNU time" >&2; apt-get install -y -qq time >/dev/null; }
data="${NOFADE_BENCH_DATA:-$HOME/.cache/nofade-bench}"
/usr/bin/python3 bench/make_corpora.py "$data"
exec /usr/bin/python3 bench/run.py build "$data" "$@"
