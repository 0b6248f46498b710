"""Comments out of a wpDiscuz thread in a plain-text dump (see docs/scraper.md for the layout).

The layout, read off real dumps: a comment is an optional short author-name line, a blank line,
then one or more paragraphs separated by single blank lines. A "Last edited … ago by NAME" line
closes a comment and names its author. Two or more blank lines start a new comment that has no
author line.
"""

from __future__ import annotations

from collections import Counter

from moderation.scrape.record import Comment
from moderation.scrape.textdump import Paragraph, paragraphs, thread_lines

# Lower-case words that still belong in a personal name ("L du Plessis", "Jean de la Tour").
NAME_PARTICLES = frozenset("de du des la le van von der den da di dos bin al el y d'".split())
NOT_IN_NAMES = set('?!,;:"“”«»()[]{}…<>|*=')
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 40


def extract(text: str) -> list[Comment]:
    """Return the thread's comments in page order; [] when the dump has no wpDiscuz thread."""
    lines = thread_lines(text)
    if not lines:
        return []
    paras = paragraphs(lines)
    authors = _author_lines(paras, _known_names(paras))
    return _segment(paras, authors)


def _known_names(paras: list[Paragraph]) -> set[str]:
    """Names the thread itself vouches for: named by "Last edited" or standing alone twice or more."""
    named = {p.edited_by for p in paras if p.edited_by}
    singles = Counter(p.lines[0] for p in paras if len(p.lines) == 1)
    return named | {line for line, count in singles.items() if count >= 2 and looks_like_name(line, lenient=True)}


def looks_like_name(line: str, lenient: bool = False) -> bool:
    """Tell whether a line is shaped like a commenter's display name rather than a sentence."""
    words = [w for w in line.split() if any(ch.isalnum() for ch in w)]  # "&" is not a word
    if not words or len(words) > MAX_NAME_WORDS or len(line) > MAX_NAME_CHARS or NOT_IN_NAMES & set(line):
        return False
    if lenient:  # the thread vouches for it: only rule out obvious sentences
        return not line.endswith(("...", ".")) or len(words) >= 2
    signed = line.endswith(".")  # people sign "Rodney Loder."
    if signed:
        words[-1] = words[-1][:-1]
        if len(words) < 2 or not words[-1]:
            return False
    if len(words) == 1:  # a handle: "Cromwell", "YankeeGoHome", "jdoe42"
        word = words[0]
        return word[0].isupper() or any(ch.isdigit() or ch == "_" for ch in word)
    return all(w[0].isupper() or w.casefold() in NAME_PARTICLES or not w[0].isalpha() for w in words)


def _author_lines(paras: list[Paragraph], known: set[str]) -> set[int]:
    """Indexes of paragraphs that are author-name lines, decided right to left."""
    authors: set[int] = set()
    for i in range(len(paras) - 2, -1, -1):
        para, following = paras[i], paras[i + 1]
        if len(para.lines) != 1 or para.edited_by:
            continue
        # A name line is directly followed (one blank line at most) by the comment it signs.
        if following.edited_by or following.gap > 1 or (i + 1) in authors:
            continue
        line = para.lines[0]
        if line in known or looks_like_name(line):
            authors.add(i)
    return authors


def _segment(paras: list[Paragraph], authors: set[int]) -> list[Comment]:
    comments: list[Comment] = []
    author: str | None = None
    body: list[str] = []
    open_ = False

    def close() -> None:
        nonlocal open_, body, author
        if open_ and body:
            comments.append(Comment(text="\n".join(body), author=author))
        open_, body, author = False, [], None

    for i, para in enumerate(paras):
        if para.edited_by:
            if open_ and body and author is None:
                author = para.edited_by  # the line names the author of the comment above it
            close()
        elif i in authors:
            close()
            open_, author = True, para.lines[0]
        else:
            if open_ and body and para.gap >= 2:
                close()
            open_ = True
            body.extend(para.lines)
    close()
    return comments
