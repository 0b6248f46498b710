"""Start-up checks of the serving commands: configuration slips must fail loudly, not silently.

* `serve` without a webhook secret would answer 401 to every platform request: refused unless
  `--no-webhook-secret` says that is intended (a review-only web process).
* Moderator tokens shorter than MIN_TOKEN_CHARS or with fewer than MIN_DISTINCT_CHARS different
  characters are refused (a token like `tok1` falls to guessing in seconds). The format is
  `name:token` or a bare token: everything before the FIRST `:` is the name, so a bare token cannot
  contain `:` (name it instead: `alice:to:ken`); an entry whose name part is not a valid name,
  or that names two moderators alike, is refused rather than guessed at.
* A `MODERATION_*` variable that is no setting is most likely a misspelling: warned about.
* Callbacks signed with the webhook secret (no MODERATION_CALLBACK_SECRET): warned about, since a
  captured callback then passes the intake's signature check.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import Mapping

from moderation.moderators import NAME, moderators
from moderation.settings import ENV_PREFIX, Settings, SettingsError

MIN_TOKEN_CHARS = 16
MIN_DISTINCT_CHARS = 8
# MODERATION_* variables read by something other than Settings (the test suite's browser switch,
# scripts/setup.sh's switch to leave torch out).
OTHER_VARIABLES = {"MODERATION_SKIP_BROWSER", "MODERATION_SKIP_TORCH"}


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """One warning per MODERATION_* variable that is no setting, with the closest setting's name."""
    known = {ENV_PREFIX + f.name.upper() for f in dataclasses.fields(Settings)} | OTHER_VARIABLES
    warnings = []
    for variable in sorted(v for v in environ if v.startswith(ENV_PREFIX) and v not in known):
        close = difflib.get_close_matches(variable, sorted(known), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        warnings.append(f"{variable} is not a setting and is ignored{hint}")
    return warnings


def token_problems(settings: Settings) -> list[str]:
    """What is wrong with MODERATION_REVIEW_TOKENS (entries named by position, never shown)."""
    problems, names, tokens = [], set(), set()
    for number, entry in enumerate(settings.review_tokens, start=1):
        name, sep, token = entry.partition(":")
        if not sep:
            name, token = None, entry
        elif not NAME.match(name):
            problems.append(f"entry {number}: the part before the first ':' must be a moderator name "
                            f"(letters, digits, _ . @ -); a bare token cannot contain ':'")
            continue
        who = f"entry {number}" + (f" ({name})" if name else "")
        if len(token) < MIN_TOKEN_CHARS or len(set(token)) < MIN_DISTINCT_CHARS:
            problems.append(f"{who}: the token must have at least {MIN_TOKEN_CHARS} characters, "
                            f"{MIN_DISTINCT_CHARS} of them different (e.g. python -c "
                            f"'import secrets; print(secrets.token_urlsafe(24))')")
        if name in names:
            problems.append(f"{who}: the moderator name is used twice")
        if token in tokens:
            problems.append(f"{who}: the same token is given twice")
        names.add(name) if name else None
        tokens.add(token)
    return problems


def moderator_names(settings: Settings) -> list[str]:
    """The names the entries are read as (shown at start-up, so a split entry is seen; tokens never are)."""
    return [moderator.name for moderator in moderators(settings)]


def check_serving(settings: Settings, allow_no_webhook_secret: bool = False) -> None:
    """Raise SettingsError (exit 2, no traceback) for a configuration the web process must not run with."""
    problems = [f"setting review_tokens: {problem}" for problem in token_problems(settings)]
    if not settings.webhook_secret and not allow_no_webhook_secret:
        problems.append("setting webhook_secret: not set, so every platform request would be refused (401); "
                        "set MODERATION_WEBHOOK_SECRET, or pass --no-webhook-secret for a review-only web process")
    if problems:
        raise SettingsError("; ".join(problems))


def warnings(settings: Settings) -> list[str]:
    """Configurations that work but weaken a boundary (printed by serve, worker and run)."""
    found = []
    if settings.callback_url and not settings.callback_secret:
        found.append("callbacks are signed with the webhook secret, so a captured callback would pass the "
                     "intake's signature check: set MODERATION_CALLBACK_SECRET (and verify "
                     "X-Moderation-Callback-Signature on the platform)")
    return found
