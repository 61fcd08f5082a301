"""The decision sentence is Dutch for every option; the summary says things once."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dilemmas.loader import load_deck
from dilemmas.stappenplan import load_stappenplan
from game.rules.walkthrough import WalkthroughState, markdown_to_html

PLAN = load_stappenplan()
DECKS = Path(__file__).parent.parent / "dilemmas" / "decks"
BUNDLED = sorted(
    {
        o.text
        for path in DECKS.glob("*.yaml")
        for d in load_deck(path).dilemmas
        if d.answer.kind == "choice"
        for o in d.answer.options
    }
)
OWN = [
    "Ik geef hem de nummers",
    "ik bel eerst mijn leidinggevende.",
    "Hij zegt het af",
    "Niets doen",
    "omdat het eerlijk is",
    "het is eerlijk",
    "Ondanks dat het tijd kost",
    "ook al kost het tijd",
    "De Wet open overheid geldt",
    "AVG",
]
# "Ook al doe ik …" is Dutch (the inverted order after "ook al"); "ondanks dat …" is not.
BAD = re.compile(r"\bondanks (dat|het|ik|hij|je|ze|er)\b", re.I)


def sentence(what: str, because: str, despite: str) -> str:
    state = WalkthroughState(plan=PLAN)
    state.decision.own = what
    state.decision.because = because
    state.decision.despite = despite
    return state.decision_sentence()


def test_there_are_many_bundled_options() -> None:
    assert len(BUNDLED) > 200


@given(
    st.sampled_from(BUNDLED + OWN),
    st.sampled_from(BUNDLED + OWN),
    st.sampled_from(BUNDLED + OWN + [""]),
)
def test_every_option_and_own_phrasing_gives_a_dutch_sentence(
    what: str, because: str, despite: str
) -> None:
    text = sentence(what, because, despite)
    # Only the sentence's own glue is judged: an option may itself say "en anders doe ik het".
    glue = text
    for part in (what, because, despite):
        if part:
            glue = glue.replace(" ".join(part.split()).rstrip(".!? ")[1:], "")
    assert not BAD.search(glue), text
    assert text.startswith("Mijn besluit: ")
    assert not re.search(r"\b(Omdat|Ook al|Hoewel|Want|Vanwege|Ondanks):", glue), text
    assert not re.search(r"Mijn besluit: Ik\b", text)
    assert not re.search(r"Omdat omdat|Ook al (ook al|ondanks)", text, re.I)


def test_ik_is_lower_case_after_the_colon() -> None:
    assert sentence("Ik geef hem de nummers.", "het wijkteam helpt", "ondanks dat het lang duurt") == (
        "Mijn besluit: ik geef hem de nummers. Omdat het wijkteam helpt. "
        "Hoewel het lang duurt."
    )
    assert sentence("Hij zegt het af", "", "") == "Mijn besluit: ik zeg het af. Omdat …"
    assert sentence("AVG-melding doen", "Omdat het moet", "") == (
        "Mijn besluit: ik kies voor „AVG-melding doen”. Omdat het moet."
    )


def test_summary_has_title_month_question_guidance_and_the_decision_once() -> None:
    state = WalkthroughState(plan=PLAN, title="Het etentje", question="Ga je?", guidance="Meld het.")
    state.month = "2026-11"
    state.add_option("Ik ga")
    state.texts["vraag"] = "Moet ik gaan?"
    md = state.summary_markdown()
    assert md.splitlines()[0] == f"# {PLAN.title}: Het etentje"
    assert "november 2026" in md
    assert "Ga je?" in md and "Meld het." in md
    assert md.count(state.decision_sentence()) == 1
    assert md.count("Niet ingevuld") == 1
    assert "geen argumenten" not in md
    assert "## 2. Feiten" not in md  # empty: named once at the end, not as a section


def test_html_summary_is_escaped() -> None:
    state = WalkthroughState(plan=PLAN, title="<b>x</b>")
    page = state.summary_html()
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert markdown_to_html("**a**", "t").count("<strong>a</strong>") == 1


def test_a_name_keeps_its_capital() -> None:
    # Found in the app: "Omdat: hamid niet alleen moet staan."
    assert sentence("Ik ga naast Hamid staan", "Hamid niet alleen moet staan", "") == (
        "Mijn besluit: ik ga naast Hamid staan. Omdat Hamid niet alleen moet staan."
    )
    assert sentence("Fatima bellen", "Het moet", "") == (
        "Mijn besluit: ik kies voor „Fatima bellen”. Omdat het moet."
    )
    assert sentence("Melden bij de leidinggevende", "De regels zijn duidelijk", "") == (
        "Mijn besluit: ik kies voor „Melden bij de leidinggevende”. "
        "Omdat de regels duidelijk zijn."
    )
