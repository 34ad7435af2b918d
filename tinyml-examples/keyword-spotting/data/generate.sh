#!/usr/bin/env bash
# Regenerates the keyword-spotting clips in this directory with espeak-ng and SoX.
#
#   sudo apt-get install espeak-ng sox      # Debian/Ubuntu
#   tinyml-examples/keyword-spotting/data/generate.sh
#
# Every clip is 1 s of 16 kHz, 16-bit, mono PCM. The parameters of each clip (voice, speed,
# pitch, loudness, position in the second) come from its index by fixed arithmetic, so the
# output is the same on every run with the same espeak-ng and SoX versions; no random numbers.
# Background noise is NOT mixed into the word clips: the trainer mixes the noise clips of
# silence/ into them at training time, the way the Speech Commands recipe does.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
command -v espeak-ng >/dev/null || { echo "espeak-ng not found: apt-get install espeak-ng" >&2; exit 1; }
command -v sox >/dev/null || { echo "sox not found: apt-get install sox" >&2; exit 1; }

per_word_class=50          # clips of "yes" and of "no"
per_unknown_word=5         # clips of each word of the unknown class
silence_clips=12

voices=(en-us en-gb en-gb-x-rp en-gb-scotland en-gb-x-gbclan en-gb-x-gbcwmd en-029 en-us-nyc)
variants=(m1 m2 m3 m4 m5 m6 m7 f1 f2 f3 f4 f5 klatt klatt2 Alex Andy Annie Denis edward grandma Lee Mike)
unknown_words=(up down left right go stop on off bed bird cat dog happy house marvin sheila tree wow three six)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# make_clip WORD INDEX OUT: synthesises WORD with the voice settings of INDEX into OUT.
make_clip() {
  local word="$1" i="$2" out="$3"
  local voice="${voices[$((i % ${#voices[@]}))]}"
  local variant="${variants[$(((i * 7 + i / ${#voices[@]}) % ${#variants[@]}))]}"
  local speed=$((125 + (i * 37) % 70))      # words per minute, 125..194
  local pitch=$((20 + (i * 53) % 60))       # espeak pitch 20..79
  local gain=$((2 + (i * 5) % 13))          # peak at -2..-14 dBFS
  espeak-ng -v "${voice}+${variant}" -s "$speed" -p "$pitch" -w "$tmp/raw.wav" "$word"
  # Resample, cut leading and trailing silence, set the peak level.
  sox "$tmp/raw.wav" -r 16000 -b 16 -c 1 "$tmp/word.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse norm "-$gain"
  local len
  len="$(soxi -s "$tmp/word.wav")"
  if ((len > 15000)); then
    sox "$tmp/word.wav" "$tmp/fit.wav" tempo "$(awk -v l="$len" 'BEGIN { printf "%.3f", l / 15000 }')"
    mv "$tmp/fit.wav" "$tmp/word.wav"
    len="$(soxi -s "$tmp/word.wav")"
  fi
  # Place the word at an offset inside the second and pad it to exactly 16000 samples.
  local room=$((16000 - len))
  local start=$(((i * 2654435761 % 1000) * room / 1000))
  sox "$tmp/word.wav" "$out" pad "${start}s" "$((room - start))s"
}

rm -rf "$here/yes" "$here/no" "$here/unknown" "$here/silence"
mkdir -p "$here/yes" "$here/no" "$here/unknown" "$here/silence"

for ((i = 0; i < per_word_class; i++)); do
  make_clip yes "$i" "$here/yes/yes_$(printf %03d "$i").wav"
  make_clip no "$((i + 1000))" "$here/no/no_$(printf %03d "$i").wav"
done

n=0
for word in "${unknown_words[@]}"; do
  for ((k = 0; k < per_unknown_word; k++)); do
    make_clip "$word" "$((n + 2000))" "$here/unknown/${word}_$(printf %03d "$k").wav"
    n=$((n + 1))
  done
done

# Silence: 1 s cuts of coloured noise and mains hum at several levels. `sox -R` seeds the
# noise generator with a fixed value, so the files are reproducible.
colours=(whitenoise pinknoise brownnoise)
for ((i = 0; i < silence_clips; i++)); do
  colour="${colours[$((i % 3))]}"
  level="$(awk -v i="$i" 'BEGIN { printf "%.3f", 0.002 + (i * 37 % 100) / 1000 }')"
  if ((i % 4 == 3)); then
    sox -R -n -r 16000 -b 16 -c 1 "$here/silence/silence_$(printf %03d "$i").wav" \
      synth 1 "$colour" synth 1 sine mix 50 vol "$level"
  else
    sox -R -n -r 16000 -b 16 -c 1 "$here/silence/silence_$(printf %03d "$i").wav" \
      synth 1 "$colour" vol "$level"
  fi
done

echo "wrote $(find "$here" -name '*.wav' | wc -l) clips to $here"
