#!/usr/bin/env bash
# Analyse CORPUS in SHARDS shards with GNU parallel, then merge.
# usage: run.sh CORPUS OUT [SHARDS] [parallel options...]
# On several machines that share the corpus and OUT folder (same paths), add ssh logins:
#   run.sh /data/corpus /data/out 8 --sshlogin 4/host1,4/host2 --workdir .
set -euo pipefail
corpus=$1
out=$2
shards=${3:-4}
shift $(( $# < 3 ? $# : 3 ))
sturing=${STURING:-sturing}
mkdir -p "$out"
# Exit 1 of a shard means "finished, some files failed": still merge, and exit 1 at the end.
seq 1 "$shards" | parallel --halt now,fail=1 "$@" \
  "$sturing analyze '$corpus' --out '$out/shard-{}' --shard {}/$shards --cache '$out/.cache-{}' --jobs 1 --quiet --resume || [ \$? -eq 1 ]"
shards_dirs=()
for k in $(seq 1 "$shards"); do shards_dirs+=("$out/shard-$k"); done
"$sturing" merge "${shards_dirs[@]}" --out "$out/merged" --overwrite
