#!/usr/bin/env bash
# Prove the README's two commands on a fresh Debian: build a minimal root file system with
# debootstrap, copy this checkout (committed files only) and ../shared into it, and run
# `make demo` and `make test` inside a chroot, as root, with nothing else installed but `make`
# (the README's precondition). Reports each step's duration and result; exits non-zero on failure.
#
#   scripts/debootstrap_check.sh [SUITE]        SUITE: bookworm (default) or trixie
#
# Variables:
#   ROOTFS   where to build (default /var/tmp/moderation-rootfs-SUITE; reused if it exists, so a
#            second run skips debootstrap: delete it for a truly fresh run)
#   MIRROR   Debian archive URL (default: the first one in this machine's apt sources)
#   WHEELS   a folder of wheels to offer pip inside (PIP_FIND_LINKS), e.g. a local torch CPU wheel;
#            without it `make test` downloads torch==2.13.0 from PyPI (the multi-GB CUDA build)
#   TEST_ENV extra environment for `make test`, e.g. "MODERATION_SKIP_TORCH=1"
#   COMMANDS which of the two to run (default "demo test")
#   HOST_CA  a CA bundle pip inside should trust (default: this machine's, when it has one): a
#            network whose proxy re-signs TLS needs its CA, as the host's own pip does
# Needs root (debootstrap, chroot, mounts). Network: only the Debian archive and PyPI; the service
# and its tests run on loopback inside the chroot.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=${1:-bookworm}
ROOTFS=${ROOTFS:-/var/tmp/moderation-rootfs-$SUITE}
if [ -z "${MIRROR:-}" ]; then
    MIRROR=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$MIRROR" ] || MIRROR=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
[ -n "${MIRROR:-}" ] || { echo "debootstrap_check: set MIRROR to a Debian archive URL" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "debootstrap_check: run as root" >&2; exit 2; }

log() { echo "debootstrap_check: $*"; }
timed() {  # timed NAME COMMAND...: run, print NAME, seconds and exit code
    local name=$1 start rc
    shift
    start=$(date +%s)
    set +e
    "$@"
    rc=$?
    set -e
    log "$name: exit $rc after $(( $(date +%s) - start ))s"
    return $rc
}

command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }

if [ ! -x "$ROOTFS/usr/bin/make" ]; then
    log "building a minimal $SUITE root file system in $ROOTFS from $MIRROR"
    timed debootstrap debootstrap --variant=minbase --include=make "$SUITE" "$ROOTFS" "$MIRROR"
fi
# No service starts inside the chroot when a package is installed (redis-server would start its own).
printf '#!/bin/sh\nexit 101\n' > "$ROOTFS/usr/sbin/policy-rc.d"
chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# debootstrap writes no /etc/hosts; an installed system has one (the service itself does not need it).
[ -f "$ROOTFS/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$ROOTFS/etc/hosts"

rm -rf "$ROOTFS/root/work"
mkdir -p "$ROOTFS/root/work/moderation"
git archive HEAD | tar -x -C "$ROOTFS/root/work/moderation"
[ -d ../shared ] && cp -r ../shared "$ROOTFS/root/work/shared"

mounts=()
mount_in() { mkdir -p "$ROOTFS$2"; mount "${@:3}" "$1" "$ROOTFS$2"; mounts=("$ROOTFS$2" "${mounts[@]}"); }
cleanup() { for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
mount_in proc /proc -t proc
mount_in /sys /sys --bind
mount_in /dev /dev --bind
mount_in devpts /dev/pts -t devpts
mount_in tmpfs /dev/shm -t tmpfs
pip_env=()
if [ -n "${WHEELS:-}" ]; then
    mount_in "$WHEELS" /opt/host-wheels --bind -o ro
    pip_env+=("PIP_FIND_LINKS=/opt/host-wheels")
fi
HOST_CA=${HOST_CA:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$HOST_CA" ]; then
    cp "$HOST_CA" "$ROOTFS/opt/host-ca.crt"
    pip_env+=("PIP_CERT=/opt/host-ca.crt")
fi

inside() {
    chroot "$ROOTFS" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${pip_env[@]}" "$@"
}
log "inside: $(inside sh -c '. /etc/os-release; echo "$PRETTY_NAME"'); python3: $(inside sh -c 'command -v python3 || echo none')"
status=0
for command in ${COMMANDS:-demo test}; do
    case $command in
        demo) timed "make demo" inside sh -c 'cd /root/work/moderation && make demo' || status=1 ;;
        test) timed "make test" inside sh -c "cd /root/work/moderation && ${TEST_ENV:-} make test" || status=1 ;;
    esac
done
log "result: $([ $status = 0 ] && echo "passed: make ${COMMANDS:-demo test}" || echo 'FAILED')"
exit $status
