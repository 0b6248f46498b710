"""A fixed, seeded corpus of short real comments (English and French) for speed benchmarks."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def short_comments(count: int, seed: int = 0) -> list[dict]:
    """Return `count` comment objects (id, text) sampled from the training files, ~2:1 en:fr."""
    with open(DATA_DIR / "paradetox_en.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    english = [r["toxic_comment"] for r in rows] + [r["neutral_comment"] for r in rows]
    with open(DATA_DIR / "mlma_fr.csv", encoding="utf-8") as handle:
        french = [r["tweet"] for r in csv.DictReader(handle)]
    rng = random.Random(seed)
    texts = rng.sample(english, min(len(english), count * 2 // 3)) + rng.sample(french, min(len(french), count // 3))
    rng.shuffle(texts)
    texts = (texts * (count // max(1, len(texts)) + 1))[:count]
    return [{"id": f"bench-{i}", "text": text} for i, text in enumerate(texts)]


def write_jsonl(path: Path, comments: list[dict]) -> Path:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in comments), encoding="utf-8")
    return path
