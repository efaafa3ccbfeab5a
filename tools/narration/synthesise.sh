#!/bin/sh
# Synthesises the narration of an exhibition: every caption string (keys starting with "caption.") of every locale
# in a string table, spoken by espeak-ng (Debian package espeak-ng) and encoded by ffmpeg to Ogg Opus, one file per
# key:   OUT_DIR/<locale>/<key>.opus
# Usage: tools/narration/synthesise.sh [STRINGS_YAML] [OUT_DIR]
#   defaults: scenes/tang-palace/strings.yaml and scenes/tang-palace/sounds/narration
# Readings: when a file readings.yaml sits beside STRINGS_YAML, a caption it has a reading for (same locale, same key)
# is spoken from the reading instead of the shown text (kana for Japanese: espeak-ng spells kanji one by one).
# Deterministic: fixed voice, speed, pitch, amplitude and word gap per locale, no random variation, and a bit-exact
# encoder without metadata, so the same strings give the same bytes. Both tables must use the plain form the bundled
# ones use: a top-level "locale:" line, then "  key: text" lines (text optionally in double quotes), one line each.
set -eu

strings=${1:-scenes/tang-palace/strings.yaml}
out=${2:-scenes/tang-palace/sounds/narration}
readings="$(dirname "$strings")/readings.yaml"

for tool in espeak-ng ffmpeg; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "synthesise.sh: $tool is not installed (Debian package $tool)" >&2
    exit 1
  fi
done
if [ ! -f "$strings" ]; then
  echo "synthesise.sh: $strings: no such string table" >&2
  exit 1
fi

# The espeak-ng voice and speed (words a minute; for Mandarin, syllables) for a locale tag; empty when none fits.
# The speeds give each locale's captions about the same length, a natural pace for each voice.
voice_for() {
  case "$1" in
    zh-Hans|zh|zh-CN) echo "cmn 230" ;;
    en|en-GB) echo "en-gb 165" ;;
    en-US) echo "en-us 165" ;;
    ja|ja-JP) echo "ja 190" ;;
    *) echo "" ;;
  esac
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liyuan-narration.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Prints "locale<TAB>key<TAB>text" for every caption string of the plain-form table $1.
captions_of() {
  awk '
    /^[^ #][^:]*:[ \t]*$/ { locale = $0; sub(/:[ \t]*$/, "", locale); next }
    /^  caption\.[^:]*:/ {
      line = $0; sub(/^  /, "", line)
      key = line; sub(/:.*/, "", key)
      text = line; sub(/^[^:]*:[ \t]*/, "", text)
      if (text ~ /^".*"$/) { text = substr(text, 2, length(text) - 2); gsub(/\\"/, "\"", text) }
      printf "%s\t%s\t%s\n", locale, key, text
    }
  ' "$1"
}

captions_of "$strings" > "$tmp/captions"
: > "$tmp/readings"
if [ -f "$readings" ]; then captions_of "$readings" > "$tmp/readings"; fi

count=0
tab="$(printf '\t')"
while IFS="$tab" read -r locale key text; do
  set -- $(voice_for "$locale")
  if [ $# -eq 0 ]; then
    echo "synthesise.sh: $strings: no espeak-ng voice for locale '$locale'; skipped $key" >&2
    continue
  fi
  voice=$1 speed=$2
  reading=$(awk -F "$tab" -v l="$locale" -v k="$key" '$1 == l && $2 == k { print $3; exit }' "$tmp/readings")
  if [ -n "$reading" ]; then text=$reading; fi
  mkdir -p "$out/$locale"
  printf '%s' "$text" | espeak-ng -v "$voice" -s "$speed" -p 45 -a 120 -g 2 -w "$tmp/speech.wav"
  # Mono Opus at 24 kbit/s for speech; -bitexact and no metadata: the same samples give the same bytes.
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$tmp/speech.wav" -map_metadata -1 -fflags +bitexact \
    -flags:a +bitexact -c:a libopus -b:a 24k -application voip "$out/$locale/$key.opus"
  count=$((count + 1))
done < "$tmp/captions"
echo "synthesise.sh: $count narration files in $out"
