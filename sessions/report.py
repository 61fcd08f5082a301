"""The WIO report (SPEC §9): figures over team sessions, with suppression below ``k``, and JSON."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from dilemmas.model import Deck, Dilemma
from sessions.figures import verdeeldheid
from sessions.model import SessionRecord
from sessions.report_model import (
    Counts,
    DilemmaFigure,
    NoteGroup,
    OwnCaseFigure,
    Period,
    PulseFigure,
    QuarterFigure,
    Reach,
    Report,
    SessionRow,
    ShiftFigure,
    ThemeFigure,
    Totals,
    previous_period,
    quarter_of,
    reach,
    team_key,
    team_label,
)
from sessions.report_query import damaged_count, query_sums, records_db
from sessions.report_render import render_csv, render_html, render_markdown
from sessions.report_words import PULSE_TEAMS
from sessions.suppress import derivable_small_group, shown

if TYPE_CHECKING:
    from sessions.store import Store

__all__ = [
    "DilemmaFigure",
    "NoteGroup",
    "OwnCaseFigure",
    "Period",
    "PulseFigure",
    "QuarterFigure",
    "Reach",
    "Report",
    "SessionRow",
    "ShiftFigure",
    "ThemeFigure",
    "Totals",
    "build_report",
    "build_report_from_store",
    "previous_period",
    "pulse_months",
    "report_from_db",
    "reach",
    "quarter_of",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "report_to_json",
    "with_previous",
]

OWN_THEME = "eigen-casus"
"""The theme of an eigen casus that was not played under one of the deck's themes."""
OWN_THEME_TITLE = "Eigen casus"
UNTITLED_OWN = "Eigen casus zonder titel"


class _OwnAcc:
    """The eigen casussen met while the records are read: labels per title, and notes."""

    __slots__ = ("titles", "notes")

    def __init__(self) -> None:
        self.titles: dict[str, list[str]] = {}  # title key → the title as each round had it
        self.notes: dict[str, list[str]] = {}  # title key → notes

    def add(self, title: str) -> None:
        """One round of the eigen casus ``title``."""
        label = team_label(title) or UNTITLED_OWN
        self.titles.setdefault(label.casefold(), []).append(label)

    def note(self, title: str, note: str) -> None:
        """A note of a round of the eigen casus ``title``."""
        key = (team_label(title) or UNTITLED_OWN).casefold()
        self.notes.setdefault(key, []).append(note)

    def figures(self) -> tuple[OwnCaseFigure, ...]:
        """By title, alphabetically; the spelling shown is the most common one (the first in
        alphabetical order on a tie), so nothing follows from the order they were played in."""
        out = []
        for labels in self.titles.values():
            seen: dict[str, int] = {}
            for label in labels:
                seen[label] = seen.get(label, 0) + 1
            title = min(seen, key=lambda t: (-seen[t], t))
            out.append(OwnCaseFigure(title, len(labels)))
        return tuple(sorted(out, key=lambda f: (f.title.casefold(), f.title)))


def _key_order(key: str) -> tuple[int, int, str]:
    # Scale keys "1".."10" sort as numbers, option keys and slugs as text; keys that sort
    # alike as numbers ("1", "01") by their text, so the order never follows the play order.
    if key.isdigit():
        try:
            return (0, int(key), key)
        except ValueError:  # a digit int() does not take ("²")
            pass
    return (1, 0, key)


def _ordered(counts: Mapping[str, int], keys: tuple[str, ...]) -> Counts:
    """Counts in the deck's option order (zeros included), then any other keys seen."""
    out = {key: counts.get(key, 0) for key in keys}
    for key in sorted(counts, key=_key_order):
        if key not in out:
            out[key] = counts[key]
    return out


def _add(into: Counts, counts: Mapping[str, int]) -> int:
    n = 0
    for key, value in counts.items():
        into[key] = into.get(key, 0) + value
        n += value
    return n


def _sum_into(into: Counts, tallies: list[Counts]) -> int:
    """Add the tallies into ``into`` as _add does one by one; returns the number of answers.
    Tallies that list the same keys in the same order (the usual case: every option, zeros
    included) are summed per key with zip."""
    if not tallies:
        return 0
    keys = tuple(tallies[0])
    if all(tuple(t) == keys for t in tallies):
        sums = [sum(column) for column in zip(*(t.values() for t in tallies), strict=True)]
        for key, value in zip(keys, sums, strict=True):
            into[key] = into.get(key, 0) + value
        return sum(sums)
    return sum(_add(into, t) for t in tallies)


Renames = dict[tuple[str, str], Mapping[str, Mapping[str, str]]]


def _renames(decks: Mapping[str, Deck]) -> Renames:
    """(deck id, older version) → dilemma → old option key → today's key, from the installed
    decks' ``renamed_keys``."""
    return {(deck_id, version): cards for deck_id, deck in decks.items()
            for version, cards in deck.renamed_keys.items() if cards}


def _renamed(counts: Mapping[str, int], swap: Mapping[str, str]) -> Counts:
    """A tally of an older deck version under today's keys, in the same key order (so that
    tallies that list the card's options in order still do)."""
    moved = {swap.get(key, key): value for key, value in counts.items()}
    out = {key: moved.pop(key) for key in counts if key in moved}
    out.update(moved)
    return out


class _VariationAcc:
    """Running sums of the re-votes after one variation of one dilemma."""

    __slots__ = ("rounds", "before", "after", "answers_after")

    def __init__(self) -> None:
        self.rounds: set[int] = set()  # indices into the dilemma's weights
        self.before: Counts = {}  # the first votes of those rounds
        self.after: Counts = {}  # their (last) re-votes on this variation
        self.answers_after = 0


class _DilemmaAcc:
    """The sums of one (deck, dilemma)."""

    __slots__ = ("theme", "played", "summed", "answers", "counts", "weights", "variations",
                 "notes", "blanco")

    def __init__(self, theme: str, played: int) -> None:
        self.theme = theme
        self.played = played
        self.summed = 0  # rounds whose first vote entered the sum
        self.answers = 0
        self.blanco = 0  # abstentions of the rounds summed in counts
        self.counts: Counts = {}
        # Answers of groups of rounds that the published sums could tell apart: one per
        # round with a shown re-vote, and one for all other summed rounds together.
        self.weights: list[int] = []
        self.variations: dict[int, _VariationAcc] = {}
        self.notes: list[str] = []


def pulse_months(period: Period) -> tuple[str, str] | None:
    """The months of the whole calendar quarters within ``period`` (None when there are
    none): the pulse is shown over those only (SPEC §8)."""
    def index(month: str) -> int:
        return int(month[:4]) * 12 + int(month[5:7]) - 1

    def month(i: int) -> str:
        return f"{i // 12:04d}-{i % 12 + 1:02d}"

    try:
        first, last = index(period.start), index(period.end)
    except ValueError:
        return None
    first += -first % 3
    last -= (last + 1) % 3
    return (month(first), month(last)) if first <= last else None


def build_report(
    records: Iterable[SessionRecord],
    decks: Mapping[str, Deck],
    *,
    k: int,
    period: Period,
    with_notes: bool = False,
    teams: Sequence[str] = (),
) -> Report:
    """The report over records that are not (or not only) in the store: they are put in an
    in-memory database and summed by the same queries as the store's (see report_query).

    Args:
        records: session records (any kind, any month: the ones that do not count are skipped).
        decks: installed decks by id, for titles, option labels and the number of options.
        k: the suppression threshold (config ``k``).
        period: the months to report on.
        with_notes: include the (already scrubbed) round notes.
        teams: the organisation's teams (config ``teams``): the spelling shown for a label.
    """
    with records_db(records) as conn:
        return report_from_db(conn, decks, k=k, period=period, with_notes=with_notes,
                              teams=teams)


def build_report_from_store(
    store: Store,
    decks: Mapping[str, Deck],
    *,
    k: int,
    period: Period,
    with_notes: bool = False,
    teams: Sequence[str] = (),
    compare: bool = False,
) -> Report:
    """The report over the store's team sessions in ``period``; raises StoreError.

    ``compare``: with the change against the previous period of the same length, read in
    the same reading (the check of every stored row is done once).
    """
    with store.reading() as conn:  # a connection of its own: fine in a worker
        report = report_from_db(conn, decks, k=k, period=period, with_notes=with_notes,
                                teams=teams)
        if compare:
            before = report_from_db(conn, decks, k=k, period=previous_period(period),
                                    teams=teams)
            report = with_previous(report, before)
        return report


def report_from_db(
    conn: sqlite3.Connection,
    decks: Mapping[str, Deck],
    *,
    k: int,
    period: Period,
    with_notes: bool = False,
    teams: Sequence[str] = (),
) -> Report:
    """Compute the report over the team sessions in ``period`` that have at least one round,
    from a database with the store's tables; every distribution of fewer than ``k`` answers
    is left out of the sums or hidden."""
    k = max(1, k)
    months = pulse_months(period)
    sums = query_sums(conn, period.start, period.end, k=k, with_notes=with_notes,
                      pulse_from=months[0] if months else None,
                      pulse_to=months[1] if months else None)
    rows = [SessionRow(month, team_label(team) or None, participants, rounds, bool(completed))
            for month, team, participants, completed, rounds in sums.sessions]
    theme_rounds: dict[str, int] = {}
    theme_decks: dict[str, list[str]] = {}
    for theme, deck_id, n in sums.themes:
        theme_rounds[theme] = theme_rounds.get(theme, 0) + n
        theme_decks.setdefault(theme, []).append(deck_id)
    dilemmas = {(deck_id, dilemma): _DilemmaAcc(theme, n)
                for deck_id, dilemma, theme, n in sums.played}
    renames = _renames(decks)
    for (deck_id, version, dilemma), (rounds, answers, blanco) in sums.firsts.items():
        swap = renames[(deck_id, version)].get(dilemma) if (deck_id, version) in renames \
            else None
        if swap is not None and not swap:
            continue  # the card's options changed meaning since that version: not summed
        acc = dilemmas[(deck_id, dilemma)]
        counts = sums.counts.get((deck_id, version, dilemma), {})
        _add(acc.counts, _renamed(counts, swap) if swap else counts)
        acc.summed += rounds
        acc.answers += answers
        acc.blanco += blanco
    least = k
    shown_answers: dict[tuple[str, str], int] = {}
    # Per variation the tallies to sum: summed once at the end, per key at C speed.
    pending: dict[int, tuple[_VariationAcc, list[Counts], list[Counts]]] = {}
    for deck_id, version, dilemma, first, revotes in sums.revoted:
        swap = renames[(deck_id, version)].get(dilemma) if (deck_id, version) in renames \
            else None
        if swap is not None and not swap:
            continue
        last: dict[int, Counts] = {}
        for revote in revotes:
            last[int(revote["variation"])] = revote["counts"]  # a repeated one replaces one
        valid = {v: (_renamed(after, swap) if swap else after) for v, after in last.items()
                 if sum(after.values()) >= least}
        if not valid:
            continue  # counted in the weight of the other rounds
        acc = dilemmas[(deck_id, dilemma)]
        first = _renamed(first, swap) if swap else first
        n = sum(first.values())
        index = len(acc.weights)
        acc.weights.append(n)
        shown_answers[(deck_id, dilemma)] = shown_answers.get((deck_id, dilemma), 0) + n
        for variation, after in valid.items():
            entry = acc.variations.get(variation)
            if entry is None:
                entry = acc.variations[variation] = _VariationAcc()
                pending[id(entry)] = (entry, [], [])
            entry.rounds.add(index)
            pending[id(entry)][1].append(first)
            pending[id(entry)][2].append(after)
    for entry, befores, afters in pending.values():
        _sum_into(entry.before, befores)
        entry.answers_after += _sum_into(entry.after, afters)
    for key, acc in dilemmas.items():
        rest = acc.answers - shown_answers.get(key, 0)
        if rest > 0:
            acc.weights.append(rest)
    own = _OwnAcc()
    for case in sums.own:
        own.add(_own_title(case))
    for deck_id, dilemma, note, own_json in sums.notes:
        if not note.strip():
            continue
        if own_json is not None:
            own.note(_own_title(own_json), note.strip())
        else:
            dilemmas[(deck_id, dilemma)].notes.append(note.strip())
    pulse: dict[str, dict[str, _QuarterAcc]] = {}
    for (question, quarter, team), counts in sums.pulse.items():
        acc_q = pulse.setdefault(question, {}).get(quarter)
        if acc_q is None:
            acc_q = pulse[question][quarter] = _QuarterAcc()
        acc_q.teams.add(team_key(team))
        acc_q.answers += _add(acc_q.counts, counts)
    report = _finish(period, k, decks, with_notes, rows, theme_rounds, theme_decks, dilemmas,
                     pulse, teams, own)
    return replace(report, skipped=damaged_count(conn, period.start, period.end),
                   left_out_votes=sums.left_out, left_out_pulse=sums.pulse_left_out)


class _QuarterAcc:
    """The pulse answers of one question in one quarter, and the teams they came from."""

    __slots__ = ("teams", "answers", "counts")

    def __init__(self) -> None:
        self.teams: set[str] = set()  # team keys ("" for the sessions without a label)
        self.answers = 0
        self.counts: Counts = {}


def _finish(
    period: Period,
    k: int,
    decks: Mapping[str, Deck],
    with_notes: bool,
    rows: list[SessionRow],
    theme_rounds: Mapping[str, int],
    theme_decks: Mapping[str, list[str]],
    dilemmas: Mapping[tuple[str, str], _DilemmaAcc],
    pulse: Mapping[str, Mapping[str, _QuarterAcc]],
    teams: Sequence[str],
    own: _OwnAcc,
) -> Report:
    """The report from the sums."""
    spelling = {team_key(t): team_label(t) for t in teams if team_label(t)}
    if spelling:
        rows = [replace(r, team=spelling.get(team_key(r.team), r.team)) if r.team else r
                for r in rows]
    rows.sort(key=lambda r: (r.month, (r.team or "").casefold(), r.team or "", r.participants,
                             r.rounds, r.completed))
    participants = sum(r.participants for r in rows)
    played = {team_key(r.team) for r in rows if r.team}
    listed = set(spelling)
    totals = Totals(
        sessions=len(rows),
        # Counted against the team list when there is one: the same number as the reach.
        teams=len(played & listed) if listed else len(played),
        participants=participants,
        rounds=sum(r.rounds for r in rows),
        participants_mean=round(participants / len(rows), 1) if rows else None,
        other_teams=len(played - listed) if listed else 0,
    )
    themes = sorted(
        (ThemeFigure(t, _theme_title(t, theme_decks[t], decks), n)
         for t, n in theme_rounds.items()),
        key=lambda f: (-f.rounds, f.title.casefold(), f.id),
    )
    figures: list[DilemmaFigure] = []
    shifts: list[ShiftFigure] = []
    notes: list[NoteGroup] = []
    for (deck_id, dilemma_id), acc in dilemmas.items():
        card = _card(decks, deck_id, dilemma_id)
        figure = _dilemma_figure(deck_id, dilemma_id, acc, card, k)
        figures.append(figure)
        shifts.extend(_shift_figures(figure, acc, card, k))
        if acc.notes:
            notes.append(NoteGroup(deck_id, dilemma_id, figure.title, _scrubbed(acc.notes)))
    figures.sort(key=lambda f: (f.verdeeldheid is None, -(f.verdeeldheid or 0.0), -f.played,
                                f.id, f.deck))
    rank = {(f.deck, f.id): i for i, f in enumerate(figures)}
    shifts.sort(key=lambda s: (rank[(s.deck, s.dilemma)], s.variation))
    notes.sort(key=lambda g: rank[(g.deck, g.dilemma)])
    own_cases = own.figures()
    if with_notes:
        # After the deck's dilemmas, by title: deck "" and the dilemma id "eigen-casus".
        by_title = {f.title.casefold(): f.title for f in own_cases}
        notes.extend(NoteGroup("", OWN_THEME, by_title[key], _scrubbed(texts))
                     for key, texts in sorted(own.notes.items(), key=lambda kv: by_title[kv[0]]))
    return Report(
        period=period,
        k=k,
        totals=totals,
        themes=tuple(themes),
        dilemmas=tuple(figures),
        shifts=tuple(shifts),
        pulse=tuple(_pulse_figures(pulse, decks, k)),
        sessions=tuple(rows),
        with_notes=with_notes,
        notes=tuple(notes),
        teams=tuple(dict.fromkeys(spelling.values())),
        own_cases=own_cases,
    )


def _own_title(own_json: str | None) -> str:
    """The title of an eigen casus as the store keeps it ("" when it has none)."""
    from sessions.own import own_from_json

    case = own_from_json(json.loads(own_json)) if own_json else None
    return case.title if case is not None else ""


def _scrubbed(texts: list[str]) -> tuple[str, ...]:
    """Notes scrubbed once more (the store scrubs on saving; a file edited by hand or written
    by an older version might not be), sorted so that their order tells nothing."""
    from sessions.scrub import scrub  # only with --with-notes: a report without notes skips it

    return tuple(sorted(scrub(text).text for text in texts))


def _card(decks: Mapping[str, Deck], deck_id: str, dilemma_id: str) -> Dilemma | None:
    deck = decks.get(deck_id)
    return deck.dilemma(dilemma_id) if deck is not None else None


def _theme_title(theme_id: str, deck_ids: Sequence[str], decks: Mapping[str, Deck]) -> str:
    """The title of a theme in the first deck (by id) it was played with that has it, else in
    any installed deck, else its id."""
    if theme_id == OWN_THEME:
        return OWN_THEME_TITLE
    for deck_id in sorted(deck_ids):
        deck = decks.get(deck_id)
        if deck is not None and deck.theme(theme_id) is not None:
            return deck.theme_title(theme_id)
    for other in decks.values():
        if not other.is_pulse and other.theme(theme_id) is not None:
            return other.theme_title(theme_id)
    return theme_id


def _labels(card: Dilemma | None, keys: Iterable[str]) -> dict[str, str]:
    if card is None:
        return {key: key for key in keys}
    return {key: card.answer.label(key) for key in keys}


def _dilemma_figure(
    deck_id: str, dilemma_id: str, acc: _DilemmaAcc, card: Dilemma | None, k: int
) -> DilemmaFigure:
    if card is not None:
        keys = card.answer.keys
        m = len(keys)
    else:
        keys = ()
        m = len(acc.counts)
    ordered = _ordered(acc.counts, keys)
    visible = shown(acc.answers, k)
    return DilemmaFigure(
        id=dilemma_id,
        deck=deck_id,
        theme=card.theme if card is not None else acc.theme,
        title=card.title if card is not None else dilemma_id,
        played=acc.played,
        answers=acc.answers,
        counts=ordered if visible else None,
        verdeeldheid=verdeeldheid(ordered, m) if visible else None,
        labels=_labels(card, ordered),
        question=card.question if card is not None else "",
        blanco=acc.blanco if visible else None,
        open=card is not None and card.answer.kind == "open",
        summed=acc.summed,
    )


def _shift_figures(
    figure: DilemmaFigure, acc: _DilemmaAcc, card: Dilemma | None, k: int
) -> list[ShiftFigure]:
    """Shifts per variation; a shift is shown only when before and after each have ≥ k answers
    and no combination of the shown sums (total, other befores) isolates fewer than k votes."""
    if not acc.variations:
        return []
    variations = sorted(acc.variations)
    visible = {
        v for v in variations
        if figure.counts is not None
        and shown(sum(acc.weights[i] for i in acc.variations[v].rounds), k)
        and shown(acc.variations[v].answers_after, k)
    }
    everything = frozenset(range(len(acc.weights)))
    while visible:
        published = [everything] + [frozenset(acc.variations[v].rounds) for v in sorted(visible)]
        if derivable_small_group(acc.weights, published, k) is None:
            break
        # Hide the smallest shown shift (the later variation on a tie) and look again.
        smallest = min(visible, key=lambda v: (
            sum(acc.weights[i] for i in acc.variations[v].rounds), -v))
        visible.discard(smallest)
    keys = card.answer.keys if card is not None else ()
    out = []
    for v in variations:
        entry = acc.variations[v]
        rounds, before, after = entry.rounds, entry.before, entry.after
        before_o = _ordered(before, keys)
        after_o = _ordered(after, tuple(before_o))
        text = card.variations[v] if card is not None and 0 <= v < len(card.variations) else None
        out.append(ShiftFigure(
            deck=figure.deck,
            dilemma=figure.id,
            title=figure.title,
            variation=v,
            text=text,
            revotes=len(rounds),
            answers_before=sum(acc.weights[i] for i in rounds),
            before=before_o if v in visible else None,
            answers_after=entry.answers_after,
            after=after_o if v in visible else None,
            labels=_labels(card, after_o),
        ))
    return out


def _pulse_card(decks: Mapping[str, Deck], question: str) -> Dilemma | None:
    for deck in decks.values():
        if deck.is_pulse:
            card = deck.dilemma(question)
            if card is not None:
                return card
    return None


def _pulse_figures(
    pulse: Mapping[str, Mapping[str, _QuarterAcc]],
    decks: Mapping[str, Deck],
    k: int,
) -> list[PulseFigure]:
    """Per question the quarters of at least PULSE_TEAMS teams summed; the other quarters
    listed with their number of answers and no distribution."""
    out = []
    for question in sorted(pulse):
        per_q = pulse[question]
        card = _pulse_card(decks, question)
        keys = card.answer.keys if card is not None else ()
        total: Counts = {}
        answers = 0
        entered = {q for q, acc in per_q.items() if len(acc.teams) >= PULSE_TEAMS}
        for q in entered:
            answers += _add(total, per_q[q].counts)
        ordered = _ordered(total, keys)
        order = tuple(ordered)
        # A quarter shows the deck's answers and its own: what it shows is the same in every
        # report, and a quarter left out lends no answer to the others (SPEC §8).
        quarters = tuple(
            QuarterFigure(q, per_q[q].answers,
                          _ordered(per_q[q].counts, keys) if q in entered else None)
            for q in sorted(per_q)
        )
        out.append(PulseFigure(
            question=question,
            title=(card.question or card.title) if card is not None else question,
            answers=answers,
            counts=ordered if answers and shown(answers, k) else None,
            quarters=quarters,
            labels=_labels(card, order),
        ))
    return out


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as the JSON document of SPEC §9 (plus ``shifts``, and ``notes`` if asked)."""
    t = report.totals
    r = reach(report)
    p = (previous_period(report.period), report.previous) if report.previous else None
    doc: dict[str, Any] = {
        "format": "integer-spel-report",
        "version": 1,
        "period": {"from": report.period.start, "to": report.period.end},
        "k": report.k,
        "totals": {"sessions": t.sessions, "teams": t.teams, "participants": t.participants,
                   "rounds": t.rounds, "participants_mean": t.participants_mean,
                   "other_teams": t.other_teams},
        "themes": [{"id": f.id, "title": f.title, "rounds": f.rounds} for f in report.themes],
        "dilemmas": [
            {"id": f.id, "deck": f.deck, "theme": f.theme, "title": f.title, "played": f.played,
             "answers": f.answers, "counts": f.counts, "verdeeldheid": f.verdeeldheid,
             "blanco": f.blanco, "summed": f.summed, "open": f.open}
            for f in report.dilemmas
        ],
        "pulse": [
            {"question": p.question, "answers": p.answers, "counts": p.counts,
             "quarters": {q.quarter: {"answers": q.answers, "counts": q.counts}
                          for q in p.quarters}}
            for p in report.pulse
        ],
        "sessions": [
            {"month": s.month, "team": s.team, "participants": s.participants,
             "rounds": s.rounds, "completed": s.completed}
            for s in report.sessions
        ],
        "shifts": [
            {"deck": s.deck, "dilemma": s.dilemma, "variation": s.variation, "text": s.text,
             "revotes": s.revotes,
             "before": {"answers": s.answers_before, "counts": s.before},
             "after": {"answers": s.answers_after, "counts": s.after}}
            for s in report.shifts
        ],
        "own_cases": [{"title": f.title, "played": f.played} for f in report.own_cases],
        "left_out": {"votes": report.left_out_votes, "pulse": report.left_out_pulse},
        "reach": {"teams": list(r.teams), "reached": list(r.reached),
                  "not_reached": list(r.not_reached), "other_teams": r.others,
                  "other_labels": list(r.other_labels)},
        "previous": None if p is None else {
            "period": {"from": p[0].start, "to": p[0].end},
            "sessions": p[1].sessions, "teams": p[1].teams,
            "participants": p[1].participants, "rounds": p[1].rounds,
            "pulse": [{"question": q.question, "answers": q.answers, "counts": q.counts}
                      for q in report.previous_pulse]},
    }
    if report.with_notes:
        doc["notes"] = [
            {"deck": g.deck, "dilemma": g.dilemma, "notes": list(g.notes)} for g in report.notes
        ]
    return doc


def render_json(report: Report) -> str:
    """The JSON report as text: one line per theme, dilemma, session, … so that it diffs and
    reads well, written with the C encoder (``indent`` would force the slow pure-Python one)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    doc = report_to_json(report)
    lines = ["{"]
    last = len(doc) - 1
    for i, (key, value) in enumerate(doc.items()):
        comma = "," if i < last else ""
        if isinstance(value, list) and value:
            lines.append(f"  {encode(key)}: [")
            lines.append(",\n".join(f"    {encode(item)}" for item in value))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {encode(key)}: {encode(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def with_previous(report: Report, previous: Report) -> Report:
    """``report`` carrying the totals of ``previous`` (built by the same builder over
    ``previous_period(report.period)``) for the change against the previous period."""
    return replace(report, previous=previous.totals, previous_pulse=previous.pulse)
