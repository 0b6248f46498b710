"""Who the moderators are: the entries of settings.review_tokens read as (name, token).

An entry "alice:s3cret" names its moderator "alice"; a bare token gets a stable pseudonym from its
hash ("moderator-1a2b3c4d"), so audit events and figures say who acted without ever storing or
logging the token itself. Everything before the FIRST `:` is the name, when it is a valid name
(NAME). Read here once for the start-up checks (moderation/startup.py, which refuses entries that
break NAME) and for the web's sign-in (moderation/web/review_auth.py); no Flask, no Redis.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from moderation.settings import Settings

NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


@dataclass(frozen=True)
class Moderator:
    name: str
    token: str


def moderators(settings: Settings) -> list[Moderator]:
    """The configured moderators, named from "name:token" entries or from the token's hash."""
    result = []
    for entry in settings.review_tokens:
        name, sep, token = entry.partition(":")
        if not (sep and token and NAME.match(name)):
            name, token = "moderator-" + hashlib.sha256(entry.encode("utf-8")).hexdigest()[:8], entry
        result.append(Moderator(name, token))
    return result
