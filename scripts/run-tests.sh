#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Two tests at a time (one per core); the few that measure responsiveness (cancel latency,
# event-loop stalls) are marked RUN_SERIAL and run alone.
# NOFADE_SLURM_TEST=1: the Slurm job-array test (tests/slurm) starts its daemons here; a plain
# `ctest` skips it (set NOFADE_SLURM_TEST=0 to skip it here too).
NOFADE_SLURM_TEST=${NOFADE_SLURM_TEST:-1} ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
# Then the suite again under AddressSanitizer + UndefinedBehaviorSanitizer, the threaded scan
# under ThreadSanitizer (each in its own build tree), and a short libFuzzer run of every reader:
# about 40 minutes more on 2 cores. NOFADE_SANITIZE_AND_FUZZ=0 skips them for a quick local run.
if [ "${NOFADE_SANITIZE_AND_FUZZ:-1}" = 1 ]; then
  bash scripts/sanitize.sh
  bash scripts/fuzz.sh 10
fi
