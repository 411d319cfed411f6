#!/usr/bin/env bash
# Builds the .deb with CPack from a configured build tree, checks its metadata, unpacks it into a
# scratch root and runs the installed programs from there: nofade-cli --version and a scan, the GUI
# started offscreen; the desktop entry and the AppStream metainfo are validated as installed.
#   test_package.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(ls "$scratch"/pkg/nofade-studio_"$version"_*.deb) || fail "no nofade-studio_${version}_*.deb in $scratch/pkg"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# Dependencies: the linked libraries (found by shlibdeps) and the plugins Qt loads at run time.
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6core6 libqt6widgets6 libqt6charts6 libqt6svg6 libopencv-imgcodecs406 zlib1g \
           qt6-qpa-plugins libqt6sql6-sqlite; do
  grep -q "\b$dep\b" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version $(dpkg-deb -f "$deb" Version), project $version"
if [ "$(id -u)" = 0 ]; then
  # Every dependency can be installed from the archive (a dry run: nothing changes).
  apt-get install -s "$deb" >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log" >&2; fail "apt cannot install the package"; }
fi

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/nofade usr/bin/nofade-cli \
         usr/share/applications/org.nofade.Studio.desktop \
         usr/share/metainfo/org.nofade.Studio.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.nofade.Studio.svg \
         usr/share/icons/hicolor/48x48/apps/org.nofade.Studio.png \
         usr/share/icons/hicolor/256x256/apps/org.nofade.Studio.png \
         usr/share/man/man1/nofade-cli.1 usr/share/doc/nofade-studio/README.md; do
  [ -s "$root/$f" ] || fail "the package lacks /$f"
done
desktop-file-validate "$root/usr/share/applications/org.nofade.Studio.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.nofade.Studio.metainfo.xml"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/org.nofade.Studio.metainfo.xml" \
  || fail "metainfo release is not $version"
man -l "$root/usr/share/man/man1/nofade-cli.1" 2>/dev/null | grep -q "nofade-cli scan" || fail "man page does not render"

# The installed programs, from the scratch root, with a scratch home (no user settings touched).
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share"
mkdir -p "$HOME"
out=$("$root/usr/bin/nofade-cli" --version)
[[ "$out" == "nofade-cli $version "* ]] || fail "nofade-cli --version printed: $out"
mkdir -p "$scratch/data/a" "$scratch/data/b"
/usr/bin/python3 - "$scratch/data" <<'PY'
import sys
from PIL import Image
root = sys.argv[1]
# Class a: a two-value image (1 bit); class b: four equal grey levels (2 bits).
Image.frombytes("L", (2, 2), bytes([0, 0, 255, 255])).save(f"{root}/a/one.png")
Image.frombytes("L", (2, 2), bytes([0, 85, 170, 255])).save(f"{root}/b/two.png")
PY
"$root/usr/bin/nofade-cli" scan "$scratch/data" --out "$scratch/p.json" >"$scratch/scan.log" 2>&1 \
  || { cat "$scratch/scan.log" >&2; fail "installed nofade-cli scan failed"; }
/usr/bin/python3 - "$scratch/p.json" <<'PY' || fail "the installed scan's profile is wrong"
import json, sys
p = json.load(open(sys.argv[1]))
assert p["schema"] == "nofade.profile/1", p["schema"]
assert abs(p["complexity"]["entropy"] - 1.5) < 1e-12, p["complexity"]  # mean of 1 and 2 bits
PY
gui=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/nofade" --version)
[[ "$gui" == *"$version"* ]] || fail "nofade --version printed: $gui"
# --help needs no display: answered before the GUI starts.
help=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/nofade" --help 2>&1) \
  || fail "nofade --help without a display failed: $help"
[[ "$help" == *"--screenshots"* ]] || fail "nofade --help does not list --screenshots: $help"
# The GUI starts offscreen on the scanned folder, draws every view, saves them and quits.
QT_QPA_PLATFORM=offscreen timeout 300 "$root/usr/bin/nofade" --fresh --screenshots "$scratch/shots" "$scratch/data" \
  >"$scratch/gui.log" 2>&1 || { cat "$scratch/gui.log" >&2; fail "the installed GUI did not start and quit cleanly"; }
n=$(ls "$scratch/shots"/*.png 2>/dev/null | wc -l)
[ "$n" -ge 1 ] || fail "the installed GUI saved no screenshots"
echo "installed programs ran: nofade-cli scan, nofade offscreen ($n views drawn)"
