#!/usr/bin/env bash
# Takes the user guide's screenshots from the real app under Xvfb, on the demo workspace, with a clean
# home folder. Needs xvfb, xdotool and imagemagick. Look at every picture before committing it.
# usage: docs/bilder/screenshots.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
app="$build/app/vorlagenwerk"
cli="$build/app/cli/vorlagenwerk-cli"
[[ -x $app ]] || { echo "build the app first: $app" >&2; exit 1; }
[[ -x $cli ]] || { echo "build the command-line program first: $cli" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_RUNTIME_DIR="$tmp/run"
export VW_SKIP_FIRST_START=1 # no welcome dialog over the window
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM

xvfb-run -a -s "-screen 0 1400x900x24" bash -s "$app" "$cli" "$here" "$tmp" <<'INNER'
set -euo pipefail
app=$1 cli=$2 out=$3 tmp=$4
pid=
finish() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null
    # For the one who adjusts the clicks below: the whole screens, kept.
    [[ -n ${VW_SCREENSHOTS_KEEP:-} ]] && cp "$tmp"/*.png "$VW_SCREENSHOTS_KEEP"/
    return 0
}
trap finish EXIT

# Starts the app and places its window on the whole screen (there is no window manager under Xvfb).
start() {
    # The size from the first layout on: the splitters then divide the width the same way every time.
    "$app" -qwindowgeometry 1400x900+0+0 "$@" >"$tmp/app.log" 2>&1 &
    pid=$!
    win=
    for _ in $(seq 50); do
        win=$(xdotool search --onlyvisible --name 'Vorlagenwerk' 2>/dev/null | head -n 1 || true)
        [[ -n $win ]] && break
        sleep 0.2
    done
    [[ -n $win ]] || { cat "$tmp/app.log"; echo "no window" >&2; exit 1; }
    xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900 windowfocus "$win"
    sleep 3 # the preview renders off the UI thread
}
stop() {
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
}
# The first visible window whose title matches, waiting for it to appear.
window() {
    local id=
    for _ in $(seq 25); do
        id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 || true)
        [[ -n $id ]] && break
        sleep 0.2
    done
    [[ -n $id ]] || { echo "no window „$1“" >&2; exit 1; }
    echo "$id"
}
# Drags a splitter handle sideways, from x to x, at the height y.
drag() { # drag FROM TO Y
    xdotool mousemove "$1" "$3" mousedown 1
    local x
    for x in $(seq "$1" $(( $2 > $1 ? 20 : -20 )) "$2") "$2"; do xdotool mousemove "$x" "$3"; sleep 0.05; done
    xdotool mouseup 1
    sleep 0.5
}
# Writes a picture small enough for the guide: 256 colours are plenty for a screenshot of widgets.
save() { # save SOURCE NAME [CROP]
    convert "$1" ${3:+-crop "$3" +repage} -strip +dither -colors 256 "PNG8:$out/$2"
}

# --- The first start creates the demo workspace; Vorlage 2 is the Beschlussvorlage. ---
start --open 2
# The default widths leave the editor too narrow beside the comments; a narrower list gives it room,
# as a user would drag it. (Not the preview: some widths of it keep the app busy for a long time.)
drag 282 150 500
sleep 1
import -window root "$tmp/main.png"
save "$tmp/main.png" hauptfenster.png
# The header, from the editor column.
save "$tmp/main.png" kopf.png 560x420+153+60
xdotool key --window "$win" F9
sleep 1
# Select the VPN capacity: its history and the Vorlagen quoting it show beside the table.
xdotool mousemove 100 825 click 1
sleep 1
import -window root "$tmp/figures.png"
save "$tmp/figures.png" zahlen.png
stop

# --- Review and publication: the workspace is prepared on the command line, as a reviewer would. ---
# Who works here: the name stands at every reply, decision and version made without --author.
mkdir -p "$XDG_CONFIG_HOME/Unknown Organization"
printf '[profile]\nname=Jana Peters\nressort=kinder-bildung\nrole=sachbearbeitung\n[publish]\nlastFolder=/home/jpeters/Dokumente/Informationsregister\n' \
    >"$XDG_CONFIG_HOME/Unknown Organization/vorlagenwerk.conf"
vw() { "$cli" "$@" >/dev/null 2>>"$tmp/cli.log"; }
reviewer="Dr. Malte Krüger"
# Vorlage 2: the Beteiligung, a first version, then comments and suggestions.
vw beteiligung 2 add finanzen --state zugestimmt --date 10.11.2020
vw beteiligung 2 add Senatskanzlei --state zugestimmt --date 11.11.2020
vw beteiligung 2 add "Magistrat Bremerhaven" --state massgabe --date 11.11.2020 \
    --text "Auslieferung in Bremerhaven nicht vor Mai 2021"
vw beteiligung 2 add Gesamtpersonalrat --state einwaende --date 12.11.2020 \
    --text "Bis zur Auslieferung muss die Nutzung privater Geräte ausdrücklich freiwillig bleiben."
vw beteiligung 2 add "Landesbeauftragte für Datenschutz und Informationsfreiheit" --state angefragt --date 12.11.2020
vw beteiligung 2 propose
vw version 2 --name "Erster Entwurf"
vw annotate 2 --section A --quote "privaten Geräten" --author "$reviewer" \
    --comment "Wissen wir, wie viele Lehrkräfte heute private Geräte nutzen? Eine Zahl würde das Problem greifbarer machen."
vw reply 1 --text "Laut einer Umfrage vom Oktober 2020 sind es 87 Prozent. Ich ergänze das."
vw annotate 2 --section B --quote "Tastatur und Stift" --author "$reviewer" --suggest "Tastatur, Stift und Schutzhülle"
vw annotate 2 --section C --quote "wurde geprüft" --author "Petra Lange" \
    --comment "Bitte in einem Satz begründen, warum eine Entschädigung nicht reicht."
cat >"$tmp/c.txt" <<'TEXT'
Eine Entschädigung für die Nutzung privater Geräte wurde geprüft. Sie löst die Datenschutzfragen nicht, ist auf Dauer teurer und wird deshalb nicht vorgeschlagen.
TEXT
vw section 2 C --text-file "$tmp/c.txt"
vw resolve 3
vw annotate 2 --section D --quote "zwei befristete Stellen" --author "$reviewer" --suggest "drei befristete Stellen"
vw accept 4
vw status 2 in-abstimmung
# Vorlage 1: decided, with a telephone number and a name that must not be published in C.
vw annotate 1 --section B --quote "wie folgt zu beantworten" --author "$reviewer" \
    --comment "Sind die Zahlen in den Antworten noch auf dem Stand vom April?"
cat >"$tmp/c.txt" <<'TEXT'
Alternativen werden nicht vorgeschlagen. Rückfragen beantwortet Herr Jonas Beispielmann, Telefon 0421 361-12345.
TEXT
vw section 1 C --text-file "$tmp/c.txt"
vw protected add "Jonas Beispielmann"
vw status 1 in-abstimmung
vw status 1 beschlussreif
vw status 1 beschlossen --session-date 12.05.2020 --outcome unveraendert
vw resolve 5 # replying and resolving stay possible after the decision

start --open 2
# Without the preview, and in a narrower window, the text and the comments beside it are legible in
# the guide's reading width.
xdotool key --window "$win" F8
xdotool windowsize "$win" 1150 900
sleep 1
# The list of Vorlagen narrower, by its splitter handle.
drag 322 200 500
# A click on a comment marks its words in the text.
xdotool mousemove 1020 204 click 1
sleep 1
import -window root "$tmp/review.png"
save "$tmp/review.png" kommentare.png 944x788+205+84

# The warning in the problem list leads to the Beteiligung; scroll on the margin, never over a field
# (the wheel would change a state or a date).
xdotool windowsize "$win" 1400 900
sleep 1
xdotool mousemove 600 812 click 1
sleep 1
xdotool mousemove 1013 400 # on the page's scroll bar
for _ in $(seq 9); do xdotool click 5; sleep 0.1; done
sleep 0.5
xdotool mousemove 327 460 click 1 # the Gesamtpersonalrat, with its objection
sleep 0.5
import -window root "$tmp/beteiligung.png"
save "$tmp/beteiligung.png" beteiligung.png 734x518+258+227

# Versions: the first version compared with the current state.
xdotool mousemove 1240 140 click 1
xdotool key ctrl+shift+v # XTEST: the modifiers are released again, unlike with --window
dialog=$(window '^Versionen')
xdotool windowsize "$dialog" 900 470
sleep 0.5
xdotool mousemove --window "$dialog" 300 123 click 1 # „Erster Entwurf“
sleep 0.5
import -window "$dialog" "$tmp/versions.png"
save "$tmp/versions.png" versionen.png
xdotool mousemove --window "$dialog" 840 319 click 1 # Vergleichen …
comparison=$(window '^Vergleich')
xdotool windowsize "$comparison" 900 420
sleep 1
import -window "$comparison" "$tmp/comparison.png"
save "$tmp/comparison.png" vergleich.png
xdotool key Escape
sleep 0.5
xdotool key Escape
sleep 0.5

# Vorlage 1, decided: the banner above the editor.
xdotool windowsize "$win" 1150 900
xdotool mousemove 100 144 click 1
sleep 2
import -window root "$tmp/decided.png"
save "$tmp/decided.png" beschlossen.png 944x225+205+86

# Veröffentlichung → Veröffentlichen…: two places to confirm, one of them ticked.
xdotool mousemove 365 8 click 1
sleep 0.7
xdotool mousemove 390 29 click 1
dialog=$(window '^Vorlage veröffentlichen')
sleep 1
xdotool windowsize "$dialog" 620 540
sleep 0.5
xdotool mousemove --window "$dialog" 62 224 click 1 # the first place: „geprüft“
sleep 0.5
import -window "$dialog" "$tmp/publish.png"
save "$tmp/publish.png" veroeffentlichen.png
INNER
ls -l "$here"/*.png
