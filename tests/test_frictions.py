"""The small frictions of issue 12, each fixed where it is behaviour."""

from __future__ import annotations

import json

from moderation.cli import build_parser, main
from moderation.settings import PROJECT_ROOT
from tests.test_rescore_store import candidate_policy, engine, rescore, seeded, stored_decisions  # noqa: F401
from tests.test_score_cli import run_score


def test_a_blank_line_to_score_is_answered_on_its_line():
    lines = [json.dumps({"id": "a", "text": "Thanks for the article."}), "", "   ",
             json.dumps({"id": "b", "text": "Merci pour cet article."})]
    done = run_score(("\n".join(lines) + "\n").encode())
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(out) == len(lines)  # one output line per input line
    assert [o.get("id") for o in out] == ["a", None, None, "b"]
    assert [o["error"]["code"] for o in out[1:3]] == ["empty_line", "empty_line"] and out[1]["line"] == 2
    assert b"2 line(s) could not be scored" in done.stderr


def test_an_unsupported_language_hint_is_said_not_ignored_silently():
    lines = [json.dumps({"id": "x", "text": "Thanks for the article.", "language": "xx"}),
             json.dumps({"id": "f", "text": "Merci pour cet article.", "language": "fr"})]
    done = run_score(("\n".join(lines) + "\n").encode())
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert "language hint 'xx' ignored" in out[0]["warnings"][0] and out[0]["language"] in ("en", "fr", "und")
    assert "warnings" not in out[1]
    assert b"1 comment(s) had a language hint" in done.stderr


def test_train_does_not_overwrite_the_shipped_model_by_default():
    args = build_parser({"train"}).parse_args(["train"])
    assert args.out == PROJECT_ROOT / "var" / "models"
    assert args.out != PROJECT_ROOT / "moderation" / "models"


def test_train_names_the_recipes_when_asked_for_one_that_does_not_exist(tmp_path, capsys):
    from moderation.training.pipeline import RECIPES

    assert main(["train", "--model", "stack-v99", "--data-dir", str(tmp_path), "--out", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "--model 'stack-v99': not a recipe" in error
    assert all(model_id in error for model_id in RECIPES)


def test_worker_help_names_the_three_queues_the_readme_names():
    readme = (PROJECT_ROOT / "README.md").read_text()
    help_text = build_parser({"worker"})._subparsers._group_actions[0].choices["worker"].format_help()
    assert "moderate,callbacks,rescore" in help_text
    assert "one worker on the moderate, callbacks and rescore queues" in readme


def test_the_readme_says_where_a_candidate_policy_comes_from():
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "cp config/policy.toml candidate.toml" in readme


def test_reapplying_a_finished_run_prints_no_empty_progress(seeded, rescore, tmp_path, monkeypatch, capsys):  # noqa: F811
    english = sorted(d["scores"]["toxicity"] for d in stored_decisions(seeded).values() if d["language"] == "en")
    candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=round(english[len(english) // 2] - 0.0005, 6))
    # --max-change 100: the candidate changes more than the safety catch allows by default
    apply = ["rescore", "--policy", str(tmp_path / "candidate.toml"), "--apply", "--max-change", "100",
             "--progress", "lines"]
    first = main(apply)
    capsys.readouterr()
    again = main(apply)
    err = capsys.readouterr().err
    assert first == again == 0
    assert "already complete" in err and "(0%)" not in err and "0/" not in err
