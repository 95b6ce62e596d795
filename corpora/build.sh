#!/bin/sh
# The main job on the bundled corpus: build the memory from corpora/, align the seed (its
# English release with its Chinese banner), export the memory, validate what was written, and
# look terms up; then propose term pairs from the seed, export the glossary and check the seed
# release against it; last, analyse and pretranslate a follow-up release (corpora/release-2).
# Output goes to out/ (ignored by git).
set -eu
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/seed.db out/seed.db-wal out/seed.db-shm
export TM_MEMORY=out/seed.db
tm import corpora/seed/seed.tmx
tm align seeds/000_5a0f6029a40198bd.txt -o out/seed-aligned.tmx
# The release with our Chinese rendering of it (corpora/seed/release.zh.txt), into the memory.
tm align corpora/seed/release.en.txt corpora/seed/release.zh.txt --into-memory \
  -o out/release-aligned.tmx
tm stats
tm export -o out/seed-export.tmx
tm validate out/seed-export.tmx out/seed-aligned.tmx out/release-aligned.tmx
tm lookup 绿电交通
tm lookup "Chongqing Expressway Group"
# Terminology: the pairs the seed holds, and the approved glossary as TBX-Basic and TMX
# (corpora/seed/glossary.* were written by these two commands).
tm terms extract seeds/000_5a0f6029a40198bd.txt --top 10
tm terms export -o out/glossary.tbx
tm terms export -o out/glossary.tmx
# Consistency checks: the seed and the release pair are clean against the approved glossary.
tm check seeds/000_5a0f6029a40198bd.txt --glossary corpora/seed/glossary.tbx
tm check corpora/seed/release.en.txt corpora/seed/release.zh.txt
# Captions (corpora/captions/, tm/captions/): the signing ceremony's English track with its
# Simplified and Traditional Chinese tracks, timed differently; aligned into the memory as
# sentences (either track first), and checked against each language's Netflix profile.
tm align corpora/captions/ceremony.en.vtt corpora/captions/ceremony.zh-Hans.srt --into-memory \
  -o out/captions-zh-Hans.tmx
tm align corpora/captions/ceremony.zh-Hant.vtt corpora/captions/ceremony.en.vtt --into-memory \
  -o out/captions-zh-Hant.tmx
tm validate out/captions-zh-Hans.tmx out/captions-zh-Hant.tmx
tm align corpora/captions/ceremony.en.vtt corpora/captions/ceremony.zh-Hans.srt \
  --gold corpora/captions/gold/en-zh-Hans.beads
tm align corpora/captions/ceremony.en.vtt corpora/captions/ceremony.zh-Hant.vtt \
  --gold corpora/captions/gold/en-zh-Hant.beads
tm check corpora/captions/ceremony.en.vtt corpora/captions/ceremony.zh-Hans.srt
tm check corpora/captions/ceremony.zh-Hant.vtt corpora/captions/ceremony.en.vtt
# Reuse: how much of a follow-up release the memory already holds, and its pretranslation
# (TMX with each match's score, and the caption track with its cue ids, settings and notes).
tm analyze corpora/release-2/release.en.txt corpora/release-2/launch.en.vtt
tm pretranslate corpora/release-2/release.en.txt -o out/release-2.zh.tmx
tm pretranslate corpora/release-2/launch.en.vtt -o out/launch.zh.vtt
tm validate out/release-2.zh.tmx
