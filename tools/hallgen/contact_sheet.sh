#!/bin/sh
# Renders the Tang Palace tour at eight moments at 1280x720 and puts them, at half size, on one contact sheet
# (ImageMagick montage):
#   tools/hallgen/contact_sheet.sh [BUILD_DIR] [OUT_PNG]      defaults: build, docs/tang-palace-tour.png
# Keep docs/tang-palace-tour.png current: run this after changing the hall, its relics or the tour.
set -eu
build=${1:-build}
out=${2:-docs/tang-palace-tour.png}
exhibition=scenes/tang-palace/exhibition.yaml
frames=$(mktemp -d)
trap 'rm -rf "$frames"' EXIT
# time, label (what is on screen)
set -- \
  6 "0:06 attract loop" \
  20 "0:20 the lanterns light up" \
  32 "0:32 sancai vase" \
  55 "0:55 sancai jar" \
  80 "1:20 the fox (Survey clip)" \
  107 "1:47 bronze mirror, turning" \
  124 "2:04 bronze ding" \
  155 "2:35 farewell"
n=0
labels=""
while [ $# -ge 2 ]; do
  n=$((n + 1))
  LIYUAN_LOG=warn "$build/runtime/app/liyuan" render "$exhibition" --time "$1" --size 1280x720 --out "$frames/$n.png"
  printf '%s\n' "$2" > "$frames/$n.txt"
  shift 2
done
i=1
set --
while [ $i -le $n ]; do
  set -- "$@" -label "$(cat "$frames/$i.txt")" "$frames/$i.png"
  i=$((i + 1))
done
# Thumbnails at half size, quantised to 256 colours so the sheet stays small in the repository.
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
[ -f "$font" ] || font=""
montage "$@" ${font:+-font "$font"} -tile 2x4 -geometry 640x360+4+4 -background '#1a1412' -fill '#e8dcc0' \
  -pointsize 16 "$frames/sheet.png"
convert "$frames/sheet.png" -dither FloydSteinberg -colors 256 "PNG8:$out"
echo "contact_sheet.sh: wrote $out"
