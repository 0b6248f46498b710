"""`moderation score [FILE|-]`: decide JSON Lines comments in-process, one output line per input line.

Each input line is an object with `text` and optionally `id`, `author`, `language`. Output keeps
input order, one line per input line; a bad line (a blank one too) gets `{"line": N, "id": ...,
"error": {...}}` on its line and the rest are still scored. A `language` hint the engine does not
use (not one of the supported languages) adds `"warnings": [...]` to that comment's line. Lines
are decided in batches so the model's per-call cost is shared.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Iterator

from moderation.comment_json import CommentFormatError, parse_comment_line
from moderation.types import SUPPORTED_LANGUAGES

BATCH_SIZE = 256


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="JSON Lines input (default: standard input)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="comments per model call")


def _open_binary(name: str) -> IO[bytes]:
    return sys.stdin.buffer if name == "-" else open(name, "rb")


def _batches(stream: IO[bytes], size: int, max_chars: int) -> Iterator[list[tuple[int, object]]]:
    """Yield lists of (line number, CommentInput or error dict), one item per input line."""
    batch: list[tuple[int, object]] = []
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():  # answered in place, so output line N is still input line N's
            batch.append((number, CommentFormatError(number, "empty_line", "blank line: no comment").to_json()))
            continue
        try:
            batch.append((number, parse_comment_line(raw, number, max_chars)))
        except CommentFormatError as exc:
            batch.append((number, exc.to_json()))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(args) -> int:
    from moderation.engine import Engine
    from moderation.settings import load_settings

    settings = load_settings()
    engine = Engine.from_settings(settings)
    out = sys.stdout
    errors = ignored = 0
    try:
        stream = _open_binary(args.file)
    except OSError as exc:
        print(f"moderation score: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    with stream:
        for batch in _batches(stream, max(1, args.batch_size), settings.max_text_chars):
            comments = [item for _, item in batch if not isinstance(item, dict)]
            decisions = iter(engine.decide(comments))
            for _, item in batch:
                if isinstance(item, dict):
                    errors += 1
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
                else:
                    answer = next(decisions).to_json()
                    if item.language and item.language.lower() not in SUPPORTED_LANGUAGES:
                        ignored += 1
                        answer["warnings"] = [f"language hint {item.language!r} ignored: not one of "
                                              f"{', '.join(SUPPORTED_LANGUAGES)}; the language was detected"]
                    out.write(json.dumps(answer, ensure_ascii=False) + "\n")
            out.flush()
    if ignored:
        print(f"moderation score: {ignored} comment(s) had a language hint that is not one of "
              f"{', '.join(SUPPORTED_LANGUAGES)}; ignored (see their warnings)", file=sys.stderr)
    if errors:
        print(f"moderation score: {errors} line(s) could not be scored (see their error objects)", file=sys.stderr)
    return 0
