"""Property: extraction never raises, whatever HTML, text or bytes it is given (bounded, derandomized)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.scrape import extract_bytes, extract_html, extract_text

FUZZ = settings(max_examples=150, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TAGS = ["div", "li", "ol", "p", "span", "article", "b", "time", "script", "br", "blockquote", "meta"]
ATTRS = [
    'class="wpd-comment"', 'id="wpd-comm-12_0"', 'id="wpd-comm-x_"', 'class="wpd-comment-text"',
    'class="wpd-comment-author"', 'class="comment-list"', 'class="comment"', 'class="children"',
    'class="comment-content"', 'class="comment-author"', 'class="fn"', 'id="comment-7"',
    'itemscope itemtype="https://schema.org/Comment"', 'itemprop="text"', 'itemprop="author"',
    'itemprop="comment"', 'itemprop="dateCreated" datetime="2021-13-45"', 'itemscope', 'itemid=""',
    'type="application/ld+json"', 'title="2021-08-23T11:15:00+00:00"', "",
]
WORDS = st.sampled_from(["Hello", "&amp;", "&#0;", "&bogus;", "é", "\u202e", "<", ">", "{", '"@type": "Comment"',
                         "Notify of", "Last edited 2 days ago by X", "\x00", "\ud7ff", "  ", "\n"])
TEXT = st.lists(WORDS, max_size=6).map(" ".join)


def element(children):
    return st.builds(lambda tag, attr, inner, close: f"<{tag} {attr}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
                     st.sampled_from(TAGS), st.sampled_from(ATTRS), st.lists(children, max_size=4), st.booleans())


COMMENTISH_HTML = st.recursive(TEXT, element, max_leaves=25)
JSONLD = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10) | st.just("Comment"),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["@type", "text", "author", "comment", "@id", "name", "parentItem",
                                       "dateCreated", "@graph"]), inner, max_size=4),
    max_leaves=15)
DUMP_LINES = st.sampled_from([
    "", "", "Notify of", "Newest Most Voted", "Inline Feedbacks", "View all comments", "Jane Doe", "Rodney Loder.",
    "A comment sentence here.", "Last edited 2 years ago by Cromwell", "text.Last edited 1 hour ago by Glued",
    "Would love your thoughts, please comment.x", "Comments are closed.", "Reply", "Last edited by", "x" * 90,
])


def check(comments) -> None:
    for comment in comments:
        record = comment.to_json()
        json.dumps(record, ensure_ascii=False)
        assert record["text"] and record["text"] == record["text"].strip()
        assert isinstance(record["id"], str) and record["id"]


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text_as_html_never_raises(text):
    check(extract_html(text, "fuzz.html"))


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text_as_dump_never_raises(text):
    check(extract_text(text, "fuzz.txt"))


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([None, "text/html", "text/plain; charset=bogus", "application/xml",
                                                 "text/html; charset=utf-16"]), st.sampled_from(["f.html", "f.xml", "f"]))
def test_arbitrary_bytes_never_raise(data, content_type, name):
    check(extract_bytes(data, name, content_type))


@FUZZ
@given(COMMENTISH_HTML)
def test_comment_shaped_html_never_raises(html):
    check(extract_html(html, "fuzz.html"))


@FUZZ
@given(JSONLD)
def test_arbitrary_json_ld_never_raises(data):
    html = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    check(extract_html(html, "fuzz.html"))


@FUZZ
@given(st.lists(DUMP_LINES, max_size=40))
def test_dump_shaped_text_never_raises_and_keeps_widget_lines_out(lines):
    comments = extract_text("Some title for this page\n" + "\n".join(lines), "fuzz.txt")
    check(comments)
    for comment in comments:
        for line in comment.text.split("\n"):
            assert not line.startswith(("Last edited 2", "Notify of", "Would love"))


@FUZZ
@given(st.text(alphabet="<>/&;:!-?=\"' abcdisqu\n", max_size=300))
def test_xml_like_noise_never_raises(text):
    check(extract_bytes(("<?xml version='1.0'?>" + text).encode("utf-8", "surrogatepass"), "f.xml"))


def test_deeply_nested_comments_do_not_exhaust_the_stack():
    depth = 3000
    html = "".join(f'<div id="wpd-comm-{i}_{i - 1}" class="wpd-comment"><div class="wpd-comment-text">c{i}</div>'
                   for i in range(1, depth)) + "</div>" * depth
    comments = extract_html(html, "deep.html")
    assert len(comments) == depth - 1 and comments[-1].parent_id == str(depth - 2)
