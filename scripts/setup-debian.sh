#!/usr/bin/env bash
# Installs what NoFADE Studio needs to build, test and run on Debian 12, from Debian's packages
# only. Installs nothing when everything is already there, so it is cheap to run every time.
set -euo pipefail

# `setup-debian.sh app`: only what building and running the application needs (the README's first
# command); without an argument, everything the tests need too.
packages=(
  # toolchain
  cmake ninja-build g++ pkg-config
  # libraries: Qt 6.4 (Core, Widgets, Charts, Svg; Charts needs the OpenGL dev files),
  # OpenCV 4.6 core/imgproc/imgcodecs, zlib, Eigen (Levenberg-Marquardt fits)
  qt6-base-dev libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-qpa-plugins
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev zlib1g-dev libeigen3-dev
  # nanoflann: the k-d tree of the CSG complexity measure (header only)
  libnanoflann-dev
  fonts-dejavu-core
  # the bundled example dataset
  dataset-fashion-mnist
)
[ "${1:-}" = app ] || packages+=(
  # clang and its runtime libraries for libFuzzer (scripts/fuzz.sh); setpriv and prlimit
  # (util-linux) run the permission and disk-full tests
  clang libclang-rt-14-dev util-linux
  # LLVM's linker: links the sanitized test executables in a third of ld.bfd's time
  lld
  # the independent reference used by the tests (golden values) and real photographs
  python3 python3-numpy python3-scipy python3-skimage python3-pil opencv-doc
  # cv2.resize(INTER_AREA): the complexity measures' 32x32 vectors are defined by OpenCV's resampling
  python3-opencv
  # a strict BibTeX reader for the CO2 paragraph's .bib (tests/golden/bibtex_check.py)
  python3-bibtexparser
  # the .deb (CPack: dpkg-shlibdeps, file) and its checks (tests/packaging)
  dpkg-dev file desktop-file-utils appstream man-db
  # pdftoppm renders the exported PDF figures in the UI tests
  poppler-utils
  # screenshots of the running application on a given screen size: xvfb-run, import, xdotool
  # (docs/USER_GUIDE.md, the teaching tour at 1280 x 720)
  xvfb xauth imagemagick xdotool
  # a one-machine Slurm cluster for the job-array integration test (tests/slurm): the test runs
  # its own munged/slurmctld/slurmd from a temporary folder, never the system services
  slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
