#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Serially: some tests measure responsiveness (cancel latency, event-loop stalls).
ctest --test-dir build --output-on-failure "$@"
