#!/usr/bin/env bash
# Analyse CORPUS on a Slurm cluster in SHARDS array tasks, then merge: the merge job starts when
# every task has ended well (afterok). usage: run.sh CORPUS OUT [SHARDS]; --wait blocks until done.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=$1
out=$2
shards=${3:-4}
mkdir -p "$out"
# The jobs run in OUT: give them absolute paths.
case "${STURING:-}" in */*) STURING=$(realpath "$STURING"); export STURING ;; esac
array=$(sbatch --parsable --array=1-"$shards" --chdir="$out" "$here/analyze.sbatch" "$(realpath "$corpus")" "$(realpath "$out")")
# If a task fails, the merge job is cancelled (not left waiting) and --wait returns an error.
sbatch --parsable --wait --dependency=afterok:"$array" --kill-on-invalid-dep=yes --chdir="$out" "$here/merge.sbatch" "$(realpath "$out")" >/dev/null
echo "merged: $out/merged/report.html"
