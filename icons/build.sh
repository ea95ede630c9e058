#!/usr/bin/env bash
# Regenerates every icon file in this folder from the SVG sources:
#   ipdesk-small.svg -> ipdesk-16.png, ipdesk-32.png
#   ipdesk-24.svg    -> ipdesk-24.png
#   ipdesk.svg       -> ipdesk-48.png ... ipdesk-512.png (and a 1024 px image used only inside the .icns)
#   the PNGs         -> ipdesk.ico (16, 24, 32, 48, 64, 128, 256) and ipdesk.icns (16 ... 1024, PNG entries)
# Usage (from anywhere):  bash icons/build.sh
# Needs: rsvg-convert (Debian package librsvg2-bin), convert (imagemagick), python3 (standard library only).
# The output is deterministic: the same SVGs give byte-identical files.
set -euo pipefail

cd "$(dirname "$0")"

missing=0
need() { # command, Debian package
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "build.sh: '$1' not found; install it with: apt-get install -y $2" >&2
        missing=1
    fi
}
need rsvg-convert librsvg2-bin
need convert imagemagick
need python3 python3
[ "$missing" = 0 ] || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # svg, size, output
    rsvg-convert --format=png --width="$2" --height="$2" --keep-aspect-ratio "$1" --output "$3"
}

render ipdesk-small.svg 16 ipdesk-16.png
render ipdesk-24.svg    24 ipdesk-24.png
render ipdesk-small.svg 32 ipdesk-32.png
for size in 48 64 128 256 512; do
    render ipdesk.svg "$size" "ipdesk-$size.png"
done
render ipdesk.svg 1024 "$tmp/ipdesk-1024.png"

# Windows: ImageMagick stores 16 ... 128 as BMP entries and 256 as a PNG entry; no time chunks.
convert ipdesk-16.png ipdesk-24.png ipdesk-32.png ipdesk-48.png ipdesk-64.png ipdesk-128.png ipdesk-256.png \
    -define png:exclude-chunks=date,time +set date:create +set date:modify ipdesk.ico

# macOS: 'icns' + big-endian total length, then entries of type + big-endian length (header included) + PNG.
python3 - "$tmp/ipdesk-1024.png" <<'PY'
import struct, sys
big = sys.argv[1]
entries = [  # (type, file): 1x types first, then the @2x (Retina) ones
    (b"icp4", "ipdesk-16.png"),   # 16
    (b"icp5", "ipdesk-32.png"),   # 32
    (b"ic07", "ipdesk-128.png"),  # 128
    (b"ic08", "ipdesk-256.png"),  # 256
    (b"ic09", "ipdesk-512.png"),  # 512
    (b"ic11", "ipdesk-32.png"),   # 16@2x
    (b"ic12", "ipdesk-64.png"),   # 32@2x
    (b"ic13", "ipdesk-256.png"),  # 128@2x
    (b"ic14", "ipdesk-512.png"),  # 256@2x
    (b"ic10", big),               # 512@2x
]
body = b""
for kind, path in entries:
    with open(path, "rb") as f:
        png = f.read()
    body += kind + struct.pack(">I", 8 + len(png)) + png
with open("ipdesk.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

echo "build.sh: wrote $(ls ipdesk-*.png | tr '\n' ' ')ipdesk.ico ipdesk.icns"
