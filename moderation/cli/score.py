"""`moderation score [FILE|-]`: decide JSON Lines comments in-process, one output line per input line.

Each input line is an object with `text` and optionally `id`, `author`, `language`. Output keeps
input order; a bad line gets `{"line": N, "id": ..., "error": {...}}` on its line and the rest are
still scored. Lines are decided in batches so the model's per-call cost is shared.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Iterator

from moderation.comment_json import CommentFormatError, parse_comment_line

BATCH_SIZE = 256


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="JSON Lines input (default: standard input)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="comments per model call")


def _open_binary(name: str) -> IO[bytes]:
    return sys.stdin.buffer if name == "-" else open(name, "rb")


def _batches(stream: IO[bytes], size: int, max_chars: int) -> Iterator[list[tuple[int, object]]]:
    """Yield lists of (line number, CommentInput or error dict), blank lines skipped."""
    batch: list[tuple[int, object]] = []
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
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
    errors = 0
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
                    out.write(json.dumps(next(decisions).to_json(), ensure_ascii=False) + "\n")
            out.flush()
    if errors:
        print(f"moderation score: {errors} line(s) could not be scored (see their error objects)", file=sys.stderr)
    return 0
