"""Percentages are each rounded on their own: equal counts always show equal percentages, on
the screen and in every export, even if the column then adds up to 99 or 101."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.widgets.bars import bar_lines
from sessions.figures import percent, room_words, shares
from sessions.model import Round, SessionRecord
from sessions.summary import summary_html, summary_markdown

COUNTS = st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 200), min_size=2)


@given(COUNTS)
def test_equal_counts_always_show_equal_percentages(counts: dict[str, int]) -> None:
    pct = shares(counts)
    for a, n in counts.items():
        for b, m in counts.items():
            if n == m:
                assert pct[a] == pct[b]


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_a_percentage_is_the_nearest_whole_number_half_up(count: int, total: int) -> None:
    exact = 100 * count / total
    got = percent(count, total)
    assert abs(got - exact) <= 0.5
    if abs(got - exact) == 0.5:
        assert got > exact  # 12.5 → 13, as people round


def test_the_cases_the_room_saw() -> None:
    """Seen in a session: "2 16%" beside "2 15%" (13 votes) and "3 34% / 3 33% / 3 33%"."""
    assert shares({"A": 2, "B": 2, "C": 9}) == {"A": 15, "B": 15, "C": 69}
    assert shares({"A": 3, "B": 3, "C": 3}) == {"A": 33, "B": 33, "C": 33}
    assert shares({"A": 1, "B": 1, "C": 0}) == {"A": 50, "B": 50, "C": 0}
    assert percent(1, 8) == 13 and percent(0, 0) == 0


@given(COUNTS)
def test_the_bars_show_equal_percentages_for_equal_counts(counts: dict[str, int]) -> None:
    labels = {k: f"Optie {k}" for k in counts}
    rows = {key: figures.split()[-1] for key, _bar, figures, _label in bar_lines(counts, labels, 20)}
    for a, n in counts.items():
        for b, m in counts.items():
            if n == m:
                assert rows[a] == rows[b]


def _record(counts: dict[str, int]) -> tuple[SessionRecord, dict[str, Deck]]:
    options = tuple(Option(k, f"Optie {k}") for k in counts)
    card = Dilemma(id="k", theme="t", title="Kaart", situation="S", question="Wat doe je?",
                   answer=Answer("choice", options))
    deck = Deck(info=DeckInfo("d", "D", "1"), themes=(Theme("t", "T"),), dilemmas=(card,))
    record = SessionRecord("s", "team", "2026-12", "T", 13, "d", "1",
                           (Round("k", "t", "hands", counts),))
    return record, {"d": deck}


def test_the_summary_exports_show_equal_percentages_for_equal_counts() -> None:
    record, decks = _record({"A": 2, "B": 2, "C": 9})
    markdown = summary_markdown(record, decks, None)
    assert re.findall(r"\| (\d+)% \|", markdown) == ["15", "15", "69"]
    html = summary_html(record, decks, None)
    assert re.findall(r'<td class="n">(\d+)%</td>', html) == ["15", "15", "69"]
    record, decks = _record({"A": 3, "B": 3, "C": 3})
    assert re.findall(r"\| (\d+)% \|", summary_markdown(record, decks, None)) == ["33"] * 3


def test_the_words_use_the_same_percentage_as_the_bars() -> None:
    counts = {"A": 4, "B": 3, "C": 1, "D": 1}
    assert f"({shares(counts)['A']} %)" in room_words(counts)


def test_discussed_minutes_round_to_the_nearest_minute() -> None:
    """Seen: "Besproken: 3 minuten" for 146 seconds."""
    from sessions.figures import discussed_minutes, minutes_words

    assert discussed_minutes(146) == 2 and minutes_words(2) == "2 minuten"
    assert discussed_minutes(150) == 3
    assert discussed_minutes(20) == 1 and minutes_words(1) == "1 minuut"
    assert discussed_minutes(0) == 1
    assert discussed_minutes(89) == 1 and discussed_minutes(90) == 2


def test_the_report_rounds_each_share_as_the_summary_does() -> None:
    """1 of 8 is 12.5 %: the team summary says 13 %, so the report's words and its council
    paragraph say 13 % too (Python's round() would say 12)."""
    from sessions import report_council, report_words

    assert report_words.percent(1, 8) == "13%"
    assert report_council._pct(1, 8) == 13
    assert report_words.percent(0, 0) == "0%"


def test_the_council_paragraph_says_one_team_in_the_singular() -> None:
    """"Er deed 1 team mee", not "Er deden 1 team mee" (no team list in the config)."""
    from sessions.model import Round, SessionRecord
    from sessions.report import Period, build_report
    from sessions.report_council import paragraph

    def session(i: int, team: str) -> SessionRecord:
        return SessionRecord(f"s{i}", "team", "2026-03", team, 8, "proef", "1",
                             (Round("kaartjes", "geschenken", "hands", {"A": 5, "B": 3}),), (),
                             True)

    one = build_report([session(1, "Griffie")], {}, k=5, period=Period.year(2026))
    said = paragraph(one, "de gemeente")
    assert "Er deed 1 team mee." in said
    assert "speelde één team van de gemeente 1 teamsessie" in said
    two = build_report([session(1, "Griffie"), session(2, "Inkoop")], {}, k=5,
                       period=Period.year(2026))
    said = paragraph(two, "de gemeente")
    assert "Er deden 2 teams mee." in said and "speelden teams van de gemeente" in said


def test_the_council_paragraph_says_all_teams_took_part_in_plain_words() -> None:
    """"Alle 2 teams van de organisatie deden mee", not "deden er 2 mee; 0 nog niet"."""
    from sessions.model import Round, SessionRecord
    from sessions.report import Period, build_report
    from sessions.report_council import paragraph

    def session(i: int, team: str) -> SessionRecord:
        return SessionRecord(f"s{i}", "team", "2026-03", team, 8, "proef", "1",
                             (Round("kaartjes", "geschenken", "hands", {"A": 5, "B": 3}),), (),
                             True)

    records = [session(1, "Griffie"), session(2, "Inkoop")]
    report = build_report(records, {}, k=5, period=Period.year(2026), teams=("Griffie", "Inkoop"))
    said = paragraph(report, "de gemeente")
    assert "Alle 2 teams van de organisatie deden mee." in said and "0 nog niet" not in said
    partly = build_report(records[:1], {}, k=5, period=Period.year(2026),
                          teams=("Griffie", "Inkoop"))
    assert "deed er 1 mee; 1 nog niet." in paragraph(partly, "de gemeente")
