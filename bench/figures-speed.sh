#!/usr/bin/env bash
# Figures at scale: 100,000 figures, a Vorlage quoting 10,000 of them (see bench/figuresbench.cpp).
# Usage: bench/figures-speed.sh [BUILD_DIR]
set -euo pipefail
build=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" XDG_RUNTIME_DIR="$work" TMPDIR="$work" \
    "$build/bench/vw_bench_figures"
