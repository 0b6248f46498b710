"""`moderation calibrate --from-reviews`: read the reviews, propose, print, write the candidate policy."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from moderation.learning.calibrate import Calibration, Options, candidate_text, propose
from moderation.learning.guard import loosened_removals
from moderation.policy import load_policy


def load_records(args) -> list:
    """Review records from `--reviews FILE` (an `export --reviews` file) or from the store."""
    from moderation.learning.records import iter_review_records, read_records

    since = until = None
    if args.since or getattr(args, "until", None):
        from moderation.rescore.options import parse_moment

        since = parse_moment(args.since, "--since") if args.since else None
        until = parse_moment(args.until, "--until") if getattr(args, "until", None) else None
    if args.reviews:
        import gzip

        opener = gzip.open if str(args.reviews).endswith(".gz") else open
        with opener(args.reviews, "rt", encoding="utf-8") as handle:
            return [r for r in read_records(handle)
                    if (since is None or r.at >= since) and (until is None or r.at < until)]
    from moderation.localstack import embedded_redis
    from moderation.settings import load_settings
    from moderation.store import Store
    from moderation.store.connection import connect

    with embedded_redis(load_settings()) as settings:
        redis = connect(settings.redis_url)
        try:
            return list(iter_review_records(Store(redis), since=since, until=until))
        finally:
            redis.close()


def _line(p) -> str:
    def fig(f):
        if f is None:
            return "-"
        ci = f"[{f.recall_ci[0]:.2f}-{f.recall_ci[1]:.2f}]" if f.recall_ci else ""
        fh = f"[{f.false_hold_rate_ci[0]:.2f}-{f.false_hold_rate_ci[1]:.2f}]" if f.false_hold_rate_ci else ""
        return (f"hold {f.threshold:.2f}: held {f.held}, false holds {f.false_holds} "
                f"(rate {f.false_hold_rate if f.false_hold_rate is not None else '-'} {fh}), "
                f"rejected still held {f.rejected_held}/{f.rejected} {ci}")
    audited = f"; {p.audited} audited keeps ({p.audited_missed} removed)" if p.audited else ""
    return (f"{p.language} {p.label}: {p.reviews} reviews ({p.approved} approved, {p.rejected} rejected){audited}\n"
            f"    before {fig(p.before)}\n    after  {fig(p.after)}\n    {p.message}")


def report(calibration: Calibration, policy, options: Options, output: Path | None) -> dict:
    return {"reviews": calibration.reviews, "policy_version": policy.version, "options": options.__dict__,
            "proposals": [p.to_json() for p in calibration.proposals],
            "changes": [f"{p.language} {p.label}: hold {p.current:.2f} -> {p.proposed:.2f}" for p in calibration.changes],
            "candidate": str(output) if output and calibration.changes else None}


def run(args) -> int:
    from moderation.settings import load_settings

    policy_path = Path(args.policy) if args.policy else load_settings().resolved_policy_path
    policy = load_policy(policy_path)
    options = Options(min_reviews=args.min_reviews, min_rejected=args.min_rejected,
                      recall=args.recall, false_hold_rate=args.false_hold_rate, max_step=args.max_step,
                      min_audited=getattr(args, "min_audited", 50), min_missed=getattr(args, "min_missed", 5))
    records = load_records(args)
    calibration = propose(records, policy, options)
    for proposal in calibration.proposals:
        print(_line(proposal), file=sys.stderr)
    if not calibration.changes:
        print(f"moderation calibrate: no change proposed from {len(records)} reviews "
              f"(see the lines above); nothing written", file=sys.stderr)
        json.dump(report(calibration, policy, options, None), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    version = f"{policy.version}+reviews.{time.strftime('%Y%m%d%H%M', time.gmtime())}"
    note = (f"Candidate from `moderation calibrate --from-reviews` on {len(records)} moderator decisions, "
            f"based on policy {policy.version}: " + "; ".join(report(calibration, policy, options, None)["changes"])
            + ". Check it with `moderation rescore --policy THIS_FILE --report changes.jsonl` before applying.")
    text = candidate_text(policy_path.read_text("utf-8"), calibration, version, note)
    body = report(calibration, policy, options, args.output)
    if args.output is None:
        print("moderation calibrate: changes proposed; give -o candidate.toml to write them", file=sys.stderr)
    else:
        tmp = Path(str(args.output) + ".tmp")
        tmp.write_text(text, "utf-8")
        problems = loosened_removals(policy, load_policy(tmp))
        if problems:  # cannot happen with candidate_text; checked anyway, whatever changes later
            tmp.unlink()
            print("moderation calibrate: refusing to write a candidate that loosens removal rules: "
                  + "; ".join(problems), file=sys.stderr)
            return 2
        tmp.replace(args.output)
        print(f"moderation calibrate: wrote {args.output}; next: moderation rescore --policy {args.output} "
              f"--report changes.jsonl (dry run) before anyone applies it", file=sys.stderr)
    json.dump(body, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
