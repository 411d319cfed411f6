#!/usr/bin/env bash
# Builds and runs the test suite under sanitizers, each in its own build tree:
#   build-asan  AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite except the tests
#               labelled "slow" (the 70,000-image Fashion-MNIST comparison, already run unsanitized)
#               and "package" (it packs and runs the built programs: a release-build check); the
#               Slurm test is skipped here as in a plain ctest (NOFADE_SLURM_TEST unset)
#   build-tsan  ThreadSanitizer: the threaded scan engine, its checkpoint cache and the scans of
#               big, broken and vanishing folders
#   bash scripts/sanitize.sh [asan|tsan]...      (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(asan tsan)
bash scripts/setup-debian.sh
supp="$PWD/tests/sanitizers"

for kind in "${kinds[@]}"; do
  case "$kind" in
    asan)
      cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOFADE_SANITIZE=address,undefined -DNOFADE_BUILD_BENCH=OFF >/dev/null
      cmake --build build-asan
      # Leaks are checked; the suppressions name only leaks inside system libraries.
      ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0" \
      LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0" \
      UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -LE "slow|package"
      ;;
    tsan)
      cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOFADE_SANITIZE=thread -DNOFADE_BUILD_GUI=OFF -DNOFADE_BUILD_BENCH=OFF >/dev/null
      tsan_tests=(test_scan_engine test_scan_cache test_broken_files test_big_and_vanishing_folders)
      cmake --build build-tsan --target "${tsan_tests[@]}"
      # OpenCV's own thread pool is not instrumented: keep its work on the calling thread so
      # that every report is about our threads.
      OPENCV_FOR_THREADS_NUM=1 TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp" \
        ctest --test-dir build-tsan --output-on-failure --timeout 1200 \
              -R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$"
      ;;
    *) echo "sanitize.sh: unknown kind \"$kind\" (asan or tsan)" >&2; exit 2 ;;
  esac
done
