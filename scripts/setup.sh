#!/usr/bin/env bash
# Install what `make demo` or `make test` needs, idempotently, on a fresh Debian 12/13 or Ubuntu 22.04/24.04:
#
#   scripts/setup.sh demo   redis-server, Python >= 3.11 with venv, the project in .venv (no torch, no browser)
#   scripts/setup.sh test   the same, plus the test tools (dev extra), torch==2.13.0 and detoxify (the
#                           detoxify-path tests need them) and Debian's chromium for the browser tests
#   scripts/setup.sh        = test
#
# Variables: VENV (default .venv), PYTHON (default: python3, or python3.11+ when python3 is older),
#   MODERATION_SKIP_BROWSER=1   do not install chromium (the browser tests then skip, saying why)
#   MODERATION_SKIP_TORCH=1     `test` without torch/detoxify (the detoxify-path tests then skip). On
#                               machines without a local CPU wheel, torch==2.13.0 from PyPI is the
#                               multi-GB CUDA build: use this, or install the CPU wheel into the venv first.
# Every step fails loudly; a second run skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-test}
case "$MODE" in demo|test) ;; *) echo "usage: $0 [demo|test]" >&2; exit 2 ;; esac
VENV=${VENV:-.venv}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_updated=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: need the system packages $*, and this is not a Debian/Ubuntu system: install them by hand" >&2
        exit 1
    fi
    if [ "$apt_updated" = 0 ]; then
        $SUDO apt-get update -qq
        apt_updated=1
    fi
    echo "setup: installing system packages: $*"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
# A real .deb, not Ubuntu's transitional package that installs a snap (snapd does not run in containers).
apt_has() {
    [ "$apt_updated" = 1 ] || { $SUDO apt-get update -qq; apt_updated=1; }
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
    [ -n "$candidate" ] && [ "$candidate" != "(none)" ] && ! apt-cache show "$1" 2>/dev/null | grep -qi "snap"
}
py_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

# --- Python >= 3.11 with venv (Debian splits venv/ensurepip into python3-venv; Ubuntu 22.04's python3 is 3.10).
if [ -z "${PYTHON:-}" ]; then
    PYTHON=python3
    if ! command -v python3 >/dev/null 2>&1; then
        apt_install python3
    fi
    if ! py_ok python3; then
        for candidate in python3.13 python3.12 python3.11; do
            if command -v "$candidate" >/dev/null 2>&1 && py_ok "$candidate"; then PYTHON=$candidate; break; fi
        done
        if ! py_ok "$PYTHON"; then
            apt_install python3.11 python3.11-venv
            PYTHON=python3.11
        fi
    fi
fi
py_ok "$PYTHON" || { echo "setup: $PYTHON is older than Python 3.11, which this project needs" >&2; exit 1; }
if [ ! -x "$VENV/bin/python" ] && ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    if [ "$PYTHON" = python3 ]; then apt_install python3-venv; else apt_install "python$version-venv"; fi
fi

# --- System packages: Redis always; Debian's chromium for the browser tests where it exists.
need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ "$MODE" = test ] && [ "${MODERATION_SKIP_BROWSER:-0}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
    if apt_has chromium && apt_has chromium-driver; then
        need_apt+=(chromium chromium-driver)
    else
        echo "setup: no chromium .deb in this system's archive (Ubuntu ships Chromium as a snap): the browser"
        echo "setup: tests will skip, saying so. Set MODERATION_SKIP_BROWSER=1 to skip this check."
    fi
fi
[ ${#need_apt[@]} -eq 0 ] || apt_install "${need_apt[@]}"

# --- The virtual environment.
if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV with $PYTHON"
    "$PYTHON" -m venv "$VENV"
fi
extras=""
if [ "$MODE" = test ]; then
    extras="dev"
    [ "${MODERATION_SKIP_TORCH:-0}" = 1 ] || extras="detoxify,dev"
fi

# Reinstall only when pyproject.toml changed or more extras are wanted than were installed.
stamp="$VENV/.moderation-installed"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
installed_hash="" installed_extras=""
if [ -f "$stamp" ]; then read -r installed_hash installed_extras <<< "$(cat "$stamp")"; fi
covered=1
[ "$installed_hash" = "$want" ] || covered=0
for extra in ${extras//,/ }; do
    case ",$installed_extras," in *",$extra,"*) ;; *) covered=0 ;; esac
done
if [ "$covered" = 0 ]; then
    target="."
    [ -z "$extras" ] || target=".[$extras]"
    echo "setup: installing $target into $VENV"
    # (warnings about missing local index folders on some machines are noise; errors still stop us)
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$target" 2> >(grep -v "is ignored: it is neither" >&2)
    modules="moderation, rq, redis, flask, gunicorn, numpy, langdetect, selectolax, lxml"
    case ",$extras," in *,dev,*) modules="$modules, pytest, hypothesis, playwright, schemathesis, sklearn" ;; esac
    case ",$extras," in *,detoxify,*) modules="$modules, torch, detoxify, transformers" ;; esac
    "$VENV/bin/python" -c "import $modules"
    if [ "$installed_hash" = "$want" ] && [ -n "$installed_extras" ]; then
        extras=$(printf '%s\n' ${installed_extras//,/ } ${extras//,/ } | sort -u | paste -sd, -)
    fi
    echo "$want ${extras}" > "$stamp"
fi
echo "setup: ready for $MODE ($VENV)"
