"""`rescore --apply` safety catch (issue 15, item 5), on a real redis-server with the real engine:
a run changing more than --max-change percent stops before writing anything; one apply at a time;
a comment a moderator has claimed is left alone until the claim ends."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from moderation.cli import main

from moderation.rescore.plan import LOCK_KEY, apply_lock
from moderation.store import keys
from moderation.store.lifecycle.moderate import claim, release
from tests.test_rescore_store import (COMMENTS, candidate_policy, dump_all, engine, raised_hold_candidate,  # noqa: F401
                                      rescore, seeded)


@pytest.fixture
def refused(rescore, capsys):
    """Run an apply expected to stop: (exit code, stderr), asserting it printed no summary line."""
    def run(*argv):
        code = main(["rescore", "--progress", "none", *map(str, argv)])
        out = capsys.readouterr()
        assert out.out.strip() == "", out.out
        return code, out.err
    return run


def remove_everything_english(tmp_path):
    candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=0.00001, remove=0.00002)
    return tmp_path / "candidate.toml"


def test_an_apply_changing_more_than_the_limit_stops_before_writing_anything(seeded, rescore, tmp_path, refused):
    policy = remove_everything_english(tmp_path)
    before = dump_all(seeded)
    code, stopped = refused("--policy", policy, "--apply")
    assert code == 2
    assert "over the limit of 10%" in stopped and "nothing was written" in stopped
    assert "--report" in stopped and "--max-change" in stopped  # says how to proceed
    assert dump_all(seeded) == before  # no decision, no plan, no lock left behind
    assert not seeded.exists(LOCK_KEY)

    code, summary, _ = rescore("--policy", policy, "--apply", "--max-change", 100)
    assert code == 0 and summary["applied"] == summary["changed"] > len(COMMENTS) // 2


def test_an_apply_within_the_limit_goes_ahead(seeded, rescore, tmp_path, refused):
    expected, _ = raised_hold_candidate(seeded, tmp_path)
    share = 100 * len(expected) / len(COMMENTS)
    code, _ = refused("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", share - 1)
    assert code == 2
    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", share + 1)
    assert code == 0 and summary["applied"] == len(expected)


def test_a_second_apply_while_one_runs_refuses_with_who_holds_the_lock(seeded, rescore, tmp_path, refused):
    policy = remove_everything_english(tmp_path)
    with apply_lock(seeded, "first-run-id"):  # a run in progress (this live process holds it)
        before = without_lock(dump_all(seeded))
        code, refused = refused("--policy", policy, "--apply", "--max-change", 100)
        assert code == 2 and "another rescore --apply is running (run first-run-id" in refused
        assert without_lock(dump_all(seeded)) == before
    code, summary, _ = rescore("--policy", policy, "--apply", "--max-change", 100)  # once it ended
    assert code == 0 and summary["applied"] > 0


def without_lock(dump: dict) -> dict:
    return {k: v for k, v in dump.items() if k != LOCK_KEY.encode()}  # the holder extends its lock's TTL


def test_the_lock_of_an_apply_killed_on_this_host_is_taken_over(seeded, rescore, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    seeded.set(LOCK_KEY, json.dumps({"run_id": "killed", "host": __import__("socket").gethostname(),
                                     "pid": dead.pid, "started_at": time.time()}), px=30_000)
    code, summary, _ = rescore("--policy", remove_everything_english(tmp_path), "--apply", "--max-change", 100)
    assert code == 0 and summary["applied"] > 0


def test_a_claimed_comment_is_left_alone_until_the_claim_ends(seeded, rescore, tmp_path):
    expected, _ = raised_hold_candidate(seeded, tmp_path)
    claimed = sorted(expected)[0]
    assert claim(seeded, claimed, "alice", 300).ok
    head_before = seeded.hgetall(keys.comment(claimed))

    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100)
    assert code == 0 and summary["skipped_claimed"] == 1 and summary["applied"] == len(expected) - 1
    assert seeded.hgetall(keys.comment(claimed)) == head_before
    assert seeded.zscore(keys.REVIEW_QUEUE, claimed) is not None  # still in alice's queue

    assert release(seeded, claimed, "alice").ok
    code, summary, _ = rescore("--policy", tmp_path / "candidate.toml", "--apply", "--max-change", 100, "--restart")
    assert code == 0 and summary["applied"] == 1 and seeded.hget(keys.comment(claimed), "decision") == b"keep"


def test_a_claim_taken_between_scan_and_write_is_respected(seeded):
    from moderation.store.lifecycle.rescore import Change, apply_changes
    from moderation.store.models import loads

    comment_id = seeded.zrange(keys.REVIEW_QUEUE, 0, 0)[0].decode()  # a held comment: claims need one
    old = loads(seeded.get(keys.decision(comment_id, 1)))
    new = {**old, "decision": "remove" if old["decision"] != "remove" else "keep"}
    change = Change(comment_id, 1, old["decision"], old, new, time.time())
    assert claim(seeded, comment_id, "bob", 300).ok  # bob claims it after the batch read it
    assert apply_changes(seeded, [change], "run-x", time.time()) == ["claimed"]
    assert seeded.hget(keys.comment(comment_id), "decision").decode() == old["decision"]


@pytest.mark.parametrize("content,key", [
    ('version = "x"\nlexicon = "oops"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "lexicon"),
    ('version = "x"\n[thresholds]\nund = 5\n', "thresholds.und"),
    ('version = "x"\nlanguage = 3\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "language"),
    ('version = "x"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n[thresholds.en]\n'
     'toxicity = "high"\n', "thresholds.en.toxicity"),
], ids=["lexicon-string", "thresholds-und-number", "language-number", "threshold-string"])
def test_a_malformed_policy_file_exits_2_naming_the_file_and_the_key(seeded, tmp_path, refused, content, key):
    """Issue 15, item 7: these were a traceback and exit 1, naming a temporary file."""
    policy = tmp_path / "my-candidate.toml"
    policy.write_text(content, "utf-8")
    code, err = refused("--policy", policy)
    assert code == 2, err
    assert f"{policy}: {key} must be" in err
    assert "Traceback" not in err and "rescore-policy-" not in err


def test_a_policy_loader_error_names_the_users_file_not_a_temporary_one(seeded, tmp_path, refused):
    policy = tmp_path / "my-candidate.toml"
    policy.write_text('version = "x"\n[thresholds.und]\ntoxicity = { hold = 0.9, remove = 0.5 }\n', "utf-8")
    code, err = refused("--policy", policy)
    assert code == 2 and f"{policy}: " in err and "hold (0.9) is above remove (0.5)" in err
    assert "rescore-policy-" not in err
