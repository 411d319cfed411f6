#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Serially: some tests measure responsiveness (cancel latency, event-loop stalls).
# NOFADE_SLURM_TEST=1: the Slurm job-array test (tests/slurm) starts its daemons here; a plain
# `ctest` skips it (set NOFADE_SLURM_TEST=0 to skip it here too).
NOFADE_SLURM_TEST=${NOFADE_SLURM_TEST:-1} ctest --test-dir build --output-on-failure "$@"
# The suite again under ASan + UBSan, the threaded scan under TSan (own build trees), and a
# short libFuzzer run of every reader: NOFADE_SANITIZE_AND_FUZZ=1 bash scripts/run-tests.sh.
# Not yet part of CI: the full ASan run has not finished green on a fresh machine yet.
if [ "${NOFADE_SANITIZE_AND_FUZZ:-0}" = 1 ]; then
  bash scripts/sanitize.sh
  bash scripts/fuzz.sh 12
fi
