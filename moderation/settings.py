"""Settings shared by the web process, the workers and the command line.

Precedence, lowest first: the defaults below, then `config/moderation.toml` (if present), then
`MODERATION_*` environment variables, then explicit overrides (tests, CLI flags). Every value is
parsed strictly: a bad value stops start-up with an error naming the setting, rather than
surfacing later as a wrong decision.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "MODERATION_"


class SettingsError(ValueError):
    """A setting has a value we cannot use."""


def _default_config_dir() -> Path:
    return Path(os.environ.get("MODERATION_CONFIG_DIR", PROJECT_ROOT / "config"))


@dataclass(frozen=True)
class Settings:
    # Where our files live.
    config_dir: Path = field(default_factory=_default_config_dir)
    data_dir: Path = PROJECT_ROOT / "var"

    # Redis. None means: start our own redis-server (append-only) under data_dir.
    redis_url: str | None = None
    # fsync policy of the Redis we start ourselves (see docs/service.md, "Durability").
    redis_appendfsync: str = "everysec"

    # Intake.
    webhook_secret: str = ""
    signature_tolerance_seconds: int = 300
    max_text_chars: int = 20_000
    max_author_chars: int = 200
    max_request_bytes: int = 2 * 1024 * 1024
    max_batch_comments: int = 500
    rate_limit_per_minute: int = 6_000

    # Moderators and the platform.
    review_tokens: tuple[str, ...] = ()  # "name:token" entries name the moderator (see docs/review.md)
    review_claim_seconds: int = 300  # a moderator's claim on a held comment expires after this
    # Review page sessions (server-side, store/sessions.py): end after this long without a request,
    # and this long after sign-in whatever happens.
    review_session_idle_seconds: int = 1800
    review_session_max_seconds: int = 12 * 3600
    # Signs the review page's session cookie. Empty: derived from the webhook secret and the
    # moderator tokens (so changing a token signs everyone out); set it to rotate sessions alone.
    session_secret: str = ""
    session_cookie_secure: bool = False  # set true when the review page is served over HTTPS
    # /metrics needs no credentials: per-moderator decision counts only when set (docs/service.md).
    metrics_per_moderator: bool = False
    callback_url: str | None = None
    # Signs callbacks; empty: the webhook secret (then a captured callback passes intake's check,
    # so serve/worker warn; set it, and verify X-Moderation-Callback-Signature, see docs/service.md).
    callback_secret: str = ""
    callback_timeout_seconds: float = 5.0

    # Engine.
    scorer: str = "auto"  # auto | linear | detoxify
    detoxify_model_type: str = "multilingual"
    detoxify_checkpoint: Path | None = None
    detoxify_hf_config: Path | None = None
    detoxify_batch_size: int = 16  # texts' 512-token windows per forward pass
    linear_model_path: Path | None = None  # None: the model shipped inside the package
    policy_path: Path | None = None  # None: config_dir / "policy.toml"
    lexicon_dir: Path | None = None  # None: config_dir / "lexicons"
    targets_dir: Path | None = None  # None: config_dir / "targets" (threats and derogation rules)

    # Workers.
    worker_batch_size: int = 64
    job_retries: int = 3
    retry_backoff_seconds: int = 2  # RQ retry intervals: base, 4x base, 16x base, ... (service area)
    recovery_grace_seconds: int = 10  # a pending revision older than this with no live job is re-enqueued

    # Retention (moderation/store/retention.py): a decided, delivered comment that no moderator is
    # waiting on keeps its text and evidence this long after its last change, and its compact record
    # (outcome, times, audit trail) this long. Held comments never expire before a moderator decides.
    text_retention_days: float = 30.0
    record_retention_days: float = 365.0
    retention_sweep_seconds: int = 300  # how often one worker sweeps (a short lock picks which)

    log_level: str = "INFO"

    @property
    def resolved_policy_path(self) -> Path:
        return self.policy_path or self.config_dir / "policy.toml"

    @property
    def resolved_lexicon_dir(self) -> Path:
        return self.lexicon_dir or self.config_dir / "lexicons"

    @property
    def resolved_targets_dir(self) -> Path:
        return self.targets_dir or self.config_dir / "targets"


_CHOICES = {
    "scorer": {"auto", "linear", "detoxify"},
    "detoxify_model_type": {"original", "unbiased", "multilingual", "original-small", "unbiased-small"},
    "log_level": {"DEBUG", "INFO", "WARNING", "ERROR"},
    "redis_appendfsync": {"always", "everysec"},
}
_POSITIVE = {
    "signature_tolerance_seconds", "max_text_chars", "max_author_chars", "max_request_bytes",
    "max_batch_comments", "rate_limit_per_minute", "worker_batch_size", "callback_timeout_seconds",
    "detoxify_batch_size", "retry_backoff_seconds", "recovery_grace_seconds",
    "review_claim_seconds", "review_session_idle_seconds", "review_session_max_seconds",
    "retention_sweep_seconds",
}


def _parse(name: str, raw: Any, kind: Any) -> Any:
    """Convert one raw value (from TOML or an environment string) to the field's type."""
    text = raw.strip() if isinstance(raw, str) else raw
    try:
        if kind in ("int", int):
            if isinstance(text, bool):
                raise ValueError
            return int(text)
        if kind in ("float", float):
            return float(text)
        if kind in ("bool", bool):
            if isinstance(text, bool):
                return text
            lowered = str(text).lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError
        if "tuple" in str(kind):
            items = text if isinstance(text, (list, tuple)) else str(text).split(",")
            return tuple(item.strip() for item in items if str(item).strip())
        if "Path" in str(kind):
            return Path(text).expanduser() if text not in (None, "") else None
        if text == "" and "None" in str(kind):
            return None
        return str(text)
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name}: cannot use {raw!r} (expected {kind})") from None


def _validate(values: dict[str, Any]) -> None:
    for name, allowed in _CHOICES.items():
        if values[name] not in allowed:
            raise SettingsError(f"setting {name}: {values[name]!r} is not one of {sorted(allowed)}")
    for name in _POSITIVE:
        if values[name] <= 0:
            raise SettingsError(f"setting {name}: must be positive, got {values[name]!r}")
    for name in ("text_retention_days", "record_retention_days"):
        if values[name] < 0:
            raise SettingsError(f"setting {name}: must be zero or more, got {values[name]!r}")
    if values["record_retention_days"] < values["text_retention_days"]:
        raise SettingsError("setting record_retention_days: must be at least text_retention_days "
                            f"({values['record_retention_days']!r} < {values['text_retention_days']!r})")
    if values["job_retries"] < 0:
        raise SettingsError("setting job_retries: must be zero or more")
    url = values["redis_url"]
    if url is not None and not url.startswith(("redis://", "rediss://", "unix://")):
        raise SettingsError(f"setting redis_url: {url!r} is not a redis:// URL")
    callback = values["callback_url"]
    if callback is not None and not callback.startswith(("http://", "https://")):
        raise SettingsError(f"setting callback_url: {callback!r} is not an http(s) URL")


def load_settings(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from defaults, config/moderation.toml, MODERATION_* variables and overrides."""
    environ = os.environ if environ is None else environ
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    defaults = Settings()
    values = {name: getattr(defaults, name) for name in fields}
    if "MODERATION_CONFIG_DIR" in environ:
        values["config_dir"] = Path(environ["MODERATION_CONFIG_DIR"])

    layers: list[tuple[str, Mapping[str, Any]]] = []
    config_file = Path(values["config_dir"]) / "moderation.toml"
    if config_file.is_file():
        try:
            layers.append((str(config_file), tomllib.loads(config_file.read_text("utf-8"))))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{config_file}: {exc}") from None
    layers.append(("environment", {
        key[len(ENV_PREFIX):].lower(): value for key, value in environ.items() if key.startswith(ENV_PREFIX)
    }))
    layers.append(("overrides", dict(overrides or {})))

    for source, layer in layers:
        for name, raw in layer.items():
            if name not in fields:
                if source == "environment":
                    continue  # other tools may share the prefix; unknown env vars are not ours to refuse
                raise SettingsError(f"{source}: unknown setting {name!r}")
            values[name] = raw if source == "overrides" and not isinstance(raw, str) else _parse(
                name, raw, fields[name].type)
    if isinstance(values["log_level"], str):
        values["log_level"] = values["log_level"].upper()
    _validate(values)
    return Settings(**values)
