#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Serially: some tests measure responsiveness (cancel latency, event-loop stalls).
ctest --test-dir build --output-on-failure "$@"
# Issue 6: the suite again under ASan + UBSan, the threaded scan under TSan (own build trees),
# and a one-minute libFuzzer smoke of every reader. NOFADE_QUICK=1 skips them for a quick local run.
if [ "${NOFADE_QUICK:-0}" != 1 ]; then
  bash scripts/sanitize.sh
  bash scripts/fuzz.sh 12
fi
