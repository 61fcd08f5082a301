"""The WIO report: figures on a hand-checked fixture, the JSON schema, the renderers, the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.cli import main
from sessions.model import PulseAnswer, Revote, Round, SessionKind, SessionRecord
from sessions.report import (
    Period,
    build_report,
    quarter_of,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    report_to_json,
)
from sessions.report_model import Report

FIXTURES = Path(__file__).parent / "fixtures" / "report"
K = 5


def _choice(*pairs: tuple[str, str]) -> Answer:
    return Answer("choice", tuple(Option(key, text) for key, text in pairs))


def _decks() -> dict[str, Deck]:
    """The same decks as tests/fixtures/report/*.yaml, built directly."""
    concert = Dilemma(
        "concert", "geschenken", "Kaartjes na de aanbesteding", "…", "Wat doe je?",
        _choice(("A", "Ik neem ze aan"), ("B", "Ik weiger ze"),
                ("C", "Ik overleg eerst met mijn leidinggevende")),
        variations=("Het zijn kaartjes van 20 euro.", "De leverancier is je zwager."),
    )
    klus = Dilemma("klus", "nevenwerk", "Een klus in het weekend", "…", "Hoe acceptabel?",
                   Answer("scale", points=5, low="Acceptabel", high="Onacceptabel"))
    borrel = Dilemma("borrel", "geschenken", "De borrel van de aannemer", "…", "Ga je?",
                     _choice(("A", "Ja"), ("B", "Nee")))
    deck = Deck(DeckInfo("testdeck", "Testdeck", "2026.1"),
                (Theme("geschenken", "Geschenken en uitnodigingen"),
                 Theme("nevenwerk", "Nevenwerkzaamheden")),
                (concert, klus, borrel))
    vp = Dilemma("kent-vp", "meldklimaat", "Vertrouwenspersoon", "…",
                 "Weet je wie de vertrouwenspersoon is?",
                 _choice(("ja", "Ja"), ("nee", "Nee"), ("weet-niet", "Weet ik niet")))
    pulse = Deck(DeckInfo("test-pulse", "Meldklimaat", "2026.1", kind="pulse"),
                 (Theme("meldklimaat", "Meldklimaat"),), (vp,))
    return {"testdeck": deck, "test-pulse": pulse}


def _session(sid: str, month: str, team: str | None, participants: int, rounds: tuple[Round, ...],
             pulse: tuple[PulseAnswer, ...] = (), *, deck: str = "testdeck", kind: SessionKind = "team",
             completed: bool = True) -> SessionRecord:
    return SessionRecord(sid, kind, month, team, participants, deck, "2026.1",
                         rounds, pulse, completed)


def _vp(**counts: int) -> tuple[PulseAnswer, ...]:
    return (PulseAnswer("kent-vp", {k.replace("_", "-"): v for k, v in counts.items()}),)


# The hand-checked fixture, k = 5, period 2026. Sessions that count: S1, S2, S3, S4, S8, S9.
#   sessions 6; teams: publiekszaken (S1, S2 after trim+casefold), burgerzaken,
#   sociaal domein, financiën = 4 (S4 has no label); participants 9+6+4+12+7+3 = 41,
#   mean 41/6 = 6.83 → 6.8; rounds 2+2+1+2+1+1 = 9.
#   themes: geschenken = concert ×4 + borrel ×2 = 6; nevenwerk = klus ×2 = 2; eigen-thema 1
#   (not in any installed deck: the id is its title).
#   concert: played 4; answers 9+6+12+3 = 30; A 3+2+6+1 = 12, B 5+2+6+2 = 15, C 1+2+0+0 = 3;
#     verdeeldheid -(.4 ln .4 + .5 ln .5 + .1 ln .1)/ln 3 = 0.859.
#   klus (scale 5): played 2; answers 9+12 = 21; 1:2 2:4 3:3 4:0 5:12; verdeeldheid 0.707.
#   borrel: played 2 (once without a vote); answers 4 < 5 → counts and verdeeldheid null.
#   x-dilemma (deck "onbekend", not installed): answers 7, P:4 Q:3, m = 2 keys seen → 0.985.
#   Order: x-dilemma 0.985, concert 0.859, klus 0.707, borrel (null last).
#   Shifts of concert: variation 0 in S1 and S2: before A5 B7 C3 (15), after A1 B12 C2 (15);
#     variation 1 in S4: before A6 B6 C0 (12), after A2 B10 C0 (12). Both ≥ 5, but the total
#     (30) minus both befores leaves S9 alone (3 votes): the smaller, variation 1, is hidden.
#     Then total − before(v0) = S4 + S9 = 15 ≥ 5: variation 0 stays.
#   Pulse kent-vp: Q1 = S1 + S2 = 15 (ja 7, nee 7, weet-niet 1); Q2 = S3 = 2; Q3 = S4 = 12;
#     Q4 = S8 = 1. Q2 and Q4 are < 5, together 3 < 5 → also hide the next smallest, Q3 (12);
#     hidden together 15. Total 30: ja 19, nee 10, weet-niet 1.
RECORDS = (
    _session("s1", "2026-01", "Publiekszaken", 9, (
        Round("concert", "geschenken", "secret", {"A": 3, "B": 5, "C": 1},
              (Revote(0, {"A": 1, "B": 7, "C": 1}),), 7, "Veel discussie over de waarde."),
        Round("klus", "nevenwerk", "hands", {"1": 2, "2": 4, "3": 3}),
    ), _vp(ja=4, nee=5)),
    _session("s2", "2026-02", " publiekszaken ", 6, (
        Round("concert", "geschenken", "hands", {"A": 2, "B": 2, "C": 2},
              (Revote(0, {"A": 0, "B": 5, "C": 1}),)),
        Round("borrel", "geschenken", "none"),
    ), _vp(ja=3, nee=2, weet_niet=1)),
    _session("s3", "2026-04", "Burgerzaken", 4, (
        Round("borrel", "geschenken", "hands", {"A": 3, "B": 1}),
    ), _vp(ja=1, nee=1), completed=False),
    _session("s4", "2026-07", None, 12, (
        Round("concert", "geschenken", "secret", {"A": 6, "B": 6},
              (Revote(1, {"A": 2, "B": 10}),)),
        Round("klus", "nevenwerk", "secret", {"5": 12}),
    ), _vp(ja=10, nee=2)),
    _session("s5", "2026-11", "Nieuwe collega", 1, (
        Round("concert", "geschenken", "secret", {"A": 1}),
    ), kind="practice"),
    _session("s6", "2025-12", "Oud", 8, (Round("concert", "geschenken", "hands", {"A": 8}),)),
    _session("s7", "2026-08", "Leeg", 5, ()),
    _session("s8", "2026-10", "Sociaal domein", 7, (
        Round("x-dilemma", "eigen-thema", "hands", {"P": 4, "Q": 3}),
    ), _vp(ja=1), deck="onbekend"),
    _session("s9", "2026-12", "Financiën", 3, (
        Round("concert", "geschenken", "hands", {"A": 1, "B": 2}),
    )),
)


def _report(with_notes: bool = False, decks: dict[str, Deck] | None = None) -> Report:
    return build_report(RECORDS, _decks() if decks is None else decks, k=K,
                        period=Period.year(2026), with_notes=with_notes)


def test_fixture_totals_and_themes() -> None:
    doc = report_to_json(_report())
    assert doc["totals"] == {"sessions": 6, "teams": 4, "participants": 41, "rounds": 9,
                             "participants_mean": 6.8, "other_teams": 0}
    assert doc["themes"] == [
        {"id": "geschenken", "title": "Geschenken en uitnodigingen", "rounds": 6},
        {"id": "nevenwerk", "title": "Nevenwerkzaamheden", "rounds": 2},
        {"id": "eigen-thema", "title": "eigen-thema", "rounds": 1},
    ]


def test_fixture_dilemmas() -> None:
    doc = report_to_json(_report())
    assert [(d["id"], d["verdeeldheid"]) for d in doc["dilemmas"]] == [
        ("x-dilemma", 0.985), ("concert", 0.876), ("klus", 0.707), ("borrel", None)]
    x, concert, klus, borrel = doc["dilemmas"]
    assert x == {"id": "x-dilemma", "deck": "onbekend", "theme": "eigen-thema",
                 "title": "x-dilemma", "played": 1, "answers": 7, "counts": {"P": 4, "Q": 3},
                 "verdeeldheid": 0.985, "blanco": 0, "summed": 1, "open": False}
    assert concert == {"id": "concert", "deck": "testdeck", "theme": "geschenken",
                       "title": "Kaartjes na de aanbesteding", "played": 4, "answers": 27,
                       "counts": {"A": 11, "B": 13, "C": 3}, "verdeeldheid": 0.876,
                       "blanco": 0, "summed": 3, "open": False}
    assert list(concert["counts"]) == ["A", "B", "C"]
    assert klus["counts"] == {"1": 2, "2": 4, "3": 3, "4": 0, "5": 12}
    assert klus["answers"] == 21 and klus["played"] == 2
    assert borrel == {"id": "borrel", "deck": "testdeck", "theme": "geschenken",
                      "title": "De borrel van de aannemer", "played": 2, "answers": 0,
                      "counts": None, "verdeeldheid": None, "blanco": None, "summed": 0,
                      "open": False}


def test_fixture_shifts() -> None:
    shifts = report_to_json(_report())["shifts"]
    assert shifts == [
        {"deck": "testdeck", "dilemma": "concert", "variation": 0,
         "text": "Het zijn kaartjes van 20 euro.", "revotes": 2,
         "before": {"answers": 15, "counts": {"A": 5, "B": 7, "C": 3}},
         "after": {"answers": 15, "counts": {"A": 1, "B": 12, "C": 2}}},
        {"deck": "testdeck", "dilemma": "concert", "variation": 1,
         "text": "De leverancier is je zwager.", "revotes": 1,
         "before": {"answers": 12, "counts": {"A": 6, "B": 6, "C": 0}},
         "after": {"answers": 12, "counts": {"A": 2, "B": 10, "C": 0}}},
    ]


def test_fixture_pulse_of_fewer_than_three_teams_enters_no_sum() -> None:
    # Q1 is one team (Publiekszaken twice), Q3 one session without a label: both left out.
    pulse = report_to_json(_report())["pulse"]
    assert pulse == [{
        "question": "kent-vp", "answers": 0, "counts": None,
        "quarters": {
            "2026-Q1": {"answers": 15, "counts": None},
            "2026-Q3": {"answers": 12, "counts": None},
        },
    }]


# Two more teams in the first quarter: its pulse then comes from three teams and is summed.
THREE_TEAMS = (*RECORDS,
               _session("t1", "2026-03", "Team A", 5, (Round("borrel", "geschenken", "none"),),
                        _vp(ja=5)),
               _session("t2", "2026-03", "Team B", 5, (Round("borrel", "geschenken", "none"),),
                        _vp(nee=5)))


def test_fixture_pulse_of_three_teams_is_summed() -> None:
    report = build_report(THREE_TEAMS, _decks(), k=K, period=Period.year(2026))
    assert report_to_json(report)["pulse"] == [{
        "question": "kent-vp", "answers": 25,
        "counts": {"ja": 12, "nee": 12, "weet-niet": 1},
        "quarters": {
            "2026-Q1": {"answers": 25, "counts": {"ja": 12, "nee": 12, "weet-niet": 1}},
            "2026-Q3": {"answers": 12, "counts": None},
        },
    }]


def test_fixture_session_list() -> None:
    sessions = report_to_json(_report())["sessions"]
    assert sessions == [
        {"month": "2026-01", "team": "Publiekszaken", "participants": 9, "rounds": 2,
         "completed": True},
        {"month": "2026-02", "team": "publiekszaken", "participants": 6, "rounds": 2,
         "completed": True},
        {"month": "2026-04", "team": "Burgerzaken", "participants": 4, "rounds": 1,
         "completed": False},
        {"month": "2026-07", "team": None, "participants": 12, "rounds": 2, "completed": True},
        {"month": "2026-10", "team": "Sociaal domein", "participants": 7, "rounds": 1,
         "completed": True},
        {"month": "2026-12", "team": "Financiën", "participants": 3, "rounds": 1,
         "completed": True},
    ]


def test_json_keys_and_order_follow_the_spec() -> None:
    doc = report_to_json(_report())
    assert list(doc)[:9] == ["format", "version", "period", "k", "totals", "themes", "dilemmas",
                             "pulse", "sessions"]
    assert doc["format"] == "integer-spel-report" and doc["version"] == 1
    assert doc["period"] == {"from": "2026-01", "to": "2026-12"} and doc["k"] == 5
    assert list(doc["totals"])[:4] == ["sessions", "teams", "participants", "rounds"]
    assert list(doc["dilemmas"][0]) == ["id", "deck", "theme", "title", "played", "answers",
                                        "counts", "verdeeldheid", "blanco", "summed", "open"]
    assert list(doc["pulse"][0]) == ["question", "answers", "counts", "quarters"]
    assert list(doc["sessions"][0]) == ["month", "team", "participants", "rounds", "completed"]
    assert "notes" not in doc
    json.dumps(doc)  # serialisable as is


def test_json_text_is_the_same_document() -> None:
    report = _report(with_notes=True)
    text = render_json(report)
    assert json.loads(text) == report_to_json(report)
    assert list(json.loads(text)) == list(report_to_json(report))
    assert '"title": "Kaartjes na de aanbesteding"' in text  # not escaped to \\u sequences


def test_without_installed_decks_ids_stand_in() -> None:
    doc = report_to_json(_report(decks={}))
    concert = next(d for d in doc["dilemmas"] if d["id"] == "concert")
    # Without the deck, m is the number of keys seen (A, B, C): the same 3 here.
    assert concert["title"] == "concert" and concert["verdeeldheid"] == 0.876
    klus = next(d for d in doc["dilemmas"] if d["id"] == "klus")
    # Keys seen: 1, 2, 3, 5 → m = 4 (the unseen "4" is not invented);
    # -Σ p ln p over 2, 4, 3, 12 of 21, divided by ln 4 = 0.821.
    assert klus["counts"] == {"1": 2, "2": 4, "3": 3, "5": 12}
    assert klus["verdeeldheid"] == 0.821
    assert doc["themes"][0]["title"] == "geschenken"


def test_period_filters_months() -> None:
    report = build_report(RECORDS, _decks(), k=K, period=Period("2026-07", "2026-12"))
    assert report.totals.sessions == 3
    assert [s.month for s in report.sessions] == ["2026-07", "2026-10", "2026-12"]
    assert Period.current_year().implicit and not Period.year(2026).implicit


def test_quarter_of() -> None:
    assert [quarter_of(f"2026-{m:02d}") for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        "2026-Q1", "2026-Q1", "2026-Q2", "2026-Q2", "2026-Q3", "2026-Q3", "2026-Q4", "2026-Q4"]


def test_notes_only_when_asked() -> None:
    assert "Veel discussie" not in render_markdown(_report())
    assert "Veel discussie" not in render_html(_report())
    assert "Veel discussie" not in render_csv(_report())
    report = _report(with_notes=True)
    assert report_to_json(report)["notes"] == [
        {"deck": "testdeck", "dilemma": "concert", "notes": ["Veel discussie over de waarde."]}]
    assert "Veel discussie over de waarde." in render_markdown(report)
    assert "Veel discussie over de waarde." in render_html(report)


def test_notes_are_scrubbed_again() -> None:
    records = [_session("n", "2026-03", "Team", 6, (
        Round("d", "t", "none", note="Mail jan.jansen@example.nl of bel 06-12345678"),))]
    report = build_report(records, {}, k=K, period=Period.year(2026), with_notes=True)
    (group,) = report.notes
    assert "example.nl" not in group.notes[0] and "12345678" not in group.notes[0]
    assert "[verwijderd]" in group.notes[0]


def test_markdown_opens_with_the_paragraph_and_keeps_the_statement() -> None:
    md = render_markdown(_report())
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings[0] == "Voor de rapportage integriteitsbeleid"
    assert "### Wat wel en niet is vastgelegd" in md
    assert "minder dan 5 antwoorden" in md
    assert "| Teams bereikt | 4 |" in md
    assert "6,8" in md  # Dutch decimal comma
    assert "De notities bij de rondes staan niet in dit rapport." in md
    assert "Nergens staat wie wat stemde." in md


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.h2: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.h2.append(data)


def test_html_is_self_contained_and_paragraph_first() -> None:
    page = render_html(build_report(THREE_TEAMS, _decks(), k=K, period=Period.year(2026)))
    parser = _Collect()
    parser.feed(page)
    assert parser.h2[0] == "Voor de rapportage integriteitsbeleid"
    for label in ("Bereik", "Thema's", "Meest verdelende dilemma's", "Meldklimaat",
                  "Bijlage: alle cijfers"):
        assert label in parser.h2
    assert "Wat wel en niet is vastgelegd" in page
    assert 'Verschuivingen na "Maar wat als…?"' in page and "<h3>Sessies</h3>" in page
    assert "Teamsessies" in page and "Teams bereikt" in page and "Deelnames" in page
    assert "script" not in parser.tags and "img" not in parser.tags and "link" not in parser.tags
    assert not re.search(r"(?:src|href)\s*=|url\(|@import|https?://(?!www\.w3\.org/2000/svg)", page)
    assert "@page" in page and "counter(pages)" in page
    assert "break-before:page" not in page  # no forced breaks, so no near-empty pages
    assert parser.tags.count("svg") >= 3  # themes, pulse distribution, pulse per quarter
    # The appendix: concert A 11 of 27, and its shift of variant 1 before and after.
    assert "<td>Geschenken en uitnodigingen</td><td>testdeck</td>" in page
    assert "<td class=d>A 11 · B 13 · C 3</td>" in page
    assert "<td class=d>A 5 · B 7 · C 3</td><td class=d>A 1 · B 12 · C 2</td>" in page


def test_html_escapes_data() -> None:
    records = [_session("h", "2026-03", "<script>alert(1)</script> & Co", 6, (
        Round("<b>kaart</b>", "<i>thema</i>", "hands", {"<A>": 6}),
    ))]
    report = build_report(records, {}, k=K, period=Period.year(2026), with_notes=False)
    page = render_html(report)
    assert "<script>" not in page and "<b>kaart" not in page and "<i>thema" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    md = render_markdown(build_report(
        [_session("m", "2026-03", "a|b", 6, (Round("d", "t", "none"),))], {}, k=K,
        period=Period.year(2026)))
    assert "| a\\|b |" in md


def test_csv_is_one_tidy_table() -> None:
    report = build_report(THREE_TEAMS, _decks(), k=K, period=Period.year(2026))
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert set(rows[0]) == {"sectie", "deck", "id", "titel", "periode", "variant", "meting",
                            "optie", "waarde", "opmerking"}
    def pick(**want: str) -> list[dict[str, str]]:
        return [r for r in rows if all(r[k] == v for k, v in want.items())]
    assert pick(sectie="totaal", meting="teams")[0]["waarde"] == "6"
    assert {r["optie"]: r["waarde"] for r in pick(sectie="dilemma", id="concert",
                                                  meting="stemmen")} == {"A": "11", "B": "13",
                                                                         "C": "3"}
    hidden = pick(sectie="dilemma", id="borrel", meting="stemmen")
    assert len(hidden) == 1 and hidden[0]["waarde"] == "" and "minder dan 5" in hidden[0]["opmerking"]
    q1 = pick(sectie="meldklimaat", periode="2026-Q1", meting="stemmen")
    assert {r["optie"]: r["waarde"] for r in q1} == {"ja": "12", "nee": "12", "weet-niet": "1"}
    q3 = pick(sectie="meldklimaat", periode="2026-Q3", meting="stemmen")
    assert len(q3) == 1 and q3[0]["waarde"] == "" and "3 teams" in q3[0]["opmerking"]
    assert len(pick(sectie="sessie", meting="deelnemers")) == 8


def test_csv_neutralises_formulas() -> None:
    records = [_session("f", "2026-03", "=HYPERLINK(\"x\")", 6, (Round("d", "t", "none"),))]
    out = render_csv(build_report(records, {}, k=K, period=Period.year(2026)))
    rows = list(csv.DictReader(io.StringIO(out)))
    team = next(r for r in rows if r["meting"] == "team")
    assert team["waarde"].startswith("'=")


def test_no_vote_count_below_k_anywhere() -> None:
    """Every shown distribution in the JSON has at least k answers."""
    doc = report_to_json(_report())
    shown = [d["counts"] for d in doc["dilemmas"]]
    shown += [p["counts"] for p in doc["pulse"]]
    shown += [q["counts"] for p in doc["pulse"] for q in p["quarters"].values()]
    shown += [s[part]["counts"] for s in doc["shifts"] for part in ("before", "after")]
    for counts in shown:
        assert counts is None or sum(counts.values()) >= K


# ------------------------------------------------------------------------------ the command


def _fill_store() -> None:
    from sessions.store import Store

    store = Store.open()
    try:
        for rec in RECORDS:
            sid = store.start_session(kind=rec.kind, team=rec.team,
                                      participants=rec.participants, deck_id=rec.deck_id,
                                      deck_version=rec.deck_version, month=rec.month)
            for i, rnd in enumerate(rec.rounds):
                store.save_round(sid, i, rnd)
            if rec.pulse:
                store.save_pulse(sid, rec.pulse)
            if rec.completed:
                store.complete(sid)
    finally:
        store.close()


def test_cli_json_matches_the_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    code = main(["--decks", str(FIXTURES), "report", "--year", "2026", "--format", "json"])
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    # The previous period of the same length (2025) holds only s6 (2025-12).
    assert doc.pop("previous") == {"period": {"from": "2025-01", "to": "2025-12"},
                                   "sessions": 1, "teams": 1, "participants": 8, "rounds": 1,
                                   "pulse": []}
    expected = report_to_json(_report())
    assert expected.pop("previous") is None
    assert doc == expected


def test_cli_from_without_to_runs_to_the_latest_month(capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    assert main(["report", "--from", "2026-06-15", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["period"] == {"from": "2026-06", "to": "2026-12"}
    assert doc["totals"]["sessions"] == 3


def test_cli_to_without_from_starts_at_the_earliest(capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    assert main(["report", "--to", "2026-02", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["period"] == {"from": "2025-12", "to": "2026-02"}
    assert doc["totals"]["sessions"] == 3  # s6 (2025-12), s1, s2


def test_cli_default_is_this_year_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "je gaf geen periode op" in out and "huidige kalenderjaar" in out


def test_cli_writes_private_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    target = tmp_path / "rapport.html"
    target.write_text("oud")
    os.chmod(target, 0o644)
    assert main(["--decks", str(FIXTURES), "report", "--year", "2026", "--format", "html",
                 "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"Rapport geschreven naar {target}"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rapport-")] == []


def test_cli_unwritable_output_is_a_dutch_error(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", "-o", str(tmp_path / "geen-map" / "r.md")])
    assert code == 1
    err = capsys.readouterr().err
    assert "kan niet worden geschreven" in err and "bestaat niet" in err
    assert "Traceback" not in err


def test_cli_reversed_period_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--from", "2026-05", "--to", "2026-02"]) == 2
    assert "ligt na" in capsys.readouterr().err


def test_cli_unreadable_store_is_a_dutch_error(isolated_dirs: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_dirs / "sessions.sqlite3").write_bytes(b"dit is geen database" * 100)
    code = main(["report"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Het rapport kan niet worden gemaakt.") and "Traceback" not in err


def test_report_path_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = ("import sys; from game.cli import main; main(['report', '--format', 'json']); "
            "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') "
            "for m in sys.modules) else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


def test_cli_uses_k_from_the_config(capsys: pytest.CaptureFixture[str]) -> None:
    from dilemmas import paths

    _fill_store()
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("k: 10\n", encoding="utf-8")
    assert main(["report", "--year", "2026", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["k"] == 10
    concert = next(d for d in doc["dilemmas"] if d["id"] == "concert")
    x = next(d for d in doc["dilemmas"] if d["id"] == "x-dilemma")
    assert concert["counts"] is not None and x["counts"] is None  # 30 ≥ 10 > 7


def test_cli_csv_file_has_a_bom_for_spreadsheets(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    target = tmp_path / "rapport.csv"
    assert main(["report", "--year", "2026", "--format", "csv", "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsectie,deck,id,")
    capsys.readouterr()
    assert main(["report", "--year", "2026", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("sectie,deck,id,")


def test_cli_says_which_k_it_used(capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    assert main(["report", "--year", "2026", "--format", "json"]) == 0
    captured = capsys.readouterr()
    # In plain words, with the setting's name so that the coordinator can find it.
    assert "Gebruikt: de grens van 5 stemmen (k: 5 in de instellingen)." in captured.err
    assert "k = " not in captured.err
    assert json.loads(captured.out)["k"] == 5


def test_a_short_pulse_answer_is_not_repeated_beside_its_label() -> None:
    report = build_report(THREE_TEAMS, _decks(), k=K, period=Period.year(2026))
    for page in (render_html(report), render_markdown(report)):
        assert "ja — Ja" not in page
        assert "Ja" in page and "Weet ik niet" in page


def test_an_open_question_reads_as_one_not_as_hidden() -> None:
    from dataclasses import replace

    decks = _decks()
    deck = decks["testdeck"]
    open_card = Dilemma("borrel", "geschenken", "Wat maakt het makkelijker?", "…",
                        "Wat maakt het hier makkelijker om iets te zeggen?", Answer("open"))
    decks["testdeck"] = replace(deck, dilemmas=(*deck.dilemmas[:2], open_card))
    report = build_report(RECORDS, decks, k=K, period=Period.year(2026))
    for page in (render_html(report), render_markdown(report)):
        row = next(line for line in page.splitlines() if "Wat maakt het makkelijker?" in line)
        assert "open vraag, geen stemming" in row and "verborgen" not in row


def test_the_statement_names_the_threshold_in_plain_words() -> None:
    from sessions.report_common import statement

    report = build_report(THREE_TEAMS, _decks(), k=K, period=Period.year(2026))
    lines = statement(report)
    assert f"De grens van {K} staat in de instellingen als k: {K}." in lines
    assert not [line for line in lines if "k = " in line]


def test_the_report_says_how_many_votes_were_left_out() -> None:
    """SPEC §8: the report says how many votes were left out, and why: the rounds' first
    votes and the sessions' pulse answers of 1 to k-1 answers (here counted from the
    fixture's records by hand: the rule, applied one record at a time)."""
    from sessions.report_common import statement

    counted = [r for r in RECORDS if r.kind == "team" and r.month.startswith("2026")
               and r.rounds]
    votes = sum(1 for r in counted for x in r.rounds
                if x.own is None and 0 < sum((x.counts or {}).values()) < K)
    pulse = sum(1 for r in counted for a in r.pulse if 0 < sum(a.counts.values()) < K)
    assert votes and pulse  # the fixture has both
    report = build_report(RECORDS, _decks(), k=K, period=Period.year(2026))
    assert report_to_json(report)["left_out"] == {"votes": votes, "pulse": pulse}
    line = next(x for x in statement(report) if x.startswith("Niet meegeteld"))
    assert f"minder dan {K} antwoorden" in line and f"{votes} stemmingen" in line
    assert "meldklimaatvraag" in line
    assert f"niet_meegeteld_stemmingen,,{votes}," in render_csv(report)
    nothing = build_report(RECORDS, _decks(), k=3, period=Period("2026-07", "2026-07"))
    assert report_to_json(nothing)["left_out"] == {"votes": 0, "pulse": 0}
    assert any(x.startswith("In deze periode viel geen stemming weg") for x in statement(nothing))
