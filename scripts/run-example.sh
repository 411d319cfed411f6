#!/usr/bin/env bash
# Sets everything up, builds, and runs NoFADE Studio on its bundled example (Fashion-MNIST).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# --example opens Fashion-MNIST (/usr/share/datasets/fashion-mnist) and scans it on start.
exec build/bin/nofade --example "$@"
