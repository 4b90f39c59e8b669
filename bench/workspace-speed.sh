#!/usr/bin/env bash
# A workspace of 10,000 Vorlagen (issue #12), beside one of a single Vorlage, both made by
# vw_bench_make_workspace (bench/makeworkspace.cpp):
#   - `vorlagenwerk-cli list --json`, whole process, median of 5;
#   - the app from main() to the window shown (VW_REPORT_STARTUP=1), median of 3, under Xvfb;
#   - the app's resident memory (VmRSS, VmHWM) a few seconds after start;
#   - typing into section B of the demo Beschlussvorlage (xdotool under Xvfb, ~20 s, autosaved every
#     500 ms): CPU seconds of the app process per second of typing, 10,000 against 1;
#   - the store's part of an autosave of one paragraph of a 50-page Vorlage (bench/autosavebench.cpp);
#   - search, once `vorlagenwerk-cli search` exists: 50 varied queries, median.
# Needs xvfb (Xvfb) and xdotool. Takes about 2–3 minutes.
# Usage: bench/workspace-speed.sh [BUILD_DIR]   (default: build; configured and built when needed)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
for tool in Xvfb xdotool python3; do
    command -v "$tool" >/dev/null || { echo "workspace-speed.sh: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done
[[ -f "$build/CMakeCache.txt" ]] || cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target vorlagenwerk vorlagenwerk-cli vw_bench_make_workspace vw_bench_autosave vw_bench_search -j2 >/dev/null
app="$build/app/vorlagenwerk"
cli="$build/app/cli/vorlagenwerk-cli"

work=$(mktemp -d)
xvfb=
trap '[[ -n "$xvfb" ]] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
chmod 700 "$work"
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work" VW_SKIP_FIRST_START=1
export QT_QPA_PLATFORM=offscreen # the CLI and the tools; the app runs on the Xvfb display below

now() { date +%s%N; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
time_ms() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now); awk -v d=$((t1 - t0)) 'BEGIN {printf "%.3f\n", d / 1e6}'; }
calc() { awk "BEGIN {printf \"%.${2:-2}f\", $1}"; }
# verdict VALUE TARGET: within the target (smaller is better)?
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "ok" : "MISSED"}'; }

# ---- the workspaces ------------------------------------------------------------------------------
big="$work/big.vorlagen"
one="$work/one.vorlagen"
"$build/bench/vw_bench_make_workspace" "$big" 10000 --long >"$work/big.txt" 2>/dev/null
"$build/bench/vw_bench_make_workspace" "$one" 1 >"$work/one.txt" 2>/dev/null
open_id=$(awk '$1 == "open" {print $2}' "$work/big.txt")
long_id=$(awk '$1 == "long" {print $2}' "$work/big.txt")
[[ "$open_id" == "$(awk '$1 == "open" {print $2}' "$work/one.txt")" ]]

# ---- list --json ---------------------------------------------------------------------------------
list_ms=$(for _ in 1 2 3 4 5; do time_ms "$cli" --workspace "$big" list --json; done | median)

# ---- the app under Xvfb --------------------------------------------------------------------------
exec 5>"$work/display"
Xvfb -displayfd 5 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [[ -s "$work/display" ]] && break; sleep 0.1; done
exec 5>&-
display=":$(cat "$work/display")"

apppid=
# start_app WORKSPACE [ARGS…]: starts the app, waits until its window is shown; sets apppid
start_app() {
    local ws=$1
    shift
    : >"$work/app.err"
    env -u QT_QPA_PLATFORM DISPLAY="$display" VW_REPORT_STARTUP=1 "$app" --workspace "$ws" "$@" 2>"$work/app.err" &
    apppid=$!
    for _ in $(seq 300); do
        grep -q "window shown after" "$work/app.err" && return 0
        sleep 0.05
    done
    echo "workspace-speed.sh: the app showed no window" >&2
    cat "$work/app.err" >&2
    exit 1
}
stop_app() { kill "$apppid" 2>/dev/null; wait "$apppid" 2>/dev/null || true; }
shown_ms() { sed -n 's/.*window shown after \([0-9]*\) ms.*/\1/p' "$work/app.err" | head -n 1; }
status_kib() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$apppid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$apppid/stat"; } # utime + stime (fields after the name have no spaces)
revision() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT revision FROM vorlage WHERE id = ?", (int(sys.argv[2]),)).fetchone()[0])' "$1" "$2"; }

declare -A shown rss hwm typing saves
for ws in big one; do
    runs=()
    for run in 1 2 3; do
        start_app "$work/$ws.vorlagen"
        runs+=("$(shown_ms)")
        if [[ $run == 1 ]]; then
            sleep 3 # the preview rendered, the list filled
            rss[$ws]=$(status_kib VmRSS)
            hwm[$ws]=$(status_kib VmHWM)
        fi
        stop_app
    done
    shown[$ws]=$(printf '%s\n' "${runs[@]}" | median)
done

# Typing: the demo Beschlussvorlage opened, Ctrl+2 jumps to section B, ~20 s of text at 80 ms a key.
text="Die Senatorin berichtet der Deputation ueber den Stand der Beschaffung und die Kosten fuer das Jahr. "
text="$text$text${text:0:50}"
for ws in big one; do
    path="$work/$ws.vorlagen"
    before_revision=$(revision "$path" "$open_id")
    start_app "$path" --open "$open_id"
    sleep 3 # the first preview is made and shown
    wid=$(env DISPLAY="$display" xdotool search --onlyvisible --pid "$apppid" | head -n 1)
    env DISPLAY="$display" xdotool windowfocus --sync "$wid"
    env DISPLAY="$display" xdotool key ctrl+2
    sleep 1
    c0=$(cpu_ticks)
    t0=$(now)
    env DISPLAY="$display" xdotool type --delay 80 "$text"
    t1=$(now)
    c1=$(cpu_ticks)
    sleep 1.5 # the last autosave
    stop_app
    typing[$ws]=$(calc "($c1 - $c0) / $(getconf CLK_TCK) / (($t1 - $t0) / 1e9)" 3)
    saves[$ws]=$(($(revision "$path" "$open_id") - before_revision))
    "$cli" --workspace "$path" show "$open_id" 2>/dev/null | grep -q "Beschaffung und die Kosten fuer das Jahr" \
        || { echo "workspace-speed.sh: the typed text did not reach section B of Vorlage $open_id ($ws)" >&2; exit 1; }
done
typed_s=$(calc "${#text} * 0.08")
ratio=$(calc "${typing[big]} / ${typing[one]}")

# ---- autosave in the store -----------------------------------------------------------------------
autosave_ms=$("$build/bench/vw_bench_autosave" "$big" "$long_id" 2>/dev/null)

# ---- search (issue #12: `vorlagenwerk-cli search`, being written elsewhere) ------------------------
# Search: 50 varied queries in the store (the whole answer with snippets), and the command line as a user
# runs it (process start, open and the index check included).
queries=(Homeoffice "Homeoff*" Radverkehr "Kita-Ausbau" Hafenentwicklung Klimaschutz "Wärmepumpen" "Waermepumpen"
         Schulsanierung Digitalisierung Wohnungsbau "Straßenbahn" Strassenbahn "Pflege*" Integrationskurse
         Hochwasserschutz Stadtbibliothek Polizeireviere "Gewerbe*" Ganztagsschulen Breitbandausbau "Sportstätten"
         Krankenhausplanung "Überseestadt" "Grünflächen" "Fachkräfte*" Energieberatung Bremerhaven Vegesack
         "Gröpelingen" Hemelingen Findorff Huchting Osterholz Schwachhausen "\"mobile Arbeit\"" "\"Vorgang 4711\""
         "Lehrkräfte Tablet" "DigitalPakt" "Haushaltsmittel" "Deputation" "Fragestunde" "Datenschutz"
         "Endgeräte" "Stift" "Zusatzvereinbarung" "Bericht Radverkehr" "Konzept Klimaschutz" "Bremen-Nord" "Vorgang 9999")
read -r search_ms search_max search_hits < <("$build/bench/vw_bench_search" "$big" "${queries[@]}" 2>/dev/null)
cli_search_ms=$(for q in "${queries[@]:0:10}"; do time_ms "$cli" --workspace "$big" search "$q"; done | median)

# ---- the table -----------------------------------------------------------------------------------
mib() { calc "$1 / 1024"; }
row() { printf '  %-46s %12s   %-10s %s\n' "$@"; }
echo "Vorlagenwerk, a workspace of 10,000 Vorlagen against one of 1 ($(nproc) cores)"
row "figure" "measured" "target" ""
row "list --json on 10,000 (median of 5)" "${list_ms} ms" "<= 300 ms" "$(verdict "$list_ms" 300)"
row "window shown on 10,000 (median of 3)" "${shown[big]} ms" "<= 300 ms" "$(verdict "${shown[big]}" 300)"
row "window shown on 1" "${shown[one]} ms" "" ""
row "resident memory on 10,000 (VmRSS / VmHWM)" "$(mib "${rss[big]}") MiB" "<= 100 MiB" "$(verdict "$(mib "${hwm[big]}")" 100) (peak $(mib "${hwm[big]}") MiB)"
row "resident memory on 1 (VmRSS / VmHWM)" "$(mib "${rss[one]}") MiB" "" "(peak $(mib "${hwm[one]}") MiB)"
row "typing CPU on 10,000 (CPU s per s, ${typed_s} s)" "${typing[big]}" "" "(${saves[big]} autosaves)"
row "typing CPU on 1" "${typing[one]}" "" "(${saves[one]} autosaves)"
row "typing CPU ratio 10,000 / 1" "${ratio}" "<= 1.2" "$(verdict "$ratio" 1.2)"
row "autosave, one paragraph of 50 pages (store)" "${autosave_ms} ms" "<= 5 ms" "$(verdict "$autosave_ms" 5)"
row "search on 10,000 (median of ${#queries[@]} queries)" "${search_ms} ms" "<= 50 ms" "$(verdict "$search_ms" 50) (slowest ${search_max} ms, ${search_hits} hits)"
row "  the same with the CLI (start, open, check)" "${cli_search_ms} ms" "" "(median of 10)"
