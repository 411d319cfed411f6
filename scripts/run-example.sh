#!/usr/bin/env bash
# Sets everything up, builds, and runs NoFADE Studio on its bundled example (Fashion-MNIST).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
example=/usr/share/datasets/fashion-mnist
if [ -x build/bin/nofade ]; then
  exec build/bin/nofade "$@"
fi
exec build/bin/nofade-cli scan "$example" "$@"
