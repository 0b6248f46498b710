"""Do catches survive a disguise? The tune-half hateful cases the engine catches as written,
disguised five mechanical ways, decided again.

Disguises (the first five): one letter dropped (`drop`), two neighbours swapped (`swap`), one leet digit (`leet`) or
spaces between the letters (`spaced`), each in the case's two longest words of five letters or
more; and two neighbouring words run together (`nospace`). Any word, not only the slur or the
group: a typo in "should" or "people" hid whole claims. Prints the share still caught per
disguise and language; name disguises to print the misses (tune half only).

Measured 2026-12-04 (share still caught, en / fr):

| disguise | before | after respelling people nouns, modals and the words of phrases (targeting.py) |
|---|---|---|
| drop | 0.80 / 0.78 | 0.87 / 0.82 |
| swap | 0.84 / 0.79 | 0.89 / 0.85 |
| leet | 0.95 / 0.93 | 0.95 / 0.93 |
| spaced | 0.94 / 0.95 | 0.94 / 0.95 |
| nospace | 0.91 / 0.89 | 0.91 / 0.89 |

And the same claims written differently or among other words (same day; "after" adds "Anyway,
that's what I think about it.", "both" a sentence before too):

| rewrite | before | after |
|---|---|---|
| caps | 0.979 / 0.949 | 1.000 / 0.994 (capitals also read in lower case, engine.py) |
| noapos | 0.955 / 0.859 | 0.955 / 0.901 (French elisions, config/targets/fr.toml [elisions]) |
| nopunct | 0.967 / 0.935 | unchanged |
| after / both | 0.946 / 0.940, 0.931 / 0.943 | unchanged: the model reads the whole comment, so a calm sentence dilutes it |

Disguises a reader would not notice (added 2026-12-04, night): Cyrillic look-alike letters
(`homoglyph`), zero-width spaces between the letters (`zerowidth`), letters dotted apart
(`dotted`), fullwidth letters, an emoji between words, one letter written three times
(`stretch`); the model and the language detector then read the text as a reader sees it
(moderation/text/plain.py):

| disguise | before | after |
|---|---|---|
| homoglyph | 0.94 / 0.92 | 1.00 / 1.00 |
| zerowidth | 0.96 / 0.96 | 1.00 / 1.00 |
| dotted | 0.94 / 0.94 | 0.99 / 0.98 |
| spaced | 0.94 / 0.95 | 0.97 / 0.97 |
| fullwidth, emoji | 1.00 / 1.00, 0.99 / 0.99 | unchanged |
| stretch | 0.95 / 0.95 | unchanged (not undone: see plain.py) |

    .venv/bin/python bench/experiments/disguise_robustness.py [drop swap leet spaced nospace caps noapos nopunct after both
                                                               homoglyph zerowidth dotted fullwidth emoji stretch]
"""
import collections
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from bench_quality import load_cases, HATEFUL
from moderation.engine import Engine
from moderation.settings import load_settings
from moderation.types import CommentInput
engine = Engine.from_settings(load_settings())
rng = random.Random(0)
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
def key_words(text):
    words = [w for w in re.findall(r"[^\W\d_]{5,}", text)]
    return sorted(words, key=len, reverse=True)[:2]
def swap(w):
    i = rng.randrange(1, len(w) - 2); return w[:i] + w[i+1] + w[i] + w[i+2:]
def drop(w):
    i = rng.randrange(1, len(w) - 1); return w[:i] + w[i+1:]
def leet(w):
    idx = [i for i, c in enumerate(w) if c.lower() in LEET]
    if not idx: return w
    i = rng.choice(idx); return w[:i] + LEET[w[i].lower()] + w[i+1:]
def spaced(w): return " ".join(w)
def apply_word(text, fn):
    out = text
    for w in key_words(text):
        out = out.replace(w, fn(w), 1)
    return out
def nospace(text):
    words = text.split(" ")
    if len(words) < 3: return text
    i = rng.randrange(0, len(words) - 1)
    return " ".join(words[:i]) + (" " if i else "") + words[i] + words[i+1] + (" " if i + 2 < len(words) else "") + " ".join(words[i+2:])
HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"})  # Cyrillic
FULLWIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
def stretch(w):
    i = rng.randrange(1, len(w) - 1); return w[:i] + w[i] * 3 + w[i+1:]
CONTEXT = {"en": ("I read the whole article this morning over coffee.", "Anyway, that's what I think about it."),
           "fr": ("J'ai lu tout l'article ce matin en prenant mon café.", "Enfin bref, c'est ce que j'en pense.")}
perturb = {"swap": lambda t, l: apply_word(t, swap), "drop": lambda t, l: apply_word(t, drop),
           "leet": lambda t, l: apply_word(t, leet), "spaced": lambda t, l: apply_word(t, spaced),
           "nospace": lambda t, l: nospace(t),
           # the same claim, written differently or said among other words
           "caps": lambda t, l: t.upper(), "noapos": lambda t, l: re.sub(r"['’]", "", t),
           "nopunct": lambda t, l: re.sub(r"[.,!?;:]", "", t),
           "after": lambda t, l: t + " " + CONTEXT[l][1], "both": lambda t, l: f"{CONTEXT[l][0]} {t} {CONTEXT[l][1]}",
           # characters that look alike or show nothing
           "homoglyph": lambda t, l: apply_word(t, lambda w: w.translate(HOMOGLYPHS)),
           "zerowidth": lambda t, l: apply_word(t, lambda w: "\u200b".join(w)),
           "stretch": lambda t, l: apply_word(t, stretch), "dotted": lambda t, l: apply_word(t, ".".join),
           "fullwidth": lambda t, l: apply_word(t, lambda w: w.translate(FULLWIDTH)),
           "emoji": lambda t, l: " 😡 ".join(t.split(" ", 2)) if t.count(" ") >= 2 else t}
cases = [c for c in load_cases("tune") if c["category"] in HATEFUL and c["category"] != "obfuscated"]
plain = engine.decide([CommentInput(str(i), c["text"]) for i, c in enumerate(cases)])
caught = [c for c, d in zip(cases, plain) if d.decision != "keep"]
table = collections.defaultdict(lambda: [0, 0]); misses = collections.defaultdict(list)
for name, fn in perturb.items():
    texts = [fn(c["text"], c["language"]) for c in caught]
    for c, t, d in zip(caught, texts, engine.decide([CommentInput(str(i), t) for i, t in enumerate(texts)])):
        if t == c["text"]: continue
        table[(name, c["language"])][1] += 1
        if d.decision != "keep": table[(name, c["language"])][0] += 1
        else: misses[(name, c["language"])].append(t)
for k, (a, n) in sorted(table.items()): print(k, f"{a}/{n} = {a/n:.2f}")
show = sys.argv[1:]
for k, v in misses.items():
    if k[0] in show:
        for t in v[:8]: print("  MISS", k, "|", t[:120])
