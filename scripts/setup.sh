#!/usr/bin/env bash
# Install everything the service and its tests need, idempotently:
#   system packages (redis-server for the store, chromium for the review-page browser tests),
#   a virtual environment in .venv with the project installed in editable mode.
# Re-running is cheap: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ "${MODERATION_SKIP_BROWSER:-0}" != "1" ]; then
    command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing system packages: ${need_apt[*]}"
    $SUDO apt-get update -qq
    # policy-rc.d-less containers may try to start redis as a system service; we run our own.
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi

# Reinstall Python packages only when the dependency list changed.
stamp="$VENV/.moderation-installed"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing Python packages into $VENV"
    # torch first and pinned: the CPU wheel is provisioned locally; an unpinned torch
    # would pull the CUDA build from the registry.
    "$VENV/bin/pip" install -q --disable-pip-version-check "torch==2.13.0" 2>&1 | grep -v "is ignored" || true
    "$VENV/bin/pip" install -q --disable-pip-version-check -e ".[detoxify,dev]" 2>&1 | grep -v "is ignored" || true
    "$VENV/bin/python" -c "import moderation, torch, detoxify, rq, flask" >/dev/null
    echo "$want" > "$stamp"
fi
echo "setup: ready ($VENV)"
