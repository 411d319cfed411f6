#!/usr/bin/env bash
# Sets up what the application needs, builds only the application (the tests and benchmarks are
# built by scripts/run-tests.sh), and runs NoFADE Studio on its bundled example (Fashion-MNIST).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "run-example: installing what is missing from Debian's packages (Qt 6, OpenCV, the example dataset)" >&2
bash scripts/setup-debian.sh app
echo "run-example: configuring build/ (Release)" >&2
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
echo "run-example: building nofade, the application only" >&2
cmake --build build --target nofade
echo "run-example: starting NoFADE Studio on Fashion-MNIST (/usr/share/datasets/fashion-mnist)" >&2
exec build/bin/nofade --example "$@"
