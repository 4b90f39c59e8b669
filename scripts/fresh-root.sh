#!/usr/bin/env bash
# Runs a command of this project (default: the README's test command) in a clean clone of the committed
# HEAD inside a fresh, minimal Debian 12 root (debootstrap --variant=minbase: no compiler, no Qt, nothing
# installed by hand). A step that only works because this machine already has a package fails here.
# .ci/run uses it, so CI checks the install steps every time; anyone can run the same check:
#
#   bash scripts/fresh-root.sh                       # bash scripts/quickstart.sh test, in the fresh root
#   bash scripts/fresh-root.sh bash scripts/quickstart.sh run     # any other command
#
# As root (debootstrap, chroot, mount). The minimal root is made once and kept in $VW_FRESH_CACHE/base
# (default /var/tmp/fresh-debian12, the folder ../shared/tools/fresh-debian12-test uses too); every run
# works on a throwaway copy that is removed afterwards. Inside, VW_FRESH_ROOT=1 is set.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmd=("$@")
((${#cmd[@]})) || cmd=(bash scripts/quickstart.sh test)

if [[ $(id -u) -ne 0 ]]; then
    echo "fresh-root: needs root (debootstrap, chroot, mount)." >&2
    exit 2
fi
cache=${VW_FRESH_CACHE:-/var/tmp/fresh-debian12}
base=$cache/base
mkdir -p "$cache"

if ! command -v debootstrap >/dev/null; then
    echo "fresh-root: installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
fi

# The base is written under a temporary name and renamed when complete, so an interrupted debootstrap
# never leaves a half-made root that a later run would trust.
if [[ ! -f $base/.ok ]]; then
    echo "fresh-root: debootstrap a minimal Debian 12 into $base (once)"
    partial=$(mktemp -d "$cache/base.partial.XXXXXX")
    if ! debootstrap --variant=minbase --include=git,ca-certificates bookworm "$partial" >"$cache/debootstrap.log" 2>&1; then
        tail -n 20 "$cache/debootstrap.log" >&2
        rm -rf "$partial"
        echo "fresh-root: debootstrap failed (log: $cache/debootstrap.log)" >&2
        exit 1
    fi
    cp /etc/apt/sources.list.d/*.sources "$partial/etc/apt/sources.list.d/" 2>/dev/null || true
    cp /etc/apt/sources.list "$partial/etc/apt/" 2>/dev/null || true
    touch "$partial/.ok"
    rm -rf "$base"
    mv "$partial" "$base"
fi

root=$(mktemp -d "$cache/run.XXXXXX")
cleanup() {
    local status=$?
    # Deepest first: what a test left mounted (its small tmpfs), dev/shm, proc.
    grep -o " $root/[^ ]*" /proc/mounts | sort -r | while read -r mnt; do umount -l "$mnt" 2>/dev/null || true; done
    # Never remove a root whose proc is still mounted.
    if ! grep -q " $root/" /proc/mounts; then
        rm -rf "$root"
    else
        echo "fresh-root: $root still has mounts; left in place" >&2
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp -a "$base/." "$root/"
git clone -q "$here" "$root/root/project"
# Tests read the reference Vorlage from ../shared beside the project.
if [[ -d $here/../shared ]]; then
    cp -a "$here/../shared" "$root/root/shared"
fi
mount -t proc proc "$root/proc"
mkdir -p "$root/dev/shm"
mount -t tmpfs tmpfs "$root/dev/shm"

echo "fresh-root: running '${cmd[*]}' on $(git -C "$here" rev-parse --short HEAD) in a fresh Debian 12 root"
start=$(date +%s)
set +e
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    CI="${CI:-}" VW_FRESH_ROOT=1 /bin/bash -c 'cd /root/project && exec "$@"' fresh-root "${cmd[@]}"
status=$?
set -e
echo "fresh-root: exited $status after $(($(date +%s) - start)) s"
exit $status
