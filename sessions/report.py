"""The WIO report (SPEC §9): figures over team sessions, with suppression below ``k``, and JSON."""

from __future__ import annotations

import json
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
from sessions.report_render import render_csv, render_html, render_markdown
from sessions.suppress import derivable_small_group, shown, suppress_quarters

if TYPE_CHECKING:
    from sessions.store import ReportRows, Store

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
    # Scale keys "1".."10" sort as numbers, option keys and slugs as text.
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


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
    """Running sums for one (deck, dilemma) while the records are read."""

    __slots__ = ("theme", "played", "answers", "counts", "weights", "variations", "notes",
                 "blanco")

    def __init__(self, theme: str) -> None:
        self.theme = theme
        self.played = 0
        self.answers = 0
        self.blanco = 0  # abstentions of the rounds summed in counts
        self.counts: Counts = {}
        self.weights: list[int] = []  # answers of each round with a first vote
        self.variations: dict[int, _VariationAcc] = {}
        self.notes: list[str] = []


def build_report(
    records: Iterable[SessionRecord],
    decks: Mapping[str, Deck],
    *,
    k: int,
    period: Period,
    with_notes: bool = False,
    teams: Sequence[str] = (),
) -> Report:
    """Compute the report over the team sessions in ``period`` that have at least one round.

    Args:
        records: session records (any kind, any month: the ones that do not count are skipped).
        decks: installed decks by id, for titles, option labels and the number of options.
        k: the suppression threshold (config ``k``).
        period: the months to report on.
        with_notes: include the (already scrubbed) round notes.
        teams: the organisation's teams (config ``teams``): the spelling shown for a label.

    Returns:
        The report, with every distribution of fewer than ``k`` answers suppressed.
    """
    rows: list[SessionRow] = []
    theme_rounds: dict[str, int] = {}
    theme_deck: dict[str, str] = {}
    dilemmas: dict[tuple[str, str], _DilemmaAcc] = {}
    pulse: dict[str, dict[str, tuple[Counts, list[int]]]] = {}

    by_deck: dict[str, dict[str, _DilemmaAcc]] = {}
    own = _OwnAcc()
    renames = _renames(decks)
    quarters: dict[str, str] = {}
    start, end = period.start, period.end
    least = max(1, k)
    for rec in records:
        month = rec.month
        if rec.kind != "team" or not rec.rounds or not start <= month <= end:
            continue
        label = team_label(rec.team)
        rows.append(SessionRow(rec.month, label or None, rec.participants, len(rec.rounds),
                               rec.completed))
        deck_id = rec.deck_id
        accs = by_deck.get(deck_id)
        if accs is None:
            accs = by_deck[deck_id] = {}
        renamed = renames.get((deck_id, rec.deck_version)) if renames else None
        for rnd in rec.rounds:
            theme = rnd.theme
            theme_rounds[theme] = theme_rounds.get(theme, 0) + 1
            if theme not in theme_deck:
                theme_deck[theme] = deck_id
            if rnd.own is not None:  # an eigen casus (a deck card may start with "eigen-" too)
                title = rnd.own.title if rnd.own is not None else ""
                own.add(title)
                if with_notes and rnd.note and rnd.note.strip():
                    own.note(title, rnd.note.strip())
                continue
            acc = accs.get(rnd.dilemma)
            if acc is None:
                acc = accs[rnd.dilemma] = dilemmas[(deck_id, rnd.dilemma)] = _DilemmaAcc(theme)
            acc.played += 1
            if with_notes and rnd.note and rnd.note.strip():
                acc.notes.append(rnd.note.strip())
            first = rnd.counts
            if first is None:
                continue
            swap = renamed.get(rnd.dilemma) if renamed else None
            if swap is not None and not swap:
                continue  # the card's options changed meaning since that version: not summed
            if swap:  # an older deck version, whose options came in another order
                first = _renamed(first, swap)
            # The hot loop of the report (80,000 rounds): the sum is inlined on purpose.
            n = sum(first.values())
            if n < least:
                continue  # a group smaller than k never enters a sum (see small_groups_left_out)
            summed = acc.counts
            for key, value in first.items():
                summed[key] = summed.get(key, 0) + value
            acc.answers += n
            acc.blanco += rnd.blanco
            if rnd.revotes:
                index = len(acc.weights)
                last: dict[int, Mapping[str, int]] = {}
                for revote in rnd.revotes:
                    last[revote.variation] = revote.counts  # a repeated re-vote replaces one
                for variation, after in last.items():
                    if swap:
                        after = _renamed(after, swap)
                    if sum(after.values()) < least:
                        continue
                    entry = acc.variations.get(variation)
                    if entry is None:
                        entry = acc.variations[variation] = _VariationAcc()
                    entry.rounds.add(index)
                    before_sum, after_sum = entry.before, entry.after
                    for key, value in first.items():
                        before_sum[key] = before_sum.get(key, 0) + value
                    m = 0
                    for key, value in after.items():
                        after_sum[key] = after_sum.get(key, 0) + value
                        m += value
                    entry.answers_after += m
            acc.weights.append(n)
        if not rec.pulse:
            continue
        quarter = quarters.get(month)
        if quarter is None:
            quarter = quarters[month] = quarter_of(month)
        for answer in rec.pulse:
            if sum(answer.counts.values()) < least:
                continue
            per_q = pulse.setdefault(answer.question, {})
            q_counts, q_n = per_q.setdefault(quarter, ({}, [0]))
            q_n[0] += _add(q_counts, answer.counts)

    return _finish(period, k, decks, with_notes, rows, theme_rounds, theme_deck, dilemmas, pulse,
                   teams, own)


def _finish(
    period: Period,
    k: int,
    decks: Mapping[str, Deck],
    with_notes: bool,
    rows: list[SessionRow],
    theme_rounds: Mapping[str, int],
    theme_deck: Mapping[str, str],
    dilemmas: Mapping[tuple[str, str], _DilemmaAcc],
    pulse: Mapping[str, Mapping[str, tuple[Counts, list[int]]]],
    teams: Sequence[str] = (),
    own: _OwnAcc | None = None,
) -> Report:
    """The report from the running sums (both ways of building a report end here)."""
    own = own if own is not None else _OwnAcc()
    k = max(1, k)
    spelling = {team_key(t): team_label(t) for t in teams if team_label(t)}
    if spelling:
        rows = [replace(r, team=spelling.get(team_key(r.team), r.team)) if r.team else r
                for r in rows]
    rows.sort(key=lambda r: (r.month, (r.team or "").casefold(), r.participants, r.rounds))
    participants = sum(r.participants for r in rows)
    totals = Totals(
        sessions=len(rows),
        teams=len({team_key(r.team) for r in rows if r.team}),
        participants=participants,
        rounds=sum(r.rounds for r in rows),
        participants_mean=round(participants / len(rows), 1) if rows else None,
    )
    themes = sorted(
        (ThemeFigure(t, _theme_title(t, theme_deck[t], decks), n) for t, n in theme_rounds.items()),
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


class _Seen:
    """The rounds of one (dilemma, theme) in one deck, as read from the store."""

    __slots__ = ("pos", "index", "rounds", "firsts", "revoted", "revotes", "blancos", "swap")

    def __init__(self, pos: int, index: int, swap: Mapping[str, str] | None = None) -> None:
        self.pos = pos  # the earliest session (its place in the report order) with such a round
        self.index = index  # that round's place in that session
        self.rounds = 0
        self.firsts: list[str] = []  # first votes (JSON) of the rounds without re-votes
        self.revoted: list[str] = []  # first votes (JSON) of the rounds with re-votes
        self.revotes: list[str] = []  # and their re-votes (JSON), in the same order
        self.blancos: list[tuple[str, int]] = []  # (first vote JSON, blanco) where blanco > 0
        self.swap = swap  # an older deck version's keys → today's, for all these rounds


def build_report_from_store(
    store: Store,
    decks: Mapping[str, Deck],
    *,
    k: int,
    period: Period,
    with_notes: bool = False,
    teams: Sequence[str] = (),
    apart: bool = False,
) -> Report:
    """The report over the team sessions in ``period``, summed from the store's rows.

    The same report as ``build_report(store.list_sessions("team", period.start, period.end),
    decks, k=k, period=period, with_notes=with_notes)``, without a record per round: over
    10,000 sessions it takes less than half the time. Raises StoreError as list_sessions
    does. (Where the order in which rounds were played would show, in the order of vote keys
    that sort alike such as "1" and "01", it builds the report from the records instead.)
    ``apart``: read over a connection of its own (see Store.report_rows), for a worker.
    """
    from sessions.store import gc_paused

    # Many small acyclic objects (decoded tallies): the collector would only rescan them.
    with gc_paused():
        return _from_store(store, decks, k, period, with_notes, tuple(teams), apart)


class _Scan:
    """What one pass over the store's rows gives, before any JSON is decoded."""

    __slots__ = ("sessions", "played", "by_deck", "notes", "pulse", "own", "own_themes")

    def __init__(self, raw: ReportRows, with_notes: bool, renames: Renames) -> None:
        sessions = self.sessions = raw.sessions()
        positions = {row[0]: pos for pos, row in enumerate(sessions)}
        played = self.played = [0] * len(sessions)  # rounds per session, in report order
        # deck → (dilemma, theme) → its rounds. Rounds come grouped by session, but the
        # sessions in id order: the earliest round of each group, as build_report meets them
        # (for the theme of a dilemma and the deck of a theme), is kept as (position, index).
        by_deck: dict[str, dict[tuple[str, str, int | None], _Seen]] = {}
        seen: dict[tuple[str, str, int | None], _Seen] = {}
        own = self.own = _OwnAcc()
        # theme → (earliest (position, index), deck) and rounds of the eigen casussen
        own_themes: dict[str, list[Any]] = {}
        self.own_themes = own_themes
        renamed: Mapping[str, Mapping[str, str]] | None = None
        last: str | None = None
        pos = index = 0
        for sid, dilemma, theme, counts, revotes, blanco, own_json in raw.rounds():  # 80,000
            if sid != last:
                if last is not None:
                    played[pos] = index
                last = sid
                pos = positions[sid]
                index = 0
                seen = by_deck.setdefault(sessions[pos][5], {})
                row = sessions[pos]
                renamed = renames.get((row[5], row[6])) if renames else None
            index += 1
            if own_json is not None:
                own.add(_own_title(own_json))
                deck = sessions[pos][5]
                entry = own_themes.get(theme)
                if entry is None:
                    own_themes[theme] = [(pos, index), deck, 1]
                else:
                    entry[2] += 1
                    if (pos, index) < entry[0]:
                        entry[0], entry[1] = (pos, index), deck
                continue
            # Rounds of an older deck version whose keys were renamed are summed apart and
            # renamed once, as sums (a rename of each tally would cost more than the sum).
            swap = renamed.get(dilemma) if renamed is not None else None
            key = (dilemma, theme, None if swap is None else id(swap))
            group = seen.get(key)
            if group is None:
                group = seen[key] = _Seen(pos, index, swap)
            elif pos < group.pos:
                group.pos = pos
                group.index = index
            group.rounds += 1
            if counts is not None:
                if blanco:
                    group.blancos.append((counts, blanco))
                if revotes is None:
                    group.firsts.append(counts)
                else:
                    group.revoted.append(counts)
                    group.revotes.append(revotes)
        if last is not None:
            played[pos] = index
        self.by_deck = by_deck
        # (deck, dilemma, note) of the notes to show; an eigen casus's go with its title
        self.notes = []
        for sid, dilemma, note, own_json in (raw.notes() if with_notes else ()):
            if not note.strip():
                continue
            if own_json is not None:
                own.note(_own_title(own_json), note.strip())
                continue
            self.notes.append((sessions[positions[sid]][5], dilemma, note.strip()))
        # question → quarter → tallies (JSON) of the sessions that count
        self.pulse: dict[str, dict[str, list[str]]] = {}
        quarters: dict[str, str] = {}
        for sid, question, text in raw.pulse():
            pos = positions[sid]
            if not played[pos]:
                continue
            month = sessions[pos][1]
            quarter = quarters.get(month)
            if quarter is None:
                quarter = quarters[month] = quarter_of(month)
            self.pulse.setdefault(question, {}).setdefault(quarter, []).append(text)


def _from_store(
    store: Store, decks: Mapping[str, Deck], k: int, period: Period, with_notes: bool,
    teams: tuple[str, ...], apart: bool = False,
) -> Report:
    with store.report_rows(period.start, period.end, apart=apart) as raw:
        scan = _Scan(raw, with_notes, _renames(decks))
    rows = [
        SessionRow(month, team_label(team) or None, participants, n, bool(completed))
        for (_sid, month, team, participants, completed, _deck, _version), n
        in zip(scan.sessions, scan.played, strict=True)
        if n
    ]
    theme_rounds: dict[str, int] = {}
    theme_first: dict[str, tuple[int, int, str]] = {}
    dilemmas: dict[tuple[str, str], _DilemmaAcc] = {}
    firsts: dict[tuple[str, str], tuple[int, int]] = {}
    groups: dict[tuple[str, str], list[_Seen]] = {}
    for deck_id, seen in scan.by_deck.items():
        for (dilemma, theme, _swap), group in seen.items():
            at = (group.pos, group.index)
            theme_rounds[theme] = theme_rounds.get(theme, 0) + group.rounds
            earliest = theme_first.get(theme)
            if earliest is None or at < earliest[:2]:
                theme_first[theme] = (group.pos, group.index, deck_id)
            key = (deck_id, dilemma)
            acc = dilemmas.get(key)
            if acc is None:
                acc = dilemmas[key] = _DilemmaAcc(theme)
                firsts[key] = at
                groups[key] = []
            elif at < firsts[key]:
                acc.theme = theme
                firsts[key] = at
            acc.played += group.rounds
            groups[key].append(group)
    for theme, (at, deck_id, n) in scan.own_themes.items():
        theme_rounds[theme] = theme_rounds.get(theme, 0) + n
        earliest = theme_first.get(theme)
        if earliest is None or at < earliest[:2]:
            theme_first[theme] = (*at, deck_id)
    # A tally text recurs across rounds and dilemmas ({"A":3,"B":5}): each is decoded once.
    distinct = dict.fromkeys(text for seen in scan.by_deck.values() for group in seen.values()
                             for text in (*group.firsts, *group.revoted))
    tallies: dict[str, dict[str, int]] = dict(zip(distinct, _decoded(distinct), strict=True))
    least = max(1, k)
    # A vote below k never enters a sum (SPEC §8): drop those tallies by text, once each.
    tallies = {text: t for text, t in tallies.items() if sum(t.values()) >= least}
    for key, acc in dilemmas.items():
        _sum_votes(acc, [g for g in groups[key] if g.swap is None], tallies, least)
        swapped: dict[int, list[_Seen]] = {}
        for group in groups[key]:
            if group.swap is not None:
                swapped.setdefault(id(group.swap), []).append(group)
        for parts in swapped.values():
            if not parts[0].swap:
                continue  # options that changed meaning since that version: not summed
            part = _DilemmaAcc(acc.theme)
            _sum_votes(part, parts, tallies, least)
            _merge_renamed(acc, part, parts[0].swap or {})
        acc.blanco = sum(n for group in groups[key] if group.swap is None or group.swap
                         for text, n in group.blancos if text in tallies)
        if _ties(acc.counts) or any(_ties(before) or _ties(after)
                                    for before, after in ((v.before, v.after)
                                                          for v in acc.variations.values())):
            return _from_records(store, decks, k, period, with_notes, teams)
    for deck_id, dilemma, note in scan.notes:
        dilemmas[(deck_id, dilemma)].notes.append(note)
    pulse: dict[str, dict[str, tuple[Counts, list[int]]]] = {}
    for question, per_quarter in scan.pulse.items():
        per_q: dict[str, tuple[Counts, list[int]]] = {}
        keys: set[str] = set()
        for quarter, texts in per_quarter.items():
            big = [t for t in _decoded(texts) if sum(t.values()) >= least]
            if not big:
                continue
            q_counts: Counts = {}
            per_q[quarter] = (q_counts, [_sum_all(q_counts, big)])
            keys.update(q_counts)
        if per_q:
            pulse[question] = per_q
        if _ties(keys):
            return _from_records(store, decks, k, period, with_notes, teams)
    theme_deck = {theme: first[2] for theme, first in theme_first.items()}
    return _finish(period, k, decks, with_notes, rows, theme_rounds, theme_deck, dilemmas, pulse,
                   teams, scan.own)


def _merge_renamed(acc: _DilemmaAcc, part: _DilemmaAcc, swap: Mapping[str, str]) -> None:
    """Add the sums of an older deck version's rounds (``part``, in its keys) to ``acc``
    under today's keys: every figure is a sum, so renaming the sums is renaming each vote."""
    _add(acc.counts, _renamed(part.counts, swap))
    acc.answers += part.answers
    offset = len(acc.weights)
    acc.weights.extend(part.weights)
    for variation, entry in part.variations.items():
        into = acc.variations.get(variation)
        if into is None:
            into = acc.variations[variation] = _VariationAcc()
        into.rounds.update(i + offset for i in entry.rounds)
        _add(into.before, _renamed(entry.before, swap))
        _add(into.after, _renamed(entry.after, swap))
        into.answers_after += entry.answers_after


def _own_title(own_json: str | None) -> str:
    """The title of an eigen casus as the store keeps it ("" when it has none)."""
    from sessions.own import own_from_json

    case = own_from_json(json.loads(own_json)) if own_json else None
    return case.title if case is not None else ""


def _from_records(
    store: Store, decks: Mapping[str, Deck], k: int, period: Period, with_notes: bool,
    teams: tuple[str, ...],
) -> Report:
    records = store.list_sessions("team", period.start, period.end)
    return build_report(records, decks, k=k, period=period, with_notes=with_notes, teams=teams)


def _ties(keys: Iterable[str]) -> bool:
    """Whether two vote keys sort alike ("1" and "01"): their order in the report would then
    follow the order the rounds were played in, which build_report_from_store does not keep."""
    numbers: set[int] = set()
    count = 0
    for key in keys:
        if key.isdigit():
            try:
                numbers.add(int(key))
            except ValueError:  # a digit int() does not take ("²"): let build_report say so
                return True
            count += 1
    return len(numbers) != count


def _decoded(texts: Iterable[str]) -> list[Any]:
    """JSON texts decoded in one go (a call per text costs more than the decoding)."""
    return list(json.loads("[" + ",".join(texts) + "]"))


def _sum_all(into: Counts, tallies: list[dict[str, int]]) -> int:
    """Add the tallies into ``into`` as _add does one by one; returns the number of answers.

    Tallies that list the same keys in the same order (the usual case: every option, zeros
    included) are summed per key at C speed.
    """
    if not tallies:
        return 0
    keys = tuple(tallies[0])
    if all(map(keys.__eq__, map(tuple, tallies))):
        sums = list(map(sum, zip(*map(dict.values, tallies), strict=True)))
        for key, value in zip(keys, sums, strict=True):
            into[key] = into.get(key, 0) + value
        return sum(sums)
    return sum(_add(into, counts) for counts in tallies)


def _sum_votes(acc: _DilemmaAcc, groups: list[_Seen], tallies: Mapping[str, dict[str, int]],
               least: int) -> None:
    """Sum the first votes and the re-votes of a dilemma's rounds, as build_report does.

    The rounds without re-votes are one weight in ``acc.weights``: in every published sum
    (the total, the "before" of each shift) they are all in or all out, so only their sum can
    ever be told apart; the rounds with re-votes keep a weight each.
    """
    firsts = [tallies[text] for group in groups for text in group.firsts if text in tallies]
    rest = _sum_all(acc.counts, firsts)
    has_rest = bool(firsts)
    pairs = [(tallies[first], again) for group in groups
             for first, again in zip(group.revoted, group.revotes, strict=True)
             if first in tallies]
    revoted = [first for first, _again in pairs]
    if revoted:
        revotes = _decoded(again for _first, again in pairs)
        _sum_all(acc.counts, revoted)
        befores: dict[int, list[dict[str, int]]] = {}
        afters: dict[int, list[dict[str, int]]] = {}
        for first, n, revote_list in zip(revoted, map(sum, map(dict.values, revoted)), revotes,
                                         strict=True):
            last: dict[int, dict[str, int]] = {}
            for revote in revote_list:
                last[revote["variation"]] = revote["counts"]  # a repeated re-vote replaces one
            last = {v: after for v, after in last.items() if sum(after.values()) >= least}
            if not last:
                rest += n
                has_rest = True
                continue
            acc.answers += n
            index = len(acc.weights)
            acc.weights.append(n)
            for variation, after in last.items():
                entry = acc.variations.get(variation)
                if entry is None:
                    entry = acc.variations[variation] = _VariationAcc()
                    befores[variation] = []
                    afters[variation] = []
                entry.rounds.add(index)
                befores[variation].append(first)
                afters[variation].append(after)
        for variation, entry in acc.variations.items():
            _sum_all(entry.before, befores[variation])
            entry.answers_after += _sum_all(entry.after, afters[variation])
    acc.answers += rest
    if has_rest:
        acc.weights.append(rest)


def _scrubbed(texts: list[str]) -> tuple[str, ...]:
    """Notes scrubbed once more (the store scrubs on saving; a file edited by hand or written
    by an older version might not be), sorted so that their order tells nothing."""
    from sessions.scrub import scrub  # only with --with-notes: keeps the regexes off the fast path

    return tuple(sorted(scrub(text).text for text in texts))


def _card(decks: Mapping[str, Deck], deck_id: str, dilemma_id: str) -> Dilemma | None:
    deck = decks.get(deck_id)
    return deck.dilemma(dilemma_id) if deck is not None else None


def _theme_title(theme_id: str, deck_id: str, decks: Mapping[str, Deck]) -> str:
    if theme_id == OWN_THEME:
        return OWN_THEME_TITLE
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
    pulse: Mapping[str, Mapping[str, tuple[Counts, list[int]]]],
    decks: Mapping[str, Deck],
    k: int,
) -> list[PulseFigure]:
    out = []
    for question in sorted(pulse):
        per_q = pulse[question]
        card = _pulse_card(decks, question)
        keys = card.answer.keys if card is not None else ()
        total: Counts = {}
        answers = 0
        for counts, _n in per_q.values():
            answers += _add(total, counts)
        ordered = _ordered(total, keys)
        q_answers = {q: n[0] for q, (_c, n) in per_q.items() if n[0] > 0}
        hidden = suppress_quarters(q_answers, k)
        quarters = tuple(
            QuarterFigure(q, q_answers[q],
                          None if q in hidden else _ordered(per_q[q][0], tuple(ordered)))
            for q in sorted(q_answers)
        )
        out.append(PulseFigure(
            question=question,
            title=(card.question or card.title) if card is not None else question,
            answers=answers,
            counts=ordered if shown(answers, k) else None,
            quarters=quarters,
            labels=_labels(card, ordered),
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
                   "rounds": t.rounds, "participants_mean": t.participants_mean},
        "themes": [{"id": f.id, "title": f.title, "rounds": f.rounds} for f in report.themes],
        "dilemmas": [
            {"id": f.id, "deck": f.deck, "theme": f.theme, "title": f.title, "played": f.played,
             "answers": f.answers, "counts": f.counts, "verdeeldheid": f.verdeeldheid,
             "blanco": f.blanco}
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
        "reach": {"teams": list(r.teams), "reached": list(r.reached),
                  "not_reached": list(r.not_reached), "other_teams": r.others},
        "previous": None if p is None else {
            "period": {"from": p[0].start, "to": p[0].end},
            "sessions": p[1].sessions, "teams": p[1].teams,
            "participants": p[1].participants, "rounds": p[1].rounds},
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
    return replace(report, previous=previous.totals)
