"""Replay benchmark for issue 14: do calibration and training from moderators' reviews help, on later comments?

Usage: .venv/bin/python bench/bench_replay.py [--data ../shared/data/fr_toxifrench_agreement_sample.csv]
                                              [--later-percent 40] [--out var/replay] [--audit-share 0.3]

`--audit-share S` (default 0: the earlier mode, moderators see holds only) runs the service under the
shipped policy plus `[review] audit_keep_share = S`, so that share of kept comments reaches the
scripted moderator as audit items and `calibrate --from-reviews` may lower thresholds from them.

1. A base model that has never seen the site: the stack-v3 recipe without the native French forum
   file (`moderation train --without fr_toxifrench_agreement_sample.csv --model-id stack-v3-noforum`;
   reused when present). The shipped stack-v3 trained on 80% of that file, so it cannot stand for a
   site it has never seen.
2. The file is split by SHA-1 of the text: `later` (40%) is never posted, reviewed or tuned on.
3. The whole service (Redis, gunicorn, one RQ worker) runs with the base model and the shipped
   policy; the reviewed part is posted through the signed webhook; a scripted moderator decides every
   held comment by its label through the review API.
4. `moderation export --reviews`, `moderation calibrate --from-reviews -o candidate.toml` and
   `moderation rescore --policy candidate.toml --report` (dry run) against that Redis, then
   `moderation train --with-reviews` (the base recipe plus the reviews).
5. The later part is decided by the engine the worker runs under each configuration; false holds,
   false removals and missed toxic comments per detected language, and AUC, are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.engine import Engine  # noqa: E402
from moderation.learning.replay import (  # noqa: E402
    decide_in_process, load_rows, measure, post_all, scripted_moderator, split_rows,
)
from moderation.localstack import start_stack  # noqa: E402
from moderation.policy import load_policy  # noqa: E402
from moderation.settings import load_settings  # noqa: E402

FORUM = "fr_toxifrench_agreement_sample.csv"
BASE_ID = "stack-v3-noforum"
TOKEN = "replay-moderator-token-0123456789"


def cli(args: list[str], env: dict[str, str], log: Path) -> subprocess.CompletedProcess:
    """Run `python -m moderation.cli ARGS`; stderr goes to the log; stop on failure."""
    started = time.perf_counter()
    with log.open("a") as err:
        err.write(f"\n$ moderation {' '.join(args)}\n")
        err.flush()
        done = subprocess.run([sys.executable, "-m", "moderation.cli", *args], env={**os.environ, **env},
                              stdout=subprocess.PIPE, stderr=err, text=True)
    print(f"  moderation {args[0]} ... exit {done.returncode} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    if done.returncode != 0:
        raise SystemExit(f"moderation {' '.join(args)} failed; see {log}")
    return done


def base_model(data_dir: Path, models: Path, log: Path) -> Path:
    path = models / f"{BASE_ID}.json"
    if not path.exists():
        cli(["train", "--data-dir", str(data_dir), "--without", FORUM, "--model-id", BASE_ID, "--out", str(models)],
            {}, log)
    return path


def engine_for(model: Path, policy: Path) -> Engine:
    settings = load_settings(overrides={"linear_model_path": model, "scorer": "linear"}, environ={})
    return Engine.from_settings(settings, policy=load_policy(policy))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--later-percent", type=int, default=40)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "replay")
    parser.add_argument("--min-reviews", type=int, help="passed to calibrate --from-reviews (its default: 50)")
    parser.add_argument("--no-train", action="store_true", help="skip train --with-reviews (calibration only)")
    parser.add_argument("--audit-share", type=float, default=0.0,
                        help="[review] audit_keep_share for the service: kept comments sampled for review (0: off)")
    parser.add_argument("--min-audited", type=int, help="passed to calibrate --from-reviews (its default: 50)")
    args = parser.parse_args()
    out = args.out.resolve()
    run_dir = out / time.strftime("run-%Y%m%d-%H%M%S")
    run_dir.mkdir(parents=True)
    log = run_dir / "commands.log"
    models = out / "models"
    base = base_model(args.data_dir, models, log)
    policy = load_settings(environ={}).resolved_policy_path
    if args.audit_share:
        audited = run_dir / "policy-audit.toml"
        audited.write_text(policy.read_text("utf-8") + f"\n[review]\naudit_keep_share = {args.audit_share}\n", "utf-8")
        policy = audited
    rows = load_rows(args.data_dir / FORUM, prefix="forum")
    reviewed, later = split_rows(rows, args.later_percent)
    print(f"replay: {len(reviewed)} reviewed ({sum(r.label for r in reviewed)} toxic), "
          f"{len(later)} later ({sum(r.label for r in later)} toxic)", file=sys.stderr)
    settings = load_settings(overrides={
        "data_dir": run_dir / "service", "webhook_secret": "replay-webhook-secret", "scorer": "linear",
        "review_tokens": (f"replay:{TOKEN}",), "linear_model_path": base, "policy_path": policy}, environ={})
    report: dict = {"data": FORUM, "reviewed": len(reviewed), "later": len(later), "base_model": BASE_ID,
                    "audit_share": args.audit_share,
                    "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    with start_stack(settings, workers=1) as stack:
        started = time.perf_counter()
        answers = post_all(stack.client(), reviewed)
        report["service_decided_reviewed"] = {"seconds": round(time.perf_counter() - started, 1),
                                              "outcomes": _count(a["decision"]["decision"] for a in answers.values())}
        report["moderator"] = scripted_moderator(stack.url, TOKEN, {r.id: r.label for r in reviewed})
        env = {"MODERATION_REDIS_URL": stack.redis_url, "MODERATION_LINEAR_MODEL_PATH": str(base),
               "MODERATION_SCORER": "linear"}
        cli(["export", "--reviews", "-o", str(run_dir / "reviews.jsonl")], env, log)
        options = ["--min-reviews", str(args.min_reviews)] if args.min_reviews is not None else []
        options += ["--min-audited", str(args.min_audited)] if args.min_audited is not None else []
        done = cli(["calibrate", "--from-reviews", "--policy", str(policy), *options,
                    "-o", str(run_dir / "candidate.toml")], env, log)
        report["calibrate"] = json.loads(done.stdout)
        candidate = run_dir / "candidate.toml"
        if candidate.exists():
            done = cli(["rescore", "--policy", str(candidate), "--report", str(run_dir / "changes.jsonl")], env, log)
            report["rescore_dry_run"] = json.loads(done.stdout.strip().splitlines()[-1])
        in_process = {d["id"]: d["decision"] for d in decide_in_process(engine_for(base, policy), reviewed)}
        report["service_equals_in_process"] = sum(in_process[i] == a["decision"]["decision"] for i, a in answers.items())
        if args.no_train:
            report["train"] = None
        else:
            done = cli(["train", "--with-reviews", "--data-dir", str(args.data_dir), "--without", FORUM, "--model-id",
                        BASE_ID, "--base-model", str(base), "--out", str(models), "--force"], env, log)
            report["train"] = json.loads(done.stdout)
    adapted = Path(report["train"]["path"]) if report["train"] else None
    configs = {"before (base model, shipped policy)": (base, policy)}
    if candidate.exists():
        configs["after calibrate (base model, candidate policy)"] = (base, candidate)
    if adapted:
        configs["after train --with-reviews (adapted model, shipped policy)"] = (adapted, policy)
    if adapted and candidate.exists():
        configs["after both (adapted model, candidate policy)"] = (adapted, candidate)
    report["later"] = {name: measure(decide_in_process(engine_for(model, pol), later), later)
                       for name, (model, pol) in configs.items()}
    (run_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return out


if __name__ == "__main__":
    sys.exit(main())
