#!/bin/sh
# The main job on the bundled corpus: build the memory from corpora/, export it, validate the
# export, and look terms up. Output goes to out/ (ignored by git).
set -eu
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/seed.db out/seed.db-wal out/seed.db-shm
export TM_MEMORY=out/seed.db
tm import corpora/seed/seed.tmx
tm stats
tm export -o out/seed-export.tmx
tm validate out/seed-export.tmx
tm lookup 绿电交通
tm lookup "Chongqing Expressway Group"
