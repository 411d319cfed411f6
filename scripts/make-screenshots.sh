#!/usr/bin/env bash
# Regenerates the screenshots of README.md and docs/USER_GUIDE.md (docs/screenshots/): builds, runs
# the application's screenshot mode (nofade --screenshots DIR: the bundled example and corpus, every view
# in turn) under Xvfb with a scratch home, and copies the views the documents show.
#   bash scripts/make-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { echo "make-screenshots: installing xvfb" >&2; apt-get install -y -qq xvfb xauth >/dev/null; }
bash scripts/build.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share" \
  xvfb-run -a -s "-screen 0 1600x1000x24" build/bin/nofade --fresh --screenshots "$scratch/shots"
shown=(01-entropy-histograms 02-per-class-small-multiples 04-class-distances 05b-images-by-class 06-inspector-lowest
       09-models-table 09b-models-invalid-cell 20-presentation-mode 21-tour-5 21-tour-7
       10-saturation-grid 15-nofade-tasks 40-import-runs-dialog 41-saturation-imported-run 42-nofade-imported-run)
mkdir -p docs/screenshots
for name in "${shown[@]}"; do
  [ -s "$scratch/shots/$name.png" ] || { echo "make-screenshots: the run made no $name.png" >&2; exit 1; }
  cp "$scratch/shots/$name.png" docs/screenshots/
done
echo "docs/screenshots: ${#shown[@]} screenshots updated"
