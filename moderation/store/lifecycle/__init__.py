"""A comment's state machine: the one owner of its head hash, review queue entry, claim,
decision records, history and audit events. Every transition is here, each with its Lua script
in lua/ (see docs/service.md for the drawing):

    (new) --accepted--> queued --decided--> decided(keep | hold | remove)
    decided --accepted (edit)--> queued (the previous decision stays in force until decided)
    decided(hold) --claimed / released--> decided(hold), claim set / dropped
    decided(hold) --approved | rejected--> moderated(keep | remove): final for that revision
    decided(keep, audit item: in the queue after the holds) --approved | rejected--> moderated, the same way
    decided --rescored--> decided(new outcome)   (never a moderated or claimed revision)
    decided | moderated | rescored --opens--> delivery pending --delivered | retrying | failed-->
    removed (machine, rescore or moderator) --reinstated (platform report)--> same outcome, event recorded

Illegal moves are refused inside the scripts, so no race can make them: a late worker's decision
never moves a head past a moderator's `final` (decide.lua), rescoring never replaces a moderated
or claimed revision (rescore.lua), a moderator never decides a revision they did not see
(moderate.lua answers "stale"), an older delivery never settles a newer one (settle_delivery.lua).

Modules: accept (intake), decide (machine), moderate (claim, release, approve, reject), rescore
(applied rescoring), deliver (delivery state and outbox), in_force (the decision in force),
reinstate (the platform put a removed comment back).
"""

from moderation.store.lifecycle.accept import IntakeContention, accept_comments
from moderation.store.lifecycle.decide import queue_priority, record_decisions, review_priority
from moderation.store.lifecycle.in_force import as_delivered, decision_in_force, decisions_in_force
from moderation.store.lifecycle.moderate import Outcome, claim, decide, release
from moderation.store.lifecycle.reinstate import Reinstatement, reinstate
from moderation.store.lifecycle.rescore import Change, apply_changes

__all__ = ["Change", "IntakeContention", "Outcome", "Reinstatement", "accept_comments", "apply_changes", "as_delivered",
           "claim", "decide", "decision_in_force", "decisions_in_force", "queue_priority", "record_decisions",
           "reinstate", "release", "review_priority"]
