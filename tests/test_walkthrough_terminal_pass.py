"""What the walkthrough showed in a terminal (issue 15's list, checked by hand), as tests."""

from __future__ import annotations


def test_empty_steps_are_named_as_a_dutch_list() -> None:
    from game.screens.walkthrough import empty_steps_text

    assert empty_steps_text([4]) == "Stap 4 is nog leeg."
    assert empty_steps_text([3, 5, 7]) == "Stap 3, 5 en 7 zijn nog leeg."
    assert empty_steps_text([2, 6]) == "Stap 2 en 6 zijn nog leeg."


def test_an_undecided_summary_has_no_dot_after_the_dots() -> None:
    # Found in an export: "**Mijn besluit: …. Omdat: ….**".
    from dilemmas.stappenplan import load_stappenplan
    from game.rules.walkthrough import WalkthroughState

    state = WalkthroughState.for_own_text(load_stappenplan(), "Een collega vraagt een gunst.")
    md = state.summary_markdown()
    assert "…." not in md and "**Mijn besluit: … Omdat: …**" in md
    assert "…." not in state.decision_sentence()
