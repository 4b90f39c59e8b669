#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds Vorlagenwerk, then either starts the app on the
# default workspace (`run`) or runs the whole test suite (`test`). Used by README's Quick start and CI.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mode=${1:-run}
build=${VW_BUILD_DIR:-build}

packages=(
    build-essential cmake ninja-build catch2
    qt6-base-dev qt6-pdf-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite qt6-translations-l10n
    libhunspell-dev hunspell-de-de libsqlite3-dev pkgconf
    xvfb xauth poppler-utils file
    libqpdf-dev qpdf python3-jsonschema
    # The shared workspace's server (#13): the QPSQL driver, and PostgreSQL 15 for the tests' throwaway cluster.
    libqt6sql6-psql postgresql-15
    dpkg-dev desktop-file-utils appstream libxml2-utils man-db
    # The package's Recommends: the package install test installs it offline, so they must be here.
    hicolor-icon-theme shared-mime-info
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${VW_CMAKE_ARGS:-}
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
run)
    if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
        echo "No display found: starting the app under Xvfb (screenshots: import -window root shot.png)." >&2
        exec xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/vorlagenwerk"
    fi
    exec "$build/app/vorlagenwerk"
    ;;
test)
    export QT_QPA_PLATFORM=offscreen
    cd "$build"
    exec ctest --no-tests=error --output-on-failure --timeout 300
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
