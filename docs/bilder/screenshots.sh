#!/usr/bin/env bash
# Takes the user guide's screenshots from the real app under Xvfb, on the demo workspace, with a clean
# home folder. Needs xvfb, xdotool and imagemagick. Look at every picture before committing it.
# usage: docs/bilder/screenshots.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
app="$build/app/vorlagenwerk"
[[ -x $app ]] || { echo "build the app first: $app" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM

xvfb-run -a -s "-screen 0 1400x900x24" bash -s "$app" "$here" "$tmp" <<'INNER'
set -euo pipefail
app=$1 out=$2 tmp=$3
# The first start creates the demo workspace; Vorlage 2 is the Beschlussvorlage.
"$app" --open 2 >"$tmp/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    win=$(xdotool search --onlyvisible --name 'Vorlagenwerk' 2>/dev/null | head -n 1 || true)
    [[ -n $win ]] && break
    sleep 0.2
done
[[ -n $win ]] || { cat "$tmp/app.log"; echo "no window" >&2; exit 1; }
# No window manager under Xvfb: place the window on the whole screen by hand.
xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900 windowfocus "$win"
sleep 3 # the preview renders off the UI thread
import -window root "$out/hauptfenster.png"
# The header, from the editor column.
convert "$out/hauptfenster.png" -crop 716x420+282+60 +repage "$out/kopf.png"
xdotool key --window "$win" F9
sleep 1
# Select the VPN capacity: its history and the Vorlagen quoting it show beside the table.
xdotool mousemove 100 825 click 1
sleep 1
import -window root "$out/zahlen.png"
INNER
ls -l "$here"/*.png
