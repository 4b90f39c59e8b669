#!/usr/bin/env bash
# Review and publication of a 50-page Vorlage with 200 comments (see bench/reviewbench.cpp).
# Usage: bench/review-speed.sh [BUILD_DIR]
set -euo pipefail
build=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" XDG_RUNTIME_DIR="$work" TMPDIR="$work" \
    "$build/bench/vw_bench_review"
