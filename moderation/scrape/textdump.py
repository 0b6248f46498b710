"""Plain-text dumps of article pages: find the wpDiscuz thread and cut it into paragraphs.

A dump is what a browser's "save as text" gives: article and boilerplate first, then, when the page
has a wpDiscuz thread, its controls ("Notify of", "Newest Most Voted", "Inline Feedbacks",
"View all comments"), the comments, and a closing "Would love your thoughts, please comment.x".
Regular expressions here run over plain-text lines, never over HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# wpDiscuz's thread controls, English and French; the thread starts after the last of them.
WIDGET_LINES = frozenset(s.casefold() for s in (
    "Notify of", "Notifier de", "Newest Most Voted", "Oldest Newest Most Voted", "Newest Oldest Most Voted",
    "Most Voted Newest Oldest", "Le plus récent Le plus ancien Le plus populaire", "Plus récent Plus ancien",
    "Inline Feedbacks", "Commentaires en ligne", "View all comments", "Voir tous les commentaires",
))
# Also skipped right after the controls, where the login and subscribe links sit.
CONTROL_LINES = WIDGET_LINES | frozenset(s.casefold() for s in (
    "Subscribe", "S'abonner", "Login", "Connexion", "guest", "invité", "Label", "{}", "[+]",
))
START_LINES = frozenset(s.casefold() for s in ("Notify of", "Notifier de"))
# Lines after which nothing is a comment any more: the widget's footer and the page's.
CLOSING_PREFIXES = tuple(s.casefold() for s in (
    "Would love your thoughts", "J'aimerais avoir vos pensées", "Load More Comments",
    "Charger plus de commentaires", "wpDiscuz", "Comments are closed", "Les commentaires sont fermés",
))
# Lines that are never comment text wherever they sit in the thread.
NOISE_LINES = WIDGET_LINES | frozenset(s.casefold() for s in (
    "Reply", "Répondre", "Share", "Partager", "Vote Up", "Vote Down", "Report", "Signaler",
))
# "Last edited 2 years ago by NAME" (wpDiscuz's wc_last_edited phrase), English or French,
# alone on its line or glued to the end of the comment's last line.
LAST_EDITED = re.compile(
    r"(?:Last edited (?P<en>.{1,40}?) by|Dernière modification (?P<fr>.{1,40}?) par) (?P<name>[^\n]{1,80})$")


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank lines; `gap` is how many blank lines came before them."""

    lines: tuple[str, ...]
    gap: int
    edited_by: str | None = None  # set on a "Last edited … by NAME" line, which is its own paragraph


def thread_lines(text: str) -> list[str] | None:
    """Return the lines of the wpDiscuz thread, or None when the dump has no thread."""
    lines = [line.replace("\u00a0", " ").rstrip() for line in text.splitlines()]
    folded = [line.strip().casefold() for line in lines]
    starts = [i for i, line in enumerate(folded) if line in START_LINES]
    for start in starts:
        window = [line for line in folded[start + 1:start + 8] if line]
        # "Notify of" alone could be article text; a real thread has more controls right after it.
        if sum(line in CONTROL_LINES for line in window[:4]) >= 2:
            end = start + 1
            while end < len(lines) and (not folded[end] or folded[end] in CONTROL_LINES):
                end += 1
            return _until_closing(lines[end:])
    return None


def _until_closing(lines: list[str]) -> list[str]:
    kept = []
    for line in lines:
        folded = line.strip().casefold()
        if folded.startswith(CLOSING_PREFIXES):
            break
        kept.append("" if folded in NOISE_LINES else line)
    return kept


def paragraphs(lines: list[str]) -> list[Paragraph]:
    """Group thread lines into paragraphs; a "Last edited" line always stands alone."""
    out: list[Paragraph] = []
    current: list[str] = []
    gap = blanks = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                out.append(Paragraph(tuple(current), gap))
                current, blanks = [], 0
            blanks += 1
            continue
        text, editor = split_last_edited(line)
        if text:
            if not current:
                gap, blanks = blanks, 0
            current.append(text)
        if editor:
            if current:
                out.append(Paragraph(tuple(current), gap))
                current = []
            out.append(Paragraph((), 0 if text else blanks, edited_by=editor))
            blanks = 0
    if current:
        out.append(Paragraph(tuple(current), gap))
    return out


def split_last_edited(line: str) -> tuple[str, str | None]:
    """Split "text…Last edited 2 years ago by NAME" into ("text…", "NAME")."""
    match = LAST_EDITED.search(line)
    if not match:
        return line, None
    when = match.group("en") or match.group("fr") or ""
    # Guard against prose that merely mentions editing: the "when" part is a relative date.
    if not re.search(r"\b(ago|il y a|now|maintenant)\b", when) and not any(ch.isdigit() for ch in when):
        return line, None
    return line[:match.start()].rstrip(), match.group("name").strip()


def dump_title(text: str) -> str | None:
    """Guess the article title: the first early line that reads like a headline."""
    for line in text.splitlines()[:20]:
        line = line.strip()
        words = line.split()
        if 4 <= len(words) <= 30 and line[0].isalnum() and not line.endswith((".", ":", "!", "?")):
            return line
    return None
