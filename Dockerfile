# One image, two roles: `web` (gunicorn) and `worker` (RQ), chosen by the entrypoint's first argument.
#
#   docker build -t moderation .                                      # linear model only, no torch
#   docker build -t moderation --build-arg DETOXIFY_WEIGHTS=multilingual .   # bake detoxify weights
#   docker run -e MODERATION_REDIS_URL=redis://... -e MODERATION_WEBHOOK_SECRET=... moderation web
#
# Not built in our CI (no Docker engine on the build machines); see docs/service.md.
FROM python:3.11-slim

# none | original | unbiased | multilingual | original-small | unbiased-small
ARG DETOXIFY_WEIGHTS=none

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MODERATION_DATA_DIR=/var/lib/moderation \
    MODERATION_CONFIG_DIR=/app/config

WORKDIR /app
COPY pyproject.toml README.md ./
COPY moderation ./moderation
COPY workers ./workers
COPY config ./config
COPY scripts ./scripts

# `pip install .` puts the package in site-packages, away from config/: MODERATION_CONFIG_DIR
# (above) points the settings at /app/config, where moderators' lexicons and the policy live.
# The web role never imports torch, so the default image leaves it out. With detoxify weights,
# torch comes from the CPU wheel index (the default index would pull several GB of CUDA).
RUN if [ "$DETOXIFY_WEIGHTS" = "none" ]; then \
        pip install . ; \
    else \
        pip install --extra-index-url https://download.pytorch.org/whl/cpu "torch==2.13.0" \
        && pip install ".[detoxify]" \
        && mkdir -p /opt/detoxify \
        && python scripts/provision_detoxify.py /opt/detoxify --model-type "$DETOXIFY_WEIGHTS" > /opt/detoxify/env.tmp \
        && mv /opt/detoxify/env.tmp /opt/detoxify/env ; \
    fi

RUN useradd --system --home-dir /var/lib/moderation --create-home moderation
COPY docker/entrypoint.sh /usr/local/bin/moderation-entrypoint
RUN chmod 0755 /usr/local/bin/moderation-entrypoint
USER moderation

EXPOSE 8000
ENTRYPOINT ["moderation-entrypoint"]
CMD ["web"]
