#!/usr/bin/env bash
# Configures and builds NoFADE Studio (Release) in ./build, after installing what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
