#!/usr/bin/env bash
# Renders the example figures of docs/FIGURES.md: every figure kind exported headless in the
# publication style at single-column (3.5 x 2.6 in) and double-column (7.16 x 3.2 in) size, the PDFs
# rasterised with pdftoppm (what a reader of the paper sees) into docs/screenshots/figure-*.png.
# Entropy figures: Fashion-MNIST (the dataset-fashion-mnist package). Saturation: the bundled corpus.
# NoFADE: six made-up models ("Example-0".."Example-5", a synthetic table written here) on
# Fashion-MNIST, with the C_JS this export measures (ln of the sum of its class distances).
# Complexity figures: Fashion-MNIST scanned with every measure; the prediction against the same
# made-up models (a single dataset: one point, no rank correlation).
#   bash scripts/make-figure-examples.sh   (after building: build/bin/nofade)
set -euo pipefail
cd "$(dirname "$0")/.."
nofade=build/bin/nofade
data=/usr/share/datasets/fashion-mnist
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p docs/screenshots
export QT_QPA_PLATFORM=offscreen
printf 'model,task,dataset,score,compute,compute_unit,co2_kg,source\n' > "$scratch/models.csv"
for i in 0 1 2 3 4 5; do
  printf 'Example-%s,classification,fashion-mnist,%s,%s,GFLOPs,%s,synthetic example\n' \
    "$i" "$((80 + 2 * i - i * i / 5))" "$((i + 1))" "$((10 ** i))" >> "$scratch/models.csv"
done
for size in single:3.5x2.6 double:7.16x3.2; do
  name=${size%%:*}; inches=${size#*:}
  out="$scratch/$name"
  "$nofade" --export-figures "$out" "$data" --figures histograms,per-class,class-distances,images,saturation \
    --size "$inches" --dpi 300 --style publication --formats pdf >/dev/null
  # C_JS = ln(sum of the distances of the class pairs), from the heatmap's data.
  cjs=$(/usr/bin/python3 -c "
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(math.log(sum(float(r['js_distance']) for r in rows if r['class_a'] < r['class_b'])))" "$out/class-distances-fashion-mnist.csv")
  "$nofade" --export-figures "$scratch/$name-nofade" --figures nofade --models "$scratch/models.csv" \
    --complexity "fashion-mnist=$cjs" --size "$inches" --dpi 300 --style publication --formats pdf >/dev/null
  cp "$scratch/$name-nofade/nofade-classification.pdf" "$out/"
  # The complexity figures: Fashion-MNIST scanned with every measure (default sample), and its C_JS
  # against the best score of the six made-up models (one dataset: a point, and no rho).
  "$nofade" --export-figures "$scratch/$name-complexity" "$data" --measures all --models "$scratch/models.csv" \
    --figures complexity-measures,measure-histograms,measure-prediction \
    --size "$inches" --dpi 300 --style publication --formats pdf >/dev/null
  for figure in complexity-measures measure-histograms-si measure-histograms-bpp measure-prediction-c-js-best-score; do
    cp "$scratch/$name-complexity/$figure.pdf" "$out/"
  done
  for figure in histograms per-class-fashion-mnist per-class-overlay-fashion-mnist class-distances-fashion-mnist \
                images-fashion-mnist saturation-imagenet nofade-classification complexity-measures measure-histograms-si \
                measure-histograms-bpp measure-prediction-c-js-best-score; do
    pdftoppm -r 150 -png -singlefile "$out/$figure.pdf" "docs/screenshots/figure-${figure%-fashion-mnist}-$name"
  done
done
echo "docs/screenshots: figure-*-single.png and figure-*-double.png updated"
