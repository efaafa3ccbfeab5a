#!/bin/sh
# Synthesises the narration of an exhibition: every caption string (keys starting with "caption.") of every locale
# in a string table, spoken by espeak-ng (Debian package espeak-ng), one WAV per key:
#   OUT_DIR/<locale>/<key>.wav
# Usage: tools/narration/synthesise.sh [STRINGS_YAML] [OUT_DIR]
#   defaults: scenes/tang-palace/strings.yaml and content/narration
# Deterministic: fixed voice, speed, pitch, amplitude and word gap per locale, no random variation, so the same
# strings give the same bytes. The string table must use the plain form the bundled one uses: a top-level
# "locale:" line, then "  key: text" lines (text optionally in double quotes) — no multi-line values.
set -eu

strings=${1:-scenes/tang-palace/strings.yaml}
out=${2:-content/narration}

if ! command -v espeak-ng >/dev/null 2>&1; then
  echo "synthesise.sh: espeak-ng is not installed (Debian package espeak-ng)" >&2
  exit 1
fi
if [ ! -f "$strings" ]; then
  echo "synthesise.sh: $strings: no such string table" >&2
  exit 1
fi

# The espeak-ng voice for a locale tag; empty when none fits.
voice_for() {
  case "$1" in
    zh-Hans|zh|zh-CN) echo cmn ;;
    en|en-GB) echo en-gb ;;
    en-US) echo en-us ;;
    ja|ja-JP) echo ja ;;
    *) echo "" ;;
  esac
}

count=0
# Emit "locale<TAB>key<TAB>text" for every caption string.
awk '
  /^[^ #][^:]*:[ \t]*$/ { locale = $0; sub(/:[ \t]*$/, "", locale); next }
  /^  caption\.[^:]*:/ {
    line = $0; sub(/^  /, "", line)
    key = line; sub(/:.*/, "", key)
    text = line; sub(/^[^:]*:[ \t]*/, "", text)
    if (text ~ /^".*"$/) { text = substr(text, 2, length(text) - 2); gsub(/\\"/, "\"", text) }
    printf "%s\t%s\t%s\n", locale, key, text
  }
' "$strings" > "${TMPDIR:-/tmp}/liyuan-narration.$$"

while IFS="$(printf '\t')" read -r locale key text; do
  voice=$(voice_for "$locale")
  if [ -z "$voice" ]; then
    echo "synthesise.sh: $strings: no espeak-ng voice for locale '$locale'; skipped $key" >&2
    continue
  fi
  mkdir -p "$out/$locale"
  printf '%s' "$text" | espeak-ng -v "$voice" -s 145 -p 45 -a 120 -g 2 -w "$out/$locale/$key.wav"
  count=$((count + 1))
done < "${TMPDIR:-/tmp}/liyuan-narration.$$"
rm -f "${TMPDIR:-/tmp}/liyuan-narration.$$"
echo "synthesise.sh: $count narration files in $out"
