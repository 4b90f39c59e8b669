#!/usr/bin/env bash
# Editor speed on a 50-page Vorlage (see bench/editorbench.cpp). Usage: bench/editor-speed.sh [BUILD_DIR]
set -euo pipefail
build=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" XDG_RUNTIME_DIR="$work" \
    VW_SKIP_FIRST_START=1 "$build/bench/vw_bench_editor"
