#!/usr/bin/env bash
# Export speed, whole process, median of N runs:
#   one `vorlagenwerk-cli export ID --pdf` of the reference Vorlage (2 pages), and
#   `export --all` over 100 copies of it in one process (per Vorlage);
# beside it LibreOffice headless on the same text, when soffice is installed
# (apt-get install --no-install-recommends libreoffice-writer-nogui).
# Usage: bench/export-speed.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
cli="$build/app/cli/vorlagenwerk-cli"
ref="$here/../shared/reference/senatsvorlage-homeoffice-2020-05-12.txt"
[[ -f "$ref" ]] || ref="$here/tests/data/import/fragestunde-plain.txt"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work"
chmod 700 "$work"

now() { date +%s%N; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
# time_ms CMD... : wall time of one run in milliseconds
time_ms() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1; t1=$(now); awk -v d=$((t1 - t0)) 'BEGIN {printf "%.3f\n", d / 1e6}'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

ws1="$work/one.vorlagen"
"$cli" --workspace "$ws1" init >/dev/null
id=$("$cli" --workspace "$ws1" import "$ref" 2>/dev/null | tail -n 1)
# The reference as published has no Ressort line; give it the one it came from, so that it validates.
"$cli" --workspace "$ws1" set "$id" ressorts finanzen 2>/dev/null
"$cli" --workspace "$ws1" set "$id" date 04.05.2020 2>/dev/null
pages=$(QT_QPA_PLATFORM=offscreen "$cli" --workspace "$ws1" export "$id" --pdf "$work/one.pdf" && pdfinfo "$work/one.pdf" | awk '/^Pages:/ {print $2}')

ws100="$work/hundred.vorlagen"
"$cli" --workspace "$ws100" init >/dev/null
for _ in $(seq 100); do "$cli" --workspace "$ws100" import "$ref" >/dev/null 2>&1; done
# (export --all writes every Vorlage, as the batch for a session does; it does not refuse on problems)

one=$(for _ in $(seq "$runs"); do time_ms "$cli" --workspace "$ws1" export "$id" --pdf "$work/one.pdf"; done | median)
all=$(for _ in $(seq "$runs"); do rm -rf "$work/all"; time_ms "$cli" --workspace "$ws100" export --all --out "$work/all"; done | median)
per=$(div "$all" 100)

echo "Vorlagenwerk ($pages pages, median of $runs whole-process runs on $(nproc) cores)"
echo "  export one Vorlage:        ${one} ms   (target <= 50 ms)"
echo "  export --all, 100 Vorlagen: ${all} ms = ${per} ms per Vorlage   (target <= 10 ms)"

if command -v soffice >/dev/null; then
    cp "$ref" "$work/ref.txt"
    mkdir -p "$work/lo" "$work/lo100"
    for i in $(seq 100); do cp "$ref" "$work/lo100/v$i.txt"; done
    lo1=$(for _ in $(seq "$runs"); do time_ms soffice --headless --convert-to pdf --outdir "$work/lo" "$work/ref.txt"; done | median)
    lo100=$(for _ in $(seq "$runs"); do time_ms soffice --headless --convert-to pdf --outdir "$work/lo" "$work"/lo100/*.txt; done | median)
    echo "LibreOffice headless, same text"
    echo "  one document:               ${lo1} ms"
    echo "  100 documents in one run:   ${lo100} ms = $(div "$lo100" 100) ms per document"
else
    echo "LibreOffice: soffice not installed, comparison skipped"
fi
