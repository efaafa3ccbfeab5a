#!/bin/sh
# Generates the Tang Palace's ambient sounds, deterministically, with espeak-ng and ffmpeg (Debian packages):
#   OUT_DIR/banquet-murmur.opus  a quiet stereo bed of banquet chatter (20 s, loops seamlessly)
#   OUT_DIR/court-music.opus     a plucked pentatonic phrase for the court musicians (8 s, loops seamlessly)
#   OUT_DIR/lantern-crackle.opus the soft crackle of a lantern's flame (4 s, loops)
# Usage: tools/narration/ambience.sh [OUT_DIR]   (default scenes/tang-palace/sounds)
# No randomness anywhere (pseudo-random values are hashes of the sample index) and a bit-exact encoder without
# metadata: every run gives the same bytes.
set -eu

out=${1:-scenes/tang-palace/sounds}
for tool in espeak-ng ffmpeg; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ambience.sh: $tool is not installed (Debian package $tool)" >&2
    exit 1
  fi
done
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/liyuan-ambience.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Encodes the WAV $1 to Ogg Opus $2 at $3 kbit/s, bit-exact, without metadata.
encode() {
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$1" -map_metadata -1 -fflags +bitexact -flags:a +bitexact \
    -c:a libopus -b:a "$3" "$2"
}

# --- Court music: a phrase in the D gong mode (D E F# A B), each note a plucked string: harmonics that die away
# the faster the higher they are (as in a Karplus-Strong string), with a 2 ms attack. A note's time is taken modulo
# the phrase length, so a note ringing at the end of the phrase rings on at its start: the loop has no seam.
phrase=8
notes="0:587.33 0.5:493.88 1:440 1.5:369.99 2:440 3:329.63 3.5:369.99"
notes="$notes 4:440 4.5:493.88 5:440 5.5:369.99 6:329.63 6.5:293.66"
expr=""
for note in $notes; do
  at=${note%%:*} f=${note#*:}
  u="mod(t-$at\\,$phrase)"
  harmonics="sin(2*PI*$f*$u)+0.45*exp(-3*$u)*sin(4*PI*$f*$u)"
  harmonics="$harmonics+0.2*exp(-7*$u)*sin(6*PI*$f*$u)+0.08*exp(-12*$u)*sin(8*PI*$f*$u)"
  term="(1-exp(-$u*500))*exp(-2.6*$u)*($harmonics)"
  expr="${expr:+$expr+}$term"
done
ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "aevalsrc=0.22*($expr):s=48000:d=$phrase" \
  -c:a pcm_s16le "$tmp/music.wav"
encode "$tmp/music.wav" "$out/court-music.opus" 48k

# --- Banquet murmur: six guests talking at once (espeak-ng's Mandarin voice at different pitches and speeds),
# spread across the stereo field, muffled by the hall (low-pass, a short room echo) and kept quiet. The bed is
# rendered 2 s longer than it loops and its tail is cross-faded into its head, so the loop has no seam.
bed=20
i=0
for guest in "20 175 请再斟一杯酒。今天的宴会真热闹，乐师的琵琶弹得真好。" \
             "70 160 听说西市又来了胡商，带着葡萄酒和琉璃杯。明日一起去看看吧。" \
             "35 190 这道菜是什么做的？味道真不错，比去年的宴席还要丰盛。" \
             "55 150 诗人们都在那边作诗呢，大家都说他的诗写得最好。" \
             "45 180 宫灯都点亮了，真漂亮。你看那边的屏风，画的是什么？" \
             "60 170 来来来，我们为圣上干一杯。愿天下太平，五谷丰登。"; do
  set -- $guest
  printf '%s %s %s' "$3" "$3" "$3" | espeak-ng -v cmn -p "$1" -s "$2" -a 100 -g 6 -w "$tmp/guest$i.wav"
  i=$((i + 1))
done
# Each guest starts at a different moment and sits at a different place from left to right.
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -i "$tmp/guest0.wav" -i "$tmp/guest1.wav" -i "$tmp/guest2.wav" -i "$tmp/guest3.wav" -i "$tmp/guest4.wav" \
  -i "$tmp/guest5.wav" -filter_complex "
    [0]aresample=48000,adelay=0,pan=stereo|c0=0.9*c0|c1=0.3*c0[g0];
    [1]aresample=48000,adelay=1300,pan=stereo|c0=0.3*c0|c1=0.9*c0[g1];
    [2]aresample=48000,adelay=2700,pan=stereo|c0=0.7*c0|c1=0.5*c0[g2];
    [3]aresample=48000,adelay=600,pan=stereo|c0=0.5*c0|c1=0.7*c0[g3];
    [4]aresample=48000,adelay=3900,pan=stereo|c0=0.8*c0|c1=0.4*c0[g4];
    [5]aresample=48000,adelay=2000,pan=stereo|c0=0.4*c0|c1=0.8*c0[g5];
    [g0][g1][g2][g3][g4][g5]amix=inputs=6:normalize=0:duration=longest,
      lowpass=f=1100,aecho=0.8:0.6:37|61:0.35|0.25,volume=0.16,atrim=0:$((bed + 2))[mix];
    [mix]asplit[a][b];
    [a]atrim=0:$bed,afade=t=in:d=2:curve=qsin[head];
    [b]atrim=$bed:$((bed + 2)),asetpts=PTS-STARTPTS,afade=t=out:d=2:curve=qsin,apad=whole_dur=$bed[tail];
    [head][tail]amix=inputs=2:normalize=0:duration=first[out]" \
  -map "[out]" -c:a pcm_s16le "$tmp/murmur.wav"
encode "$tmp/murmur.wav" "$out/banquet-murmur.opus" 32k

# --- Lantern crackle: in each 1/30 s slot a hash of the slot decides whether the flame pops (one slot in eight);
# a pop is a burst of hashed noise dying away within a few milliseconds, through a band-pass, very quiet.
hash_slot="mod(abs(sin(floor(t*30)*12.9898)*43758.5453)\\,1)"
noise="(2*mod(abs(sin(n*78.233)*43758.5453)\\,1)-1)"
ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi \
  -i "aevalsrc=0.5*gt($hash_slot\\,0.875)*exp(-mod(t\\,1/30)*260)*$noise:s=48000:d=4" \
  -af "bandpass=f=2500:width_type=h:w=3000" -c:a pcm_s16le "$tmp/crackle.wav"
encode "$tmp/crackle.wav" "$out/lantern-crackle.opus" 24k

echo "ambience.sh: 3 sounds in $out"
