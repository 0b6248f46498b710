"""Measure normalise + lexicon match throughput on one core, on a fixed seeded corpus of short comments.

    .venv/bin/python bench/bench_lexicon.py [--comments 20000] [--seed 7]

Prints comments per second for `Lexicon.match` (normalisation included), per language, after load.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from moderation.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
WORDS_EN = (
    "the government said on tuesday that it would review the policy after protests in the capital "
    "people are angry about prices and nobody listens taliban sunni muslim afghan leaders met in kabul "
    "i think this article is biased but the writer makes a fair point about the economy and the war "
    "what a classic therapist in sussex drinking a cocktail with an assassin in scunthorpe"
).split()
WORDS_FR = (
    "le gouvernement a annoncé mardi une réforme des retraites qui inquiète les syndicats et les jeunes "
    "je ne suis pas d'accord avec cet article mais l'auteur soulève un point important sur le concert "
    "contre la guerre les talibans ont pris le pouvoir et la population attend des réponses claires"
).split()
ABUSE = ["f*ck", "fuuuck", "f u c k", "sh1t", "idiot", "connard", "ta gueule", "muslims are vermin", "you moron", "a$$hole"]


def corpus(count: int, seed: int) -> list[tuple[str, str]]:
    """Build `count` short comments (8-30 words), a tenth of them with an abusive word, seeded."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        language = rng.choice(("en", "fr", "und"))
        words = rng.choices(WORDS_FR if language == "fr" else WORDS_EN, k=rng.randint(8, 30))
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), rng.choice(ABUSE))
        out.append((" ".join(words).capitalize() + rng.choice((".", "!", "?", "")), language))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    lexicon = load_lexicon(ROOT / "config" / "lexicons")
    loaded = time.perf_counter() - started
    comments = corpus(args.comments, args.seed)
    mean_chars = sum(len(text) for text, _ in comments) / len(comments)
    for text, language in comments[:2000]:  # warm the per-word cache as a running worker would have
        lexicon.match(text, language)
    started = time.perf_counter()
    hits = sum(len(lexicon.match(text, language)) for text, language in comments)
    elapsed = time.perf_counter() - started
    print(f"lexicon {lexicon.version}: {len(lexicon.entries)} entries, loaded in {loaded:.2f} s")
    print(f"{len(comments)} comments, mean {mean_chars:.0f} chars, {hits} hits")
    print(f"normalise + match: {len(comments) / elapsed:,.0f} comments/s on one core")


if __name__ == "__main__":
    main()
