#!/usr/bin/env bash
# Package install test: builds the .deb with CPack, installs it with apt, uses the installed programs on a
# fresh workspace, validates the installed desktop files, and removes the package again. The machine is left
# as it was, also when a step fails (trap): the package and any dependency apt pulled in are purged.
#
# usage: test-install.sh BUILD_DIR SOURCE_DIR
# Exit 0 passed, 1 failed, 77 skipped (not root, no apt, or vorlagenwerk already installed).
set -euo pipefail

build=$(cd "${1:?usage: $0 BUILD_DIR SOURCE_DIR}" && pwd)
source=$(cd "${2:?usage: $0 BUILD_DIR SOURCE_DIR}" && pwd)
skip=77

if [[ $(id -u) -ne 0 ]]; then
    echo "SKIPPED: the package install test needs root (apt-get install); run the suite as root to include it."
    exit $skip
fi
if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
    echo "SKIPPED: no apt-get/dpkg on this machine."
    exit $skip
fi
if dpkg-query -W -f='${Status}' vorlagenwerk 2>/dev/null | grep -q 'install ok installed'; then
    echo "SKIPPED: a vorlagenwerk package is installed already; the test would replace and then remove it."
    exit $skip
fi
for tool in cpack dpkg-shlibdeps pdfinfo desktop-file-validate appstreamcli timeout; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAILED: $tool is missing (scripts/quickstart.sh installs it)."
        exit 1
    fi
done

work=$(mktemp -d /tmp/vorlagenwerk-install-test.XXXXXX)
chmod 755 "$work" # apt's download user reads the .deb from here
packages_before="$work/packages-before"
dpkg-query -W -f='${Package}\n' | sort >"$packages_before"
app_pid=
apt_opts=(-y -q -o DPkg::Lock::Timeout=120)

cleanup() {
    local status=$?
    set +e
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null
    local state
    state=$(dpkg-query -W -f='${db:Status-Status}' vorlagenwerk 2>/dev/null)
    if [[ -n $state && $state != not-installed ]]; then
        echo "cleanup: purging vorlagenwerk"
        DEBIAN_FRONTEND=noninteractive apt-get purge "${apt_opts[@]}" vorlagenwerk >/dev/null
    fi
    # Dependencies apt installed for the package (only with VW_PACKAGE_TEST_DOWNLOAD=1) go again.
    local added
    added=$(comm -13 "$packages_before" <(dpkg-query -W -f='${Package}\n' | sort) | tr '\n' ' ')
    if [[ -n ${added// /} ]]; then
        echo "cleanup: purging packages the test installed: $added"
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get purge "${apt_opts[@]}" $added >/dev/null
    fi
    rm -rf "$work"
    if ((status == 0)); then
        echo "PASSED: package install test"
    else
        echo "FAILED: package install test (exit $status)"
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
    echo "FAILED: $*" >&2
    exit 1
}
step() { echo "== $*"; }

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n $version ]] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake (configure the build first)"

step "cpack -G DEB (version $version)"
(cd "$build" && cpack -G DEB -B "$work/package" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    fail "cpack could not build the package"
}
arch=$(dpkg --print-architecture)
deb="$work/package/vorlagenwerk_${version}_${arch}.deb"
[[ -f $deb ]] || fail "expected $deb; cpack wrote: $(ls "$work/package")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in libqt6sql6-sqlite qt6-qpa-plugins libqt6pdf6 libqt6core6 libqt6widgets6 libc6; do
    grep -qw -- "$dep" <<<"$depends" || fail "the package does not depend on $dep"
done

# Manual pages are checked in the package: minimal images may exclude /usr/share/man from installs.
contents=$(dpkg-deb -c "$deb")
for page in vorlagenwerk-cli.1.gz vorlagenwerk.1.gz; do
    grep -q "/usr/share/man/man1/$page\$" <<<"$contents" || fail "the package lacks the man page $page"
done

step "apt-get install $deb"
# Offline by default: the dependencies are the build's own (Qt) and are installed already. (apt's
# --no-download cannot install a local .deb, hence the simulation first.)
if [[ ${VW_PACKAGE_TEST_DOWNLOAD:-0} != 1 ]]; then
    missing=$(apt-get install -s -q "$deb" 2>/dev/null | sed -n 's/^Inst \([^ ]*\).*/\1/p' | grep -vx vorlagenwerk || true)
    [[ -z $missing ]] || fail "dependencies are not installed: ${missing//$'\n'/ } (VW_PACKAGE_TEST_DOWNLOAD=1 lets apt fetch them)"
fi
DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "$deb" >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log"
    fail "apt-get could not install the package (set VW_PACKAGE_TEST_DOWNLOAD=1 to let apt download dependencies)"
}
for f in /usr/bin/vorlagenwerk /usr/bin/vorlagenwerk-cli \
    /usr/share/applications/de.bremen.Vorlagenwerk.desktop \
    /usr/share/metainfo/de.bremen.Vorlagenwerk.metainfo.xml \
    /usr/share/mime/packages/de.bremen.Vorlagenwerk.xml \
    /usr/share/icons/hicolor/scalable/apps/de.bremen.Vorlagenwerk.svg \
    /usr/share/icons/hicolor/16x16/apps/de.bremen.Vorlagenwerk.png \
    /usr/share/icons/hicolor/256x256/apps/de.bremen.Vorlagenwerk.png; do
    [[ -f $f ]] || fail "$f is not installed"
done

# A clean user: nothing of the tester's own settings or workspaces is used or touched.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_RUNTIME_DIR="$work/runtime" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen
cd "$work"

step "vorlagenwerk-cli on a fresh workspace"
out=$(/usr/bin/vorlagenwerk-cli --version)
[[ $out == "vorlagenwerk-cli $version" ]] || fail "vorlagenwerk-cli --version printed '$out'"
/usr/bin/vorlagenwerk-cli --help | grep -q 'publish-session' || fail "vorlagenwerk-cli --help lacks the command list"
ws="$work/test.vorlagen"
/usr/bin/vorlagenwerk-cli --workspace "$ws" init || fail "init"
id=$(/usr/bin/vorlagenwerk-cli --workspace "$ws" import "$source/tests/data/import/beschlussvorlage-libreoffice.pdf" | tail -n 1) \
    || fail "vorlagenwerk-cli could not import the test Vorlage"
[[ $id =~ ^[0-9]+$ ]] || fail "import printed no id ('$id')"
/usr/bin/vorlagenwerk-cli --workspace "$ws" list | grep -q 'Leihgeräte' || fail "the imported Vorlage is not listed"
/usr/bin/vorlagenwerk-cli --workspace "$ws" export "$id" --pdf "$work/export.pdf" --force || fail "export"
pdfinfo "$work/export.pdf" >"$work/pdfinfo.txt" || fail "pdfinfo cannot read the exported PDF"
grep -Eq '^Pages: +[1-9]' "$work/pdfinfo.txt" || fail "the exported PDF has no pages"
pdftotext "$work/export.pdf" - | grep -q 'Leihgeräte' || fail "the exported PDF lacks the Vorlage's title"

step "vorlagenwerk (offscreen)"
out=$(/usr/bin/vorlagenwerk --version)
[[ $out == "vorlagenwerk $version" ]] || fail "vorlagenwerk --version printed '$out'"
# Started for real on the workspace: still running after 5 seconds is a pass, a crash or an early exit is not.
set +e
timeout 5 /usr/bin/vorlagenwerk "$ws" >"$work/app.log" 2>&1
status=$?
set -e
cat "$work/app.log"
[[ $status -eq 124 ]] || fail "vorlagenwerk ended after less than 5 seconds with status $status"
if grep -Eiq 'driver not loaded|could not (load|find) the Qt platform plugin|cannot load library' "$work/app.log"; then
    fail "a Qt plugin is missing at run time"
fi
grep -rqs "test.vorlagen" "$XDG_CONFIG_HOME" || fail "the app did not open the workspace given on its command line"

step "installed desktop integration"
desktop-file-validate /usr/share/applications/de.bremen.Vorlagenwerk.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/de.bremen.Vorlagenwerk.metainfo.xml || fail "appstreamcli validate"
if [[ -f /usr/share/mime/globs2 ]] && command -v update-mime-database >/dev/null; then
    grep -q 'application/x-vorlagenwerk-workspace:\*\.vorlagen' /usr/share/mime/globs2 \
        || fail "the MIME type is not in the shared MIME database"
fi

step "apt-get remove vorlagenwerk"
cd /
DEBIAN_FRONTEND=noninteractive apt-get remove "${apt_opts[@]}" vorlagenwerk >"$work/remove.log" 2>&1 || {
    cat "$work/remove.log"
    fail "apt-get remove"
}
for f in /usr/bin/vorlagenwerk /usr/bin/vorlagenwerk-cli /usr/share/applications/de.bremen.Vorlagenwerk.desktop; do
    [[ ! -e $f ]] || fail "$f is still there after removing the package"
done
if [[ -f /usr/share/mime/globs2 ]] && grep -q 'x-vorlagenwerk-workspace' /usr/share/mime/globs2; then
    fail "the MIME type is still registered after removing the package"
fi
