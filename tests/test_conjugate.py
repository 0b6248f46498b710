"""French verbs of the targeting rules in the future and the conditional (moderation/text/conjugate.py)."""

from moderation.text.conjugate import future_and_conditional


def test_the_future_stem_is_the_infinitive_or_the_infinitive_without_its_final_e():
    forms = future_and_conditional(["etrangler", "pendre", "finir"])
    assert {"etranglerais", "etranglerai", "pendrai", "pendra", "finirait"} <= set(forms)
    assert "pendreai" not in forms


def test_the_first_word_of_a_phrase_is_conjugated_and_the_rest_kept():
    assert "casserai la gueule" in future_and_conditional(["casser la gueule"])
    assert "ferai la peau" in future_and_conditional(["faire la peau"])  # an irregular stem


def test_a_phrase_that_does_not_open_on_an_infinitive_is_left_out():
    assert future_and_conditional(["a mort"]) == []
