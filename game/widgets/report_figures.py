"""ReportFigures: the WIO report's figures on screen, read from the same JSON the CLI writes."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from game.widgets.bars import VoteBars
from sessions.figures import divided_label
from sessions.report_words import PULSE_TEAMS, QUARTER_LEFT_OUT, number, too_few

FULL = "█"
EMPTY = "·"


dutch_number = number
"""A decimal with a comma, or a dash when there is none (the report's own wording)."""


def suppressed_text(answers: int, k: int) -> str:
    """Why a distribution is not drawn."""
    if too_few(answers, k):
        # Only votes of k or more people enter a sum (SPEC §8), so 0 means: none of those.
        return (f"Minder dan {k} antwoorden per stemming — telt niet mee, niet getoond "
                "(of er is niet over gestemd).")
    return "Niet getoond: anders is een kleinere groep terug te rekenen uit een totaal."


def count_bar(count: int, largest: int, width: int) -> str:
    """A bar of `width` cells for `count` against the largest count."""
    filled = round(width * count / largest) if largest else 0
    return FULL * filled + EMPTY * (width - filled)


class ReportBars(VoteBars):
    """VoteBars without its own verdeeldheid line: the report's figure is shown above it.

    The bars recompute nothing that is printed; the score on screen is the report's.
    """

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return max(1, super().get_content_height(container, viewport, width) - 1)

    def render(self) -> Content:
        lines = super().render().split("\n")
        return Content("\n").join(lines[:-1])


class ThemeBars(Widget):
    """Rounds per theme as horizontal bars, longest first (as the report orders them)."""

    DEFAULT_CSS = """
    ThemeBars {
        height: auto;
        width: 1fr;
        padding: 0 1;
    }
    """

    def __init__(self, themes: Sequence[Mapping[str, Any]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.themes = list(themes)

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return max(1, len(self.themes))

    def render(self) -> Content:
        if not self.themes:
            return Content.styled("Geen rondes gespeeld.", "italic")
        width = max(self.content_size.width, 30)
        title_w = min(36, max(len(str(t["title"])) for t in self.themes), width // 2)
        largest = max(int(t["rounds"]) for t in self.themes)
        bar_w = max(5, width - title_w - 12)
        lines = []
        for theme in self.themes:
            title = str(theme["title"])
            if len(title) > title_w:
                title = title[: title_w - 1] + "…"
            rounds = int(theme["rounds"])
            bar = count_bar(rounds, largest, bar_w)
            filled = bar.rstrip(EMPTY)
            lines.append(
                Content.assemble(
                    title.ljust(title_w),
                    "  ",
                    (filled, "$primary"),
                    (bar[len(filled) :], "$text-muted"),
                    "  ",
                    (f"{rounds:>4}", "bold"),
                )
            )
        return Content("\n").join(lines)


class ReportFigures(VerticalScroll):
    """Totals, theme coverage, dilemmas by verdeeldheid, shifts and pulse, already suppressed.

    Every number comes from `doc`, the dict `sessions.report.report_to_json` returns, so the
    screen and the exported report cannot disagree. `labels` only adds option texts.
    """

    DEFAULT_CSS = """
    ReportFigures {
        height: 1fr;
        padding: 0 1;
    }
    ReportFigures .figures--heading {
        text-style: bold;
        color: $primary;
        margin: 1 0 0 0;
        width: 1fr;
    }
    ReportFigures #figures-statement {
        border: round $accent;
        padding: 0 1;
        width: 1fr;
    }
    ReportFigures .figures--item {
        height: auto;
        margin: 1 0 0 0;
    }
    ReportFigures .figures--title {
        width: 1fr;
    }
    ReportFigures #figures-more {
        margin: 1 0 0 0;
    }
    ReportFigures .figures--meta {
        color: $text-muted;
        width: 1fr;
    }
    ReportFigures .figures--suppressed {
        color: $warning;
        text-style: italic;
        padding: 0 1;
        width: 1fr;
    }
    ReportFigures .figures--quarters {
        padding: 0 1;
        width: 1fr;
    }
    """

    chunk: ClassVar[int] = 4
    """Items (dilemmas, shifts, pulse questions) mounted per turn of the event loop: the first
    ones come with the headings, the rest in turns of this many, so that no turn holds the
    loop for 100 ms (SPEC §11) however many items there are."""

    limit: ClassVar[int] = 10
    """How many dilemmas are drawn before a "show all" button (a year can hold hundreds).

    Drawing is on the event loop: 25 dilemmas with their shifts took 120 ms over 10,000
    sessions, 10 take 70 ms (benchmarks/bench_report_screen.py)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc: Mapping[str, Any] | None = None
        self.show_all = False
        self.period_text = ""
        self.statement: list[str] = []
        self.labels: Mapping[tuple[str, str], Mapping[str, str]] = {}
        self.pulse_labels: Mapping[str, Mapping[str, str]] = {}
        self.pulse_titles: Mapping[str, str] = {}
        self.ranked: frozenset[tuple[str, str]] = frozenset()
        self._pending: list[Widget] = []
        self._generation = 0

    def show(
        self,
        doc: Mapping[str, Any],
        *,
        period_text: str,
        statement: Sequence[str],
        labels: Mapping[tuple[str, str], Mapping[str, str]] | None = None,
        pulse_labels: Mapping[str, Mapping[str, str]] | None = None,
        pulse_titles: Mapping[str, str] | None = None,
        ranked: Collection[tuple[str, str]] = (),
    ) -> None:
        """Show a report (the figures are rebuilt on the next refresh).

        Args:
            doc: the report as `report_to_json` returns it.
            period_text: the period in words, e.g. "januari 2026 t/m december 2026".
            statement: the "wat wel en niet is vastgelegd" lines of the exported report.
            labels: option texts per (deck, dilemma).
            pulse_labels: option texts per pulse question.
            pulse_titles: the question text per pulse question id.
            ranked: (deck, dilemma) of the dilemmas the printed report ranks (enough answers
                over enough rounds); they come first, numbered, the others after them.
        """
        self.doc = doc
        self.show_all = False
        self.period_text = period_text
        self.statement = list(statement)
        self.labels = labels or {}
        self.pulse_labels = pulse_labels or {}
        self.pulse_titles = pulse_titles or {}
        self.ranked = frozenset(ranked)
        self.refresh(recompose=True)

    @property
    def k(self) -> int:
        return int(self._doc["k"])

    @property
    def _doc(self) -> Mapping[str, Any]:
        assert self.doc is not None
        return self.doc

    def compose(self) -> ComposeResult:
        self._generation += 1
        self._pending = []
        if self.doc is None:
            return
        yield Static(Content.assemble(("Periode: ", "bold"), self.period_text), id="figures-period")
        yield Static(
            Content("\n").join(
                [Content.styled("Wat wel en niet is vastgelegd", "bold")]
                + [Content(f"• {line}") for line in self.statement]
            ),
            id="figures-statement",
        )
        yield from self._totals()
        yield Static("Thema's (rondes per thema)", classes="figures--heading")
        yield ThemeBars(self._doc["themes"], id="figures-themes")
        pieces: list[Widget] = [
            Static("Dilemma's, de meest verdeelde eerst", classes="figures--heading"),
            *self._dilemmas(),
        ]
        if self._visible_shifts():
            pieces.append(Static('Na "Maar wat als…?": de stemmen vóór en na',
                                 classes="figures--heading"))
            pieces.extend(self._shifts())
        own = self._doc.get("own_cases") or []
        if own:
            pieces.append(Static("Eigen casussen", classes="figures--heading"))
            pieces.append(Static(
                Content("\n").join(
                    [Content.styled("De kaart van één team: alleen de titel en hoe vaak, zonder "
                                    "stemmen.", "$text-muted")]
                    + [Content(f"• {case['title']} ({case['played']}×)") for case in own]
                ),
                id="figures-own", classes="figures--meta",
            ))
        pieces.append(Static("Peiling meldklimaat", classes="figures--heading"))
        pieces.extend(self._pulse())
        first = self._through_items(pieces, self.chunk)
        yield from pieces[:first]
        self._pending = pieces[first:]
        if self._pending:
            self.call_after_refresh(self._mount_pending, self._generation)

    @staticmethod
    def _through_items(pieces: Sequence[Widget], items: int) -> int:
        """How many pieces from the start hold ``items`` items (and the headings between)."""
        seen = 0
        for i, piece in enumerate(pieces):
            if piece.has_class("figures--item"):
                if seen == items:
                    return i
                seen += 1
        return len(pieces)

    def _mount_pending(self, generation: int) -> None:
        """Mount the next turn's items; again after the next refresh while some are left."""
        if generation != self._generation or not self._pending:
            return
        n = self._through_items(self._pending, self.chunk)
        batch, self._pending = self._pending[:n], self._pending[n:]
        self.mount_all(batch)
        if self._pending:
            self.call_after_refresh(self._mount_pending, generation)

    @property
    def filled(self) -> bool:
        """Whether every item of the shown report is mounted."""
        return not self._pending

    def _totals(self) -> ComposeResult:
        t = self._doc["totals"]
        yield Static("Kerncijfers", classes="figures--heading")
        rows = [
            ("Teamsessies", str(t["sessions"]), "total-sessions"),
            ("Teams bereikt", _teams_value(self._doc), "total-teams"),
            ("Deelnames", str(t["participants"]), "total-participants"),
            (
                "Deelnames per sessie (gemiddeld)",
                dutch_number(t.get("participants_mean")),
                "total-mean",
            ),
            ("Rondes", str(t["rounds"]), "total-rounds"),
        ]
        for label, value, widget_id in rows:
            yield Static(
                Content.assemble(f"{label}: ", (value, "bold")),
                id=widget_id,
                classes="figures--total",
            )
        if not t["sessions"]:
            yield Static(
                "Er zijn in deze periode geen teamsessies vastgelegd.", classes="figures--meta"
            )

    def _dilemmas(self) -> Iterator[Widget]:
        dilemmas = self._doc["dilemmas"]
        if not dilemmas:
            yield Static("Geen dilemma's besproken.", classes="figures--meta")
            return
        def key_of(figure: Mapping[str, Any]) -> tuple[str, str]:
            return (str(figure["deck"]), str(figure["id"]))

        # Numbered: the ranking of the printed report; then the rest, without a number.
        ranked = [f for f in dilemmas if key_of(f) in self.ranked]
        ordered = ranked + [f for f in dilemmas if key_of(f) not in self.ranked]
        shown = ordered if self.show_all else ordered[: self.limit]
        for position, figure in enumerate(shown, 1):
            key = key_of(figure)
            if position == len(ranked) + 1:
                enough = f"minstens twee rondes en {2 * self.k} antwoorden"
                yield Static(
                    f"Met te weinig antwoorden om te rangschikken ({enough} nodig):"
                    if ranked else
                    f"Nog geen dilemma met genoeg antwoorden om te rangschikken ({enough} "
                    "nodig). Wel besproken:",
                    classes="figures--meta", id="figures-unranked",
                )
            rank = f"{position}. " if position <= len(ranked) else ""
            counts = figure["counts"]
            score = figure["verdeeldheid"]
            blanco = f" · {figure['blanco']} blanco" if figure.get("blanco") else ""
            meta = (
                f"{figure['played']} keer gespeeld · {figure['answers']} antwoorden{blanco} · "
                f"verdeeldheid {dutch_number(score, 3)}"
            )
            if score is not None:
                meta += f" ({divided_label(score)})"
            yield Vertical(
                Static(
                    Content.assemble(
                        (f"{rank}{figure['title']}", "bold"), "\n", (meta, "$text-muted")
                    ),
                    classes="figures--title",
                ),
                Static("Open vraag, geen stemming." if figure.get("open") else
                       suppressed_text(int(figure["answers"]), self.k),
                       classes="figures--suppressed")
                if counts is None else ReportBars(counts, self._labels(key, counts)),
                classes="figures--item figures--dilemma", id=f"dilemma-{position}",
            )
        hidden = len(dilemmas) - len(shown)
        if hidden > 0:
            yield Button(f"Toon alle {len(dilemmas)} dilemma's (nog {hidden})", id="figures-more")

    @on(Button.Pressed, "#figures-more")
    def action_show_all(self) -> None:
        """Show every dilemma, not only the most dividing ones."""
        self.show_all = True
        self.refresh(recompose=True)

    def _labels(self, key: tuple[str, str], counts: Mapping[str, int]) -> dict[str, str]:
        known = self.labels.get(key, {})
        return {k: known.get(k, k) for k in counts}

    def _shown_titles(self) -> dict[tuple[str, str], str]:
        dilemmas = self._doc["dilemmas"]
        shown = dilemmas if self.show_all else dilemmas[: self.limit]
        return {(str(d["deck"]), str(d["id"])): str(d["title"]) for d in shown}

    def _visible_shifts(self) -> list[Mapping[str, Any]]:
        """The shifts of the dilemmas drawn above (they come in the dilemmas' order)."""
        titles = self._shown_titles()
        return [
            s for s in self._doc.get("shifts", ()) if (str(s["deck"]), str(s["dilemma"])) in titles
        ]

    def _shifts(self) -> Iterator[Widget]:
        titles = self._shown_titles()
        for n, shift in enumerate(self._visible_shifts(), 1):
            key = (str(shift["deck"]), str(shift["dilemma"]))
            variant = f"Variant {int(shift['variation']) + 1}"
            if shift.get("text"):
                variant += f": {shift['text']}"
            before, after = shift["before"], shift["after"]
            meta = (
                f"{variant} · {shift['revotes']}× opnieuw gestemd · "
                f"{before['answers']} → {after['answers']} antwoorden"
            )
            hidden = before["counts"] is None or after["counts"] is None
            yield Vertical(
                Static(
                    Content.assemble((titles[key], "bold"), "\n", (meta, "$text-muted")),
                    classes="figures--title",
                ),
                Static(
                    suppressed_text(min(int(before["answers"]), int(after["answers"])), self.k),
                    classes="figures--suppressed",
                ) if hidden else ReportBars(
                    after["counts"],
                    self._labels(key, after["counts"]),
                    previous=before["counts"],
                ),
                classes="figures--item figures--shift", id=f"shift-{n}",
            )

    def _pulse(self) -> Iterator[Widget]:
        pulse = self._doc["pulse"]
        if not pulse:
            yield Static("Geen peilingvragen gesteld.", classes="figures--meta")
            return
        for n, question in enumerate(pulse, 1):
            qid = str(question["question"])
            counts = question["counts"]
            labels = self.pulse_labels.get(qid, {})
            yield Vertical(
                Static(
                    Content.assemble(
                        (self.pulse_titles.get(qid, qid), "bold"),
                        "\n",
                        (f"{question['answers']} antwoorden", "$text-muted"),
                    ),
                    classes="figures--title",
                ),
                Static(suppressed_text(int(question["answers"]), self.k)
                       if question["answers"] else
                       f"Geen kwartaal met antwoorden van minstens {PULSE_TEAMS} teams.",
                       classes="figures--suppressed")
                if counts is None else ReportBars(counts, {k: labels.get(k, k) for k in counts}),
                Static(self._quarters(question, labels), classes="figures--quarters"),
                Static(f"— = {QUARTER_LEFT_OUT}.", classes="figures--meta"),
                classes="figures--item figures--pulse", id=f"pulse-{n}",
            )

    def _quarters(self, question: Mapping[str, Any], labels: Mapping[str, str]) -> Content:
        """The trend per quarter as a small table; a quarter left out shows "—"."""
        keys = list(question["counts"] or {})
        for figure in question["quarters"].values():
            for key in figure["counts"] or {}:
                if key not in keys:
                    keys.append(key)
        # Each column is as wide as its whole answer text: a header is never cut off.
        widths = [max(12, len(labels.get(k, k)) + 2) for k in keys]
        header = Content.assemble(
            ("kwartaal ", "bold"),
            ("antwoorden ", "bold"),
            *[(labels.get(k, k).rjust(w), "bold") for k, w in zip(keys, widths, strict=True)],
        )
        lines = [header]
        for quarter, figure in question["quarters"].items():
            counts = figure["counts"]
            total = int(figure["answers"])
            if counts is None:
                cells = ["—".rjust(w) for w in widths] or ["  —"]
            else:
                cells = [_count_pct(int(counts.get(k, 0)), total).rjust(w)
                         for k, w in zip(keys, widths, strict=True)]
            lines.append(Content(f"{quarter:<9}{total:>10} " + "".join(cells)))
        return Content("\n").join(lines)


def _teams_value(doc: Mapping[str, Any]) -> str:
    """Teams reached, "12 van 30" against the config's team list, as every report says it."""
    listed = doc.get("reach", {}).get("teams") or []
    teams = str(doc["totals"]["teams"])
    return f"{teams} van {len(listed)}" if listed else teams


def _count_pct(count: int, total: int) -> str:
    return f"{count} ({round(100 * count / total) if total else 0}%)"
