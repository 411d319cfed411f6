#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in ./build-fuzz and runs each for SECONDS.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
# Seeds come from tests/fuzz/corpus/<target>/; what the fuzzer learns is kept in
# build-fuzz/corpus/<target>/ and crashing inputs are written to build-fuzz/findings/<target>/.
# Exits non-zero when a target finds a crash, a leak, undefined behaviour or a hang.
# The random seed is fixed (NOFADE_FUZZ_SEED, default 1): from the same corpus, a short run repeats
# the same inputs in the same order, so a CI smoke run fails only on what a local run can replay.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_model_csv fuzz_profile_json fuzz_session_json fuzz_idx fuzz_cifar fuzz_image_entropy)
fi

bash scripts/setup-debian.sh
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DNOFADE_SANITIZE=address,undefined -DNOFADE_BUILD_FUZZERS=ON \
  -DNOFADE_BUILD_TESTS=OFF -DNOFADE_BUILD_GUI=OFF >/dev/null
cmake --build build-fuzz --target nofade-fuzzers

status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/findings/$t"
  echo "fuzz: $t for ${seconds}s" >&2
  # -rss_limit_mb: a reader that allocates what a header claims is a finding, not a slow run.
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
       "build-fuzz/fuzz/$t" -seed="${NOFADE_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -malloc_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="build-fuzz/findings/$t/" \
       "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" 2> "build-fuzz/findings/$t.log"; then
    echo "fuzz: $t FAILED; input and log: build-fuzz/findings/$t/ and build-fuzz/findings/$t.log" >&2
    tail -n 60 "build-fuzz/findings/$t.log" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-fuzz/findings/$t.log" | tr '\n' ' ' >&2
    echo >&2
  fi
done
exit $status
