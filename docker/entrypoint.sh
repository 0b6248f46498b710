#!/bin/sh
# Container entrypoint: `web` (gunicorn), `worker` (RQ worker), or any other command.
# Loads the detoxify settings baked in at build time (DETOXIFY_WEIGHTS), unless already set.
set -eu

if [ -f /opt/detoxify/env ] && [ -z "${MODERATION_DETOXIFY_CHECKPOINT:-}" ]; then
    set -a
    . /opt/detoxify/env
    set +a
fi

if [ -z "${MODERATION_REDIS_URL:-}" ]; then
    echo "moderation-entrypoint: set MODERATION_REDIS_URL (the image has no embedded redis-server)" >&2
    exit 2
fi

role="${1:-web}"
[ "$#" -gt 0 ] && shift
case "$role" in
    web)    exec moderation serve --host 0.0.0.0 --port "${PORT:-8000}" --workers "${WEB_WORKERS:-2}" "$@" ;;
    worker) exec moderation worker "$@" ;;
    *)      exec "$role" "$@" ;;
esac
