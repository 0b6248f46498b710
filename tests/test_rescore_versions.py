"""Which engine may decide a rescoring run's batches: the versions a run records and checks
(moderation/rescore/plan.py), the targeting rules' among them, and runs planned before the rules
had a version (a batch job still queued, a checkpoint, across the upgrade)."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from moderation.engine import Engine
from moderation.rescore.options import Filters
from moderation.rescore.plan import RunSpec, VersionMismatch, check_versions, engine_versions
from moderation.services import Services
from moderation.settings import PROJECT_ROOT, load_settings
from moderation.store import keys
from moderation.targeting import TargetRules
from tests.support.rescore_store import seed
from workers import context
from workers.rescore_jobs import rescore_batch

# RunSpec.to_json() as the code before targets were versioned wrote it (commit eb82d1b, the parent
# of this change): its run_id is the digest of [policy_digest, model, lexicon, filters]. A job
# queued then carries this JSON, and its checkpoint is stored under this id; both must still hold.
SPEC_BEFORE_TARGETS = {
    "run_id": "c320af785e2dcf05", "policy_text": "[thresholds]\n", "model": None,
    "versions": {"policy": "2026-12-03.1", "policy_digest": "d41d8cd98f00", "model": "linear-v1",
                 "lexicon": "lex-0123456789abcdef"},
    "filters": {"since": 1767225600.0, "until": 1769904000.0, "time_field": "received", "article": "a-17",
                "language": "fr"},
    "apply": True, "deliver": True,
}
VERSIONS = {**SPEC_BEFORE_TARGETS["versions"], "targets": "tgt-0123456789abcdef"}


def old_spec() -> RunSpec:
    return RunSpec.from_json(json.loads(json.dumps(SPEC_BEFORE_TARGETS)))


def engine_reporting(versions: dict[str, str]):
    """A stand-in with what check_versions reads of an engine: its versions and its policy's digest."""
    return SimpleNamespace(versions={k: v for k, v in versions.items() if k != "policy_digest"},
                           policy=SimpleNamespace(digest=versions["policy_digest"]))


def test_a_spec_stored_before_targets_were_versioned_loads_with_the_run_id_it_had():
    spec = old_spec()
    assert "targets" not in spec.versions
    assert spec.run_id == SPEC_BEFORE_TARGETS["run_id"]
    assert RunSpec.from_json(json.loads(json.dumps(spec.to_json()))) == spec


def test_a_new_runs_id_depends_on_the_targeting_rules():
    new = RunSpec("[thresholds]\n", None, VERSIONS, old_spec().filters, apply=True)
    other_rules = RunSpec("[thresholds]\n", None, {**VERSIONS, "targets": "tgt-fedcba9876543210"}, new.filters,
                          apply=True)
    # a run planned with other rules must not resume the checkpoint of one planned with these
    assert len({new.run_id, other_rules.run_id, old_spec().run_id}) == 3


def test_a_worker_whose_targeting_rules_differ_is_refused():
    spec = RunSpec("[thresholds]\n", None, VERSIONS, Filters())
    check_versions(spec, engine_reporting(VERSIONS))
    with pytest.raises(VersionMismatch, match="tgt-fedcba9876543210"):
        check_versions(spec, engine_reporting({**VERSIONS, "targets": "tgt-fedcba9876543210"}))


def test_a_spec_from_before_targets_is_checked_on_the_versions_it_recorded():
    # it cannot say which rules it was planned with, and refusing it would strand its run
    check_versions(old_spec(), engine_reporting(VERSIONS))
    with pytest.raises(VersionMismatch):
        check_versions(old_spec(), engine_reporting({**VERSIONS, "lexicon": "lex-fedcba9876543210"}))


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings({"scorer": "linear"}, environ={}))


@pytest.fixture
def other_rules_worker(engine, settings, redis_client, tmp_path):
    """This process as a worker whose config/targets has one more degrading word than the planner's."""
    copy = shutil.copytree(PROJECT_ROOT / "config" / "targets", tmp_path / "targets")
    english = copy / "en.toml"
    english.write_text(english.read_text("utf-8").replace('degrading = [', 'degrading = ["zorgish", ', 1), "utf-8")
    worker_engine = Engine(engine.detector, engine.lexicon, engine.scorer, engine.policy, TargetRules.load(copy),
                           engine.second_opinion, engine.group_stance)
    context.configure(settings, Services(settings, redis=redis_client), engine=worker_engine)
    yield worker_engine
    context.reset()


def planned(engine, settings, drop: tuple[str, ...] = ()) -> dict:
    """The JSON a planner with `engine` and the configured policy hands its batch jobs (less `drop`)."""
    policy_text = settings.resolved_policy_path.read_text("utf-8")
    versions = {k: v for k, v in engine_versions(engine).items() if k not in drop}
    return RunSpec(policy_text, None, versions, Filters(), apply=True).to_json()


def test_the_rescore_job_refuses_a_batch_planned_with_other_targeting_rules(engine, settings, redis_client,
                                                                            other_rules_worker):
    seed(redis_client, engine, [{"id": "c1", "text": "muslims are zorgish"}])
    spec = planned(engine, settings)
    assert other_rules_worker.versions["targets"] != spec["versions"]["targets"]
    with pytest.raises(VersionMismatch, match="targets"):
        rescore_batch(spec, 0, ["c1"])
    assert not redis_client.exists(keys.rescore_run_done(spec["run_id"]))  # nothing decided, nothing recorded


def test_a_batch_queued_before_targets_were_versioned_still_runs_under_its_run_id(engine, settings, redis_client,
                                                                                  other_rules_worker):
    seed(redis_client, engine, [{"id": "c1", "text": "Thank you for this article."}])
    spec = planned(engine, settings, drop=("targets",))
    result = rescore_batch(spec, 0, ["c1"])
    assert result["counts"]["scanned"] == 1 and not result["errors"]
    assert redis_client.hexists(keys.rescore_run_done(spec["run_id"]), "0")  # the old run's checkpoint


def test_a_worker_on_another_engine_revision_is_refused():
    # the same model, lexicon, rules and policy read comments differently under another engine
    # revision (moderation/engine.py ENGINE_REVISION): its batches must not mix into this run
    with_engine = {**VERSIONS, "engine": "eng-2"}
    spec = RunSpec("[thresholds]\n", None, with_engine, Filters())
    check_versions(spec, engine_reporting(with_engine))
    with pytest.raises(VersionMismatch, match="eng-3"):
        check_versions(spec, engine_reporting({**with_engine, "engine": "eng-3"}))
    # a spec planned before the engine had a revision is checked on what it recorded
    check_versions(RunSpec("[thresholds]\n", None, VERSIONS, Filters()), engine_reporting(with_engine))


def test_the_engine_reports_its_revision_and_each_decision_records_it(engine):
    from moderation.engine import ENGINE_REVISION
    from moderation.types import CommentInput

    decision = engine.decide([CommentInput(id="c1", text="ok")])[0]
    assert engine.versions["engine"] == decision.details["engine_version"] == ENGINE_REVISION
