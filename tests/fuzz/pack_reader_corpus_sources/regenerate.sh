#!/bin/sh
# Rewrites ../pack_reader_corpus from these sources with the liyuan-pack given as $1 (after a pack format change).
# The files have no .lypak extension: .gitignore skips *.lypak.
# valid-*: packs as written; resealed-*: the same with the first byte odd, which the fuzz entry takes as "recompute
# the checksums first", so mutations of those reach the structural checks.
set -e
pack=$1
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../pack_reader_corpus"
mkdir -p "$out"
for target in desktop mobile rgba8; do
  "$pack" pack "$here/tetra.obj" -o "$out/valid-model-$target" --target "$target" -q
done
"$pack" pack "$here/exhibition.yaml" -o "$out/valid-exhibition" --no-cache -q
for name in model-desktop exhibition; do
  { printf 'M'; tail -c +2 "$out/valid-$name"; } > "$out/resealed-$name"
done
ls -l "$out"
