"""`moderation rescore` against a real redis-server holding a small hand-built store.

The store is filled through the service's own intake and the real engine's decisions (see
tests/support/rescore_store.py). Candidate policies are the shipped policy with one threshold
moved; which comments must change is computed independently, from the stored scores.
"""

from __future__ import annotations

import json

import pytest

from moderation.cli import main
from moderation.engine import Engine
from moderation.policy import load_policy
from moderation.settings import load_settings
from moderation.store import Store, keys
from moderation.store.models import loads
from moderation.store.lifecycle.moderate import decide as moderator_decides
from tests.support.rescore_store import seed

EN = [
    "Thank you for this article, it explains the situation in the valley very clearly.",
    "I disagree with the mayor but the reporting here is fair and balanced.",
    "Great piece, I learned a lot about the new tram line.",
    "This is the worst article I have read this year, lazy and shallow.",
    "The author clearly has no idea what he is talking about.",
    "What a stupid decision by the council, they never listen.",
    "You are an idiot if you believe this nonsense.",
    "Shut up, nobody cares about your opinion.",
    "These politicians are all liars and crooks.",
    "I hate this stupid town and everyone in it.",
    "What a load of crap, the editor should be ashamed.",
    "Get lost, you pathetic loser.",
    "Interesting numbers, but where does the data come from?",
    "My grandmother lived on that street for fifty years, lovely memories.",
    "The referee was useless and the team played like garbage.",
    "Honestly this is dumb, really dumb.",
    "Can someone explain why the bridge is closed again?",
    "People who park there are selfish morons.",
    "This columnist is a clown and a hack.",
    "I would like to thank the nurses at the hospital for their work.",
    "Your comment is ignorant and frankly embarrassing.",
    "Go back to school, you clearly failed reading.",
    "The weather has been awful this week, hope it improves.",
    "Damn, that was a close game last night.",
    "What the hell is wrong with these people?",
    "Absolutely disgusting behaviour from the landlord.",
    "The new bakery on the corner is excellent.",
    "Typical useless government, wasting our money again.",
    "You sound like a complete fool.",
    "I am tired of reading this garbage every morning.",
    "Well written and well researched, thanks.",
    "Nobody asked for your stupid opinion.",
    "The council meeting is on Tuesday at seven.",
    "This is ridiculous and you know it.",
    "Such a moron, unbelievable.",
    "Please fix the typo in the second paragraph.",
]
FR = [
    "Merci pour cet article très clair sur la situation dans la vallée.",
    "Je ne suis pas d'accord avec le maire mais l'article est juste.",
    "Quel article nul, le journaliste n'a rien compris.",
    "Tu es vraiment stupide, personne ne veut lire ça.",
    "Ces politiciens sont tous des menteurs.",
    "Ferme-la, ton avis ne compte pas.",
    "Très bon reportage, bravo à toute l'équipe.",
    "C'est complètement idiot comme décision.",
    "Le conseil municipal se réunit mardi soir.",
    "Quelle bande d'imbéciles au gouvernement.",
    "J'adore ce quartier, les commerçants sont adorables.",
    "Cet éditorialiste est un clown ridicule.",
]
COMMENTS = [{"id": f"c{i:02d}", "text": text, "article": f"art-{i % 3}",
             "created_at": f"2026-03-{1 + i % 28:02d}T12:00:00Z"} for i, text in enumerate(EN + FR)]


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings({"scorer": "linear"}, environ={}))


@pytest.fixture
def seeded(redis_client, engine):
    seed(redis_client, engine, COMMENTS)
    return redis_client


@pytest.fixture
def rescore(redis_server, monkeypatch, capsys):
    """Run `moderation rescore ARGS` in-process on the test Redis; return (exit code, summary, stderr)."""
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_server.url)
    monkeypatch.setenv("MODERATION_SCORER", "linear")
    monkeypatch.delenv("MODERATION_CALLBACK_URL", raising=False)

    def run(*argv):
        code = main(["rescore", "--progress", "none", *map(str, argv)])
        out = capsys.readouterr()
        lines = out.out.strip().splitlines()
        assert len(lines) == 1, f"expected one summary line, got {out.out!r} (stderr {out.err!r})"
        return code, json.loads(lines[0]), out.err
    return run


def candidate_policy(path, language: str, label: str, **limits) -> str:
    """Write the shipped policy with one threshold changed to `path`; return its version."""
    policy = load_policy(load_settings(environ={}).resolved_policy_path)
    thresholds = {lang: {lab: dict(v) for lab, v in labels.items()} for lang, labels in policy.label_thresholds.items()}
    thresholds[language][label].update(limits)
    lines = [f'version = "{policy.version}-candidate"', "[lexicon]",
             f"remove_severities = {json.dumps(sorted(policy.remove_severities))}",
             f"hold_severities = {json.dumps(sorted(policy.hold_severities))}",
             f"remove_categories = {json.dumps(sorted(policy.remove_categories))}",
             f"author_hold_severities = {json.dumps(sorted(policy.author_hold_severities))}",
             "[language]", f"hold_undetermined = {str(policy.hold_undetermined).lower()}"]
    for lang, labels in thresholds.items():
        lines.append(f"[thresholds.{lang}]")
        lines += [f"{lab} = {{ hold = {v['hold']!r}, remove = {v['remove']!r} }}" for lab, v in labels.items()]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return f"{policy.version}-candidate"


def stored_decisions(redis, comments=COMMENTS) -> dict[str, dict]:
    ids = [c["id"] for c in comments]
    return dict(zip(ids, (loads(raw) for raw in redis.mget([keys.decision(i, 1) for i in ids]))))


def gap_between(values: list[float], share: float) -> float:
    """A threshold between two stored scores, near the `share` quantile, clear of 4-decimal rounding."""
    ordered = sorted(set(values))
    start = min(max(1, int(len(ordered) * share)), len(ordered) - 1)
    pairs = list(zip(ordered, ordered[1:]))
    for low, high in sorted(pairs, key=lambda pair: abs(ordered.index(pair[1]) - start)):
        if high - low > 0.002:
            return round((low + high) / 2, 6)
    raise AssertionError("no gap between stored scores to put a threshold in")


def dump_all(redis) -> dict:
    """Every key's serialised value and TTL: equal dumps mean a byte-identical store."""
    return {key: (redis.dump(key), redis.pttl(key)) for key in redis.scan_iter("*")}


def report_ids(path) -> set[str]:
    return {json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()}


def test_rescoring_under_the_current_policy_changes_nothing(seeded, rescore):
    code, summary, _ = rescore()
    assert code == 0
    assert summary["scanned"] == len(COMMENTS) and summary["changed"] == 0
    assert summary["mode"] == "dry-run" and "elapsed_s" in summary


def test_dry_run_reports_exactly_the_comments_crossing_a_lowered_hold_threshold(seeded, rescore, tmp_path):
    decisions = stored_decisions(seeded)
    english_kept = {cid: d["scores"]["toxicity"] for cid, d in decisions.items()
                    if d["language"] == "en" and d["decision"] == "keep"}
    threshold = gap_between(list(english_kept.values()), 0.6)
    expected = {cid for cid, toxicity in english_kept.items() if toxicity >= threshold}
    assert 0 < len(expected) < len(english_kept)
    version = candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=threshold)
    before = dump_all(seeded)

    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--report", tmp_path / "changes.jsonl")

    assert code == 0 and dump_all(seeded) == before
    assert report_ids(tmp_path / "changes.jsonl") == expected
    assert summary["changed"] == len(expected) == summary["keep->hold"]
    assert summary["scanned"] == len(COMMENTS) and summary["applied"] == 0
    rows = [json.loads(line) for line in (tmp_path / "changes.jsonl").read_text("utf-8").splitlines()]
    for row in rows:
        assert row["reasons_added"] == ["toxicity_hold"] and row["reasons_removed"] == []
        assert row["scores_old"]["toxicity"] == decisions[row["id"]]["scores"]["toxicity"]
        assert (row["policy_old"], row["policy_new"]) == (decisions[row["id"]]["policy_version"], version)


def raised_hold_candidate(redis, tmp_path) -> tuple[set[str], float]:
    """A candidate raising the English hold threshold above every comment held only for toxicity.

    Returns those comments (each must become keep) and the threshold, which lies in a gap between
    stored scores, so 4-decimal rounding of the stored scores cannot decide a comment's side.
    """
    decisions = stored_decisions(redis)

    def seen(decision) -> float:
        # the policy reads the discounted scores when the engine discounted swearing aimed at nobody
        return ((decision.get("details") or {}).get("discounted_scores") or decision["scores"])["toxicity"]

    english = [seen(d) for d in decisions.values() if d["language"] == "en"]
    held = {cid: seen(d) for cid, d in decisions.items()
            if d["language"] == "en" and d["decision"] == "hold" and d["reasons"] == ["toxicity_hold"]}
    top = max(held.values())
    remove = load_policy(load_settings(environ={}).resolved_policy_path).thresholds("en")["remove"]
    ceiling = min([t for t in english if t > top] + [remove])
    # stored scores carry 4 decimals (rounding error <= 5e-5), so a gap of 4e-4 leaves each side of
    # the midpoint at least 2e-4 away from every stored score
    assert ceiling - top > 0.0004, "no room above the held comments for a new threshold"
    threshold = round((top + ceiling) / 2, 6)
    candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=threshold)
    return set(held), threshold


def test_a_comment_a_moderator_decided_is_counted_never_reported_nor_touched(seeded, rescore, tmp_path):
    expected, _ = raised_hold_candidate(seeded, tmp_path)
    assert len(expected) >= 2, "need one comment to moderate and at least one to change"
    moderated = sorted(expected)[0]
    assert moderator_decides(seeded, [moderated], "approve", "alice")[0].ok
    head_before = seeded.hgetall(keys.comment(moderated))

    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100, "--report", tmp_path / "r.jsonl")

    assert code == 0 and summary["skipped_moderated"] == 1
    assert report_ids(tmp_path / "r.jsonl") == expected - {moderated}
    assert summary["hold->keep"] == summary["applied"] == len(expected) - 1
    assert seeded.hgetall(keys.comment(moderated)) == head_before


def test_apply_records_history_moves_the_review_queue_and_keeps_old_decisions(seeded, rescore, tmp_path, engine):
    expected, _ = raised_hold_candidate(seeded, tmp_path)
    assert expected and all(seeded.zscore(keys.REVIEW_QUEUE, cid) is not None for cid in expected)
    machine = {cid: seeded.get(keys.decision(cid, 1)) for cid in expected}
    untouched = {c["id"]: seeded.dump(keys.history(c["id"])) for c in COMMENTS if c["id"] not in expected}

    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)

    assert code == 0 and summary["applied"] == len(expected) and summary["mode"] == "apply"
    policy = load_policy(tmp_path / "candidate.toml")
    for cid in expected:
        head = seeded.hgetall(keys.comment(cid))
        assert head[b"decision"] == b"keep" and head[b"rescore_run"] == summary["run_id"].encode()
        assert seeded.zscore(keys.REVIEW_QUEUE, cid) is None
        assert seeded.get(keys.decision(cid, 1)) == machine[cid]  # the machine's decision is kept
        history = Store(seeded).history(cid)  # stored events and the routine ones rebuilt (store/history.py)
        assert [e["type"] for e in history] == ["received", "decided", "rescored"]
        event = history[-1]
        assert (event["actor"], event["what"], event["previous"]) == ("rescore", "keep", "hold")
        assert event["policy_version"] == policy.version and event["model"] == "stack-v8"
        assert event["lexicon_version"] == engine.lexicon.version and event["targets_version"] == engine.targets.version
        assert event["engine_version"] == engine.versions["engine"]
        assert event["decision"]["decision"] == "keep" and event["run_id"] == summary["run_id"]
    assert {c: seeded.dump(keys.history(c)) for c in untouched} == untouched


def test_a_comment_rescored_to_hold_enters_the_review_queue(seeded, rescore, tmp_path):
    decisions = stored_decisions(seeded)
    english_kept = {cid: d["scores"]["toxicity"] for cid, d in decisions.items()
                    if d["language"] == "en" and d["decision"] == "keep"}
    threshold = gap_between(list(english_kept.values()), 0.8)
    candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=threshold)
    expected = {cid for cid, toxicity in english_kept.items() if toxicity >= threshold}

    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)

    assert code == 0 and summary["applied"] == len(expected) > 0
    queued = {m.decode() for m in seeded.zrange(keys.REVIEW_QUEUE, 0, -1)}
    assert expected <= queued
    assert all(seeded.hget(keys.comment(cid), "decision") == b"hold" for cid in expected)


def test_a_second_apply_of_the_same_run_writes_nothing(seeded, rescore, tmp_path):
    expected, _ = raised_hold_candidate(seeded, tmp_path)
    first = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)[1]
    before = dump_all(seeded)
    code, again, err = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)
    assert code == 0 and "already complete" in err
    assert dump_all(seeded) == before
    assert (again["changed"], again["hold->keep"], again["run_id"]) == (first["changed"], len(expected), first["run_id"])

    code, restarted, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100, "--restart")
    assert code == 0 and restarted["applied"] == 0 and restarted["already_applied"] == len(expected)
    assert all(len(Store(seeded).history(cid)) == 3 for cid in expected)


def test_a_dry_run_after_apply_finds_nothing_left_to_change(seeded, rescore, tmp_path):
    raised_hold_candidate(seeded, tmp_path)
    rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)
    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml")
    assert code == 0 and summary["changed"] == 0


@pytest.mark.parametrize("argv, expected", [
    (["--article", "art-1"], lambda c, d: c["article"] == "art-1"),
    (["--language", "fr"], lambda c, d: d["language"] == "fr"),
    (["--article", "art-2", "--language", "en"], lambda c, d: c["article"] == "art-2" and d["language"] == "en"),
    (["--since", "2026-03-05", "--until", "2026-03-12", "--time-field", "created"],
     lambda c, d: "2026-03-05" <= c["created_at"][:10] < "2026-03-12"),
])
def test_filters_select_the_comments_they_name(seeded, rescore, tmp_path, argv, expected):
    decisions = stored_decisions(seeded)
    selected = {c["id"] for c in COMMENTS if expected(c, decisions[c["id"]])}
    # Lower every hold threshold to 0: every kept comment changes, so the report shows the selection.
    candidate_policy(tmp_path / "p.toml", "en", "toxicity", hold=0.0)
    code, summary, _ = rescore("--policy", tmp_path / "p.toml", "--report", tmp_path / "r.jsonl", *argv)
    assert code == 0 and summary["scanned"] == len(selected) > 0
    kept_english = {cid for cid in selected if decisions[cid]["decision"] == "keep" and decisions[cid]["language"] == "en"}
    assert report_ids(tmp_path / "r.jsonl") == kept_english


def test_received_time_window_uses_the_intake_time(seeded, rescore):
    received = {m.decode(): s for m, s in seeded.zrange(keys.INDEX_RECEIVED, 0, -1, withscores=True)}
    moment = max(received.values())
    code, summary, _ = rescore("--since", moment + 1)
    assert code == 0 and summary["scanned"] == 0
    code, summary, _ = rescore("--until", moment + 1)
    assert code == 0 and summary["scanned"] == len(COMMENTS)


def test_a_revision_awaiting_its_decision_is_left_to_the_workers(seeded, rescore, engine, tmp_path):
    from moderation.store.lifecycle.accept import accept_comments
    from tests.support.rescore_store import incoming

    accept_comments(seeded, [incoming({**COMMENTS[0], "text": "Edited: you are all idiots."})],
                    lambda pipe, items: ["job"] * len(items))
    code, summary, _ = rescore()
    assert code == 0 and summary["skipped_pending"] == 1 and summary["scanned"] == len(COMMENTS)


@pytest.mark.parametrize("argv, message", [
    (["--since", "yesterday"], "--since"),
    (["--report", "out.txt"], ".jsonl or .csv"),
    (["--policy", "/nonexistent/policy.toml"], "cannot read policy"),
    (["--input", "x.jsonl", "--apply"], "--input"),
    (["--model", "no-such-model"], "--model"),
    (["--batch-size", "0"], "--batch-size"),
])
def test_bad_options_get_a_clear_error_and_touch_nothing(seeded, redis_server, monkeypatch, capsys, argv, message):
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_server.url)
    before = dump_all(seeded)
    assert main(["rescore", *argv]) == 2
    assert message in capsys.readouterr().err
    assert dump_all(seeded) == before


@pytest.fixture
def platform():
    """A local HTTP endpoint standing in for the platform's callback URL; collects POSTed bodies."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/callback", received
    server.shutdown()
    server.server_close()


def test_applied_changes_are_delivered_to_the_platform_like_any_decision(seeded, rescore, tmp_path, monkeypatch,
                                                                         platform):
    from rq.job import Job
    from rq.serializers import JSONSerializer

    from moderation.queueing import CALLBACKS, make_queue
    from moderation.store import Store
    from workers.deliver import deliver

    url, received = platform
    monkeypatch.setenv("MODERATION_CALLBACK_URL", url)
    monkeypatch.setenv("MODERATION_WEBHOOK_SECRET", "s3cret")
    expected, _ = raised_hold_candidate(seeded, tmp_path)
    for cid in expected:  # as if the machine's hold had already been delivered
        seeded.hset(keys.comment(cid), mapping={"delivery": "delivered", "delivery_rev": 1})

    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)

    assert code == 0 and summary["applied"] == len(expected)
    assert all(seeded.hget(keys.comment(cid), "delivery") == b"pending" for cid in expected)
    queue = make_queue(seeded, CALLBACKS)
    jobs = [Job.fetch(job_id, seeded, serializer=JSONSerializer) for job_id in queue.get_job_ids()]
    pairs = [tuple(pair) for job in jobs for pair in job.args[0]]
    assert sorted(pairs) == sorted((cid, 1) for cid in expected)

    settings = load_settings(environ={"MODERATION_CALLBACK_URL": url, "MODERATION_WEBHOOK_SECRET": "s3cret"})
    assert deliver(Store(seeded), settings, pairs, None) == len(expected)
    assert {body["id"] for body in received} == expected
    for body in received:
        assert body["decision"]["decision"] == "keep" and body["decision"]["source"] == "rescore"
    assert all(seeded.hget(keys.comment(cid), "delivery") == b"delivered" for cid in expected)


def test_dry_run_and_no_deliver_enqueue_no_delivery(seeded, rescore, tmp_path, monkeypatch, platform):
    from moderation.queueing import CALLBACKS, make_queue

    monkeypatch.setenv("MODERATION_CALLBACK_URL", platform[0])
    raised_hold_candidate(seeded, tmp_path)
    rescore("--policy", tmp_path / "candidate.toml")
    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100, "--no-deliver")
    assert code == 0 and summary["applied"] > 0
    assert make_queue(seeded, CALLBACKS).count == 0


def test_the_review_queue_shows_the_evidence_a_comment_was_rescored_to_hold_on(seeded, rescore, tmp_path):
    from moderation.store.review import list_queue

    decisions = stored_decisions(seeded)
    english_kept = {cid: d["scores"]["toxicity"] for cid, d in decisions.items()
                    if d["language"] == "en" and d["decision"] == "keep"}
    candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=gap_between(list(english_kept.values()), 0.8))
    assert rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)[1]["applied"] > 0
    rescored = {item["id"]: item for item in list_queue(seeded, per_page=1000).items if item["id"] in english_kept}
    assert rescored
    for item in rescored.values():
        assert "toxicity_hold" in item["reasons"] and item["policy_version"].endswith("-candidate")
