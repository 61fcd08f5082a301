"""The walkthrough state without a terminal: options, the decision sentence, round trips, summary."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from dilemmas.model import Answer, Dilemma, Option
from dilemmas.stappenplan import load_stappenplan
from game.rules.walkthrough import Stakeholder, WalkthroughState
from sessions.scrub import scrub

PLAN = load_stappenplan()
CARD = Dilemma(
    id="etentje",
    theme="geschenken",
    title="Het etentje",
    situation="Een aannemer nodigt je uit voor een etentje.",
    question="Ga je?",
    answer=Answer(kind="choice", options=(Option("A", "Ik ga"), Option("B", "Ik ga niet"))),
)


def filled() -> WalkthroughState:
    state = WalkthroughState.for_dilemma(PLAN, CARD, "deck")
    state.texts["vraag"] = "Ga ik op de uitnodiging in?"
    state.stakeholders = [Stakeholder("inwoners", "eerlijk bestuur", "vertrouwen")]
    state.add_option("Ik ga, en betaal zelf")
    option = state.option("A")
    assert option is not None
    option.set_argument("for_rules", "mag binnen de regels")
    state.decision.option = "B"
    state.decision.because = "Ik wil onafhankelijk blijven."
    state.decision.despite = "Het contact kan verslechteren"
    state.justification.checked = ["Kun je dit uitleggen aan de lokale krant?"]
    state.justification.harm = "Ik leg het de aannemer uit."
    return state


def test_options_are_prefilled_from_a_choice_card_only() -> None:
    state = WalkthroughState.for_dilemma(PLAN, CARD)
    assert [(o.key, o.text) for o in state.options] == [("A", "Ik ga"), ("B", "Ik ga niet")]
    scale = Dilemma("s", "t", "S", "x", "y", Answer(kind="scale", points=5))
    assert WalkthroughState.for_dilemma(PLAN, scale).options == []
    assert WalkthroughState.for_own_text(PLAN, "  mijn dilemma ").situation == "mijn dilemma"


def test_decision_sentence() -> None:
    state = filled()
    assert state.decision_sentence() == (
        "Mijn besluit: ik ga niet. Omdat ik onafhankelijk wil blijven. "
        "Hoewel het contact kan verslechteren."
    )
    state.decision.own = "Ik bel eerst mijn leidinggevende."
    state.decision.despite = ""
    assert state.decision_sentence() == (
        "Mijn besluit: ik bel eerst mijn leidinggevende. Omdat ik onafhankelijk wil blijven."
    )
    assert WalkthroughState(plan=PLAN).decision_sentence() == "Mijn besluit: … Omdat …"


def test_removing_an_option_clears_a_decision_for_it() -> None:
    state = filled()
    added = state.options[-1]
    assert added.key.startswith("eigen-") and added.key not in {"A", "B"}
    state.remove_option("B")
    assert state.decision.option == ""
    assert [o.key for o in state.options] == ["A", added.key]
    second = state.add_option()
    assert second.key != added.key


def test_round_trip_through_json_keeps_everything() -> None:
    state = filled()
    state.go(4)
    data = json.loads(json.dumps(state.to_dict()))
    back = WalkthroughState.from_dict(PLAN, data)
    assert back.to_dict() == state.to_dict()
    assert back.current == 4
    assert data["decision_sentence"] == state.decision_sentence()


def test_from_dict_tolerates_rubbish() -> None:
    back = WalkthroughState.from_dict(
        PLAN, {"current": "x", "options": [1, {"key": "A"}], "texts": 3}
    )
    assert back.current == 0
    assert [o.key for o in back.options] == ["A"]
    assert back.stakeholders and back.stakeholders[0].is_empty


def test_done_steps() -> None:
    state = WalkthroughState.for_dilemma(PLAN, CARD)
    assert [state.is_done(i) for i in range(7)] == [False, False, False, True, False, False, False]
    assert all(filled().is_done(i) for i in (0, 2, 3, 4, 5, 6))
    assert not filled().is_done(1)


def test_summary_starts_with_the_decision_and_holds_every_answer() -> None:
    state = filled()
    md = state.summary_markdown()
    body = [line for line in md.splitlines() if line.strip()]
    assert body[0].startswith("# ")
    assert body[1] == f"**{state.decision_sentence()}**"
    assert "2. Feiten" in body[-1] and body[-1].startswith("*Niet ingevuld:")
    for text in (
        "Ga ik op de uitnodiging in?",
        "| inwoners | eerlijk bestuur | vertrouwen |",
        "| Ik ga, en betaal zelf |",
        "| Voor, volgens de regels | mag binnen de regels |",
        "- ☑ Kun je dit uitleggen aan de lokale krant?",
        "- ☐ Kun je dit uitleggen aan een inwoner?",
        "**Nadelen beperken:** Ik leg het de aannemer uit.",
    ):
        assert text in md
    assert "## 2. Feiten" not in md  # Feiten was left empty: said once at the end


def test_scrub_cleans_every_free_text() -> None:
    state = filled()
    state.texts["feiten"] = "Bel 06-12345678"
    state.stakeholders[0].who = "jan@example.nl"
    state.decision.because = "zie NL91ABNA0417164300"

    def clean(text: str) -> tuple[str, tuple[str, ...]]:
        result = scrub(text)
        return result.text, result.removed

    removed = state.scrub(clean)
    dumped = json.dumps(state.to_dict())
    assert "06-12345678" not in dumped and "jan@example.nl" not in dumped
    assert "NL91ABNA0417164300" not in dumped
    assert len(removed) == len(set(removed)) >= 2


@given(st.lists(st.text(max_size=30), max_size=6), st.text(max_size=40), st.text(max_size=40))
def test_round_trip_for_any_text(options: list[str], because: str, despite: str) -> None:
    state = WalkthroughState(plan=PLAN)
    for text in options:
        state.add_option(text)
    state.decision.because, state.decision.despite = because, despite
    back = WalkthroughState.from_dict(PLAN, json.loads(json.dumps(state.to_dict())))
    assert back.to_dict() == state.to_dict()
    assert back.decision_sentence().startswith("Mijn besluit: ")
    assert back.decision_sentence().endswith((".", "…"))
