"""The team summary of one session: card texts from the deck, shifts, pulse, contacts, no names."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from dilemmas.config import Config, Contact
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from sessions.figures import month_label
from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.summary import summary_html, summary_markdown

DECK = Deck(
    info=DeckInfo("huizen-basis", "Huizen Integer — basisset", "2026.1"),
    themes=(Theme("geschenken", "Geschenken en uitnodigingen"),),
    dilemmas=(
        Dilemma(
            id="concertkaartjes", theme="geschenken", title="Kaartjes na de aanbesteding",
            situation="…", question="Wat doe je?",
            answer=Answer("choice", (Option("A", "Ik neem ze aan"), Option("B", "Ik weiger"),
                                     Option("C", "Ik vraag het mijn leidinggevende"))),
            variations=("Maar wat als het om een fles wijn gaat?", "Maar wat als je vriend het aanbiedt?"),
        ),
        Dilemma(id="schaal", theme="geschenken", title="Hoe erg is het?", situation="…",
                question="Hoe acceptabel?", answer=Answer("scale", points=5, low="Acceptabel", high="Onacceptabel")),
    ),
)
PULSE = Deck(
    info=DeckInfo("meldklimaat-pulse", "Puls", "2026.1", kind="pulse"),
    themes=(Theme("meldklimaat", "Meldklimaat"),),
    dilemmas=(Dilemma(id="kent-vp", theme="meldklimaat", title="VP", situation="…",
                      question="Weet je wie de vertrouwenspersoon is?",
                      answer=Answer("choice", (Option("ja", "Ja"), Option("nee", "Nee")))),),
)
DECKS = {"huizen-basis": DECK, "meldklimaat-pulse": PULSE}
CONFIG = Config(organisation="Gemeente Huizen",
                contacts=(Contact("Vertrouwenspersoon", "Mr. A. Voorbeeld", "035 - intern 1234"),
                          Contact("Meldregeling", "", "intranet/melden")))

RECORD = SessionRecord(
    id="7d0c0b8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", kind="team", month="2026-11", team="Publiekszaken",
    participants=9, deck_id="huizen-basis", deck_version="2026.1",
    rounds=(
        Round("concertkaartjes", "geschenken", "secret", {"A": 3, "B": 5, "C": 1},
              (Revote(1, {"A": 1, "B": 7, "C": 1}),), 7, "Goed gesprek <b>over</b> grenzen | ook"),
        Round("schaal", "geschenken", "hands", {"1": 2, "4": 3}),
        Round("elders", "onbekend-thema", "none"),
    ),
    pulse=(PulseAnswer("kent-vp", {"ja": 4, "nee": 5}),),
    completed=True,
)


def test_markdown_shows_cards_votes_shifts_and_contacts() -> None:
    md = summary_markdown(RECORD, DECKS, CONFIG)
    assert md.startswith("# Samenvatting teamsessie — Publiekszaken")
    assert "Gemeente Huizen" in md
    assert "november 2026" in md
    assert "## Ronde 1: Kaartjes na de aanbesteding" in md
    assert "Thema: Geschenken en uitnodigingen" in md
    assert "Stemming: geheime stemming" in md
    assert "| A. Ik neem ze aan | 3 | 33% |" in md
    assert "| B. Ik weiger | 5 | 56% |" in md
    assert "**Variant 2:** Maar wat als je vriend het aanbiedt?" in md
    assert "Verschuiving: A 3 → 1, B 5 → 7" in md
    assert "Besproken: 7 minuten" in md
    assert "> Goed gesprek &lt;b&gt;over&lt;/b&gt; grenzen \\| ook" in md
    assert "<b>" not in md
    # Every point of a scale shows, voted or not, with the end labels.
    assert "| 1 — Acceptabel | 2 | 40% |" in md
    assert "| 3 | 0 | 0% |" in md
    assert "| 5 — Onacceptabel | 0 | 0% |" in md
    # A card not installed here still shows, by its id.
    assert "## Ronde 3: elders" in md
    assert "## Meldklimaat" in md and "Weet je wie de vertrouwenspersoon is?" in md
    assert "## Hulp en advies" in md
    assert "- **Vertrouwenspersoon**: Mr. A. Voorbeeld — 035 - intern 1234" in md
    assert "- **Meldregeling**: intranet/melden" in md


def test_counts_are_not_suppressed_for_the_team_itself() -> None:
    record = SessionRecord(RECORD.id, "team", "2026-11", None, 3, "huizen-basis", "2026.1",
                           (Round("concertkaartjes", "geschenken", "hands", {"A": 1, "B": 2}),))
    md = summary_markdown(record, DECKS, CONFIG)
    assert "| A. Ik neem ze aan | 1 | 33% |" in md
    assert "- **Team:** —" in md


def test_without_decks_or_config() -> None:
    md = summary_markdown(RECORD, {}, None)
    assert "## Ronde 1: concertkaartjes" in md
    assert "| A | 3 | 33% |" in md
    assert "**Variant 2:** (de tekst staat in een deck dat hier niet is geïnstalleerd)" in md
    assert "## Hulp en advies" in md  # the default contacts


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escaped() -> None:
    page = summary_html(RECORD, DECKS, CONFIG)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    parser = _Collector()
    parser.feed(page)
    assert parser.links == []  # no external files
    assert "script" not in parser.tags
    assert "<b>over</b>" not in page and "&lt;b&gt;over&lt;/b&gt;" in page
    text = " ".join(parser.text)
    assert "Kaartjes na de aanbesteding" in text
    assert "Hulp en advies" in text and "Mr. A. Voorbeeld" in text
    assert "@media print" in page


@pytest.mark.parametrize(("month", "label"), [("2026-01", "januari 2026"), ("2025-12", "december 2025"),
                                              ("rommel", "rommel")])
def test_month_label(month: str, label: str) -> None:
    assert month_label(month) == label


def test_markdown_tells_how_many_of_the_participants_voted() -> None:
    md = summary_markdown(RECORD, DECKS, CONFIG)
    assert "9 van 9 stemden" in md
    assert "5 van 9 stemden" in md
    page = summary_html(RECORD, DECKS, CONFIG)
    assert "9 van 9 stemden" in page


def test_deck_and_user_text_is_never_markup_in_markdown() -> None:
    record = SessionRecord(RECORD.id, "team", "2026-11", "<script>alert(1)</script>", 3,
                           "huizen-basis", "2026.1",
                           (Round("concertkaartjes", "geschenken", "none", None, (), None,
                                  "<img src=x onerror=alert(1)>"),))
    md = summary_markdown(record, DECKS, CONFIG)
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    page = summary_html(record, DECKS, CONFIG)
    assert "<script>" not in page and "<img" not in page


def test_html_bars_print_with_their_colour() -> None:
    page = summary_html(RECORD, DECKS, CONFIG)
    rule = page[page.index(".bar span"):].split("}", 1)[0]
    assert "print-color-adjust: exact" in rule and "-webkit-print-color-adjust: exact" in rule


def test_the_note_on_what_is_kept_is_honest() -> None:
    for text in (summary_markdown(RECORD, DECKS, CONFIG), summary_html(RECORD, DECKS, CONFIG)):
        assert "bevat geen namen" not in text
        assert "Schrijf geen namen op." in text
        assert "e-mailadressen" in text


def test_rounds_keep_their_number_as_played_and_skipped_cards_are_listed() -> None:
    record = SessionRecord(RECORD.id, "team", "2026-11", "X", 9, "huizen-basis", "2026.1",
                           (RECORD.rounds[0], RECORD.rounds[2]),
                           extra={"numbers": (1, 3), "skipped": ((2, "schaal"),)})
    md = summary_markdown(record, DECKS, CONFIG)
    assert "## Ronde 1: Kaartjes na de aanbesteding" in md
    assert "## Ronde 3: elders" in md and "## Ronde 2" not in md
    assert "## Overgeslagen" in md and "- Ronde 2: Hoe erg is het?" in md
    page = summary_html(record, DECKS, CONFIG)
    assert "Ronde 3: elders" in page and "Overgeslagen" in page


def test_a_session_without_votes_or_notes_says_it_does_not_count() -> None:
    record = SessionRecord(RECORD.id, "team", "2026-11", "X", 9, "huizen-basis", "2026.1",
                           (Round("schaal", "geschenken", "none"),))
    for text in (summary_markdown(record, DECKS, CONFIG), summary_html(record, DECKS, CONFIG)):
        assert "telt niet mee in de rapportage" in text
    assert "telt niet mee" not in summary_markdown(RECORD, DECKS, CONFIG)


def test_the_summary_shows_the_percentages_and_words_the_room_saw() -> None:
    """Seen in a session: the round screen said 45 % (4 of 9), the summary 44 % (a total of
    99 %), and "de groep is sterk verdeeld" where the room read "de meeste stemmen voor 1"."""
    from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Theme
    from sessions.figures import shares
    from sessions.model import Round, SessionRecord

    card = Dilemma(
        id="chatbot", theme="t", title="Chatbot", situation="S", question="Hoe acceptabel?",
        answer=Answer("scale", points=5, low="Niet", high="Wel"),
    )
    deck = Deck(info=DeckInfo("d", "D", "1"), themes=(Theme("t", "T"),), dilemmas=(card,))
    counts = {"1": 4, "2": 3, "3": 1, "4": 1, "5": 0}
    record = SessionRecord("s", "team", "2026-12", "T", 9, "d", "1", (Round("chatbot", "t", "hands", counts),))
    text = summary_markdown(record, {"d": deck}, None)
    assert shares(counts)["1"] == 44  # each percentage rounded on its own, as on the screen
    assert "| 44% |" in text and "| 45% |" not in text
    assert "de meeste stemmen (44 %) voor 1" in text and "sterk verdeeld" not in text


def test_a_latecomer_does_not_change_how_many_could_vote_on_an_earlier_card() -> None:
    """Seen in a session: 9 of 9 voted, then 4 latecomers; the summary said "9 van 13 stemden"."""
    from game.rules.game import GameSetup, GameState
    from game.rules.saving import Saver
    from game.rules.session import GameSession

    card = Dilemma(
        id="k", theme="t", title="Kaart", situation="S", question="Wat doe je?",
        answer=Answer("choice", (Option("A", "Ja"), Option("B", "Nee"))),
    )
    deck = Deck(info=DeckInfo("d", "D", "1"), themes=(Theme("t", "T"),), dilemmas=(card,))
    game = GameState.start(deck, GameSetup("d", "1", "T", participants=9, order="fixed"))
    game.rounds[0].store_vote({"A": 4, "B": 5}, "hands", present=9)
    game.set_participants(13)
    again = GameState.from_state(game.to_state())  # kept over a resume
    record = GameSession(again, deck, Saver(None)).record()
    assert record.participants == 13
    text = summary_markdown(record, {"d": deck}, None)
    assert "9 van 9 stemden" in text and "van 13 stemden" not in text
