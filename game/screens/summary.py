"""SummaryScreen: the end of a team session, exportable as Markdown and HTML for the team."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from dilemmas.model import Deck
from game.rules.game import VOTE_MODE_LABELS
from game.rules.session import GameSession
from sessions.figures import divided_label, percentages, verdeeldheid
from sessions.model import SessionRecord

if TYPE_CHECKING:
    from game.app import IntegerSpelApp

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _month_label(month: str) -> str:
    try:
        year, mm = month.split("-")
        return f"{MONTHS[int(mm) - 1]} {year}"
    except (ValueError, IndexError):
        return month


def _counts_line(counts: Mapping[str, int], labels: Mapping[str, str]) -> str:
    pct = percentages(counts)
    keys = list(labels) or list(counts)
    return "; ".join(f"{k}: {counts.get(k, 0)} ({pct.get(k, 0.0):.0f}%)" for k in keys)


def fallback_markdown(record: SessionRecord, decks: Mapping[str, Deck], config: Any) -> str:
    """The session summary in Markdown, used when `sessions.summary` is not available."""
    deck = decks.get(record.deck_id)
    lines = ["# Samenvatting teamsessie Integer-spel", ""]
    lines.append(f"- Team: {record.team or '—'}")
    lines.append(f"- Maand: {_month_label(record.month)}")
    lines.append(f"- Deck: {deck.info.title if deck else record.deck_id} ({record.deck_version})")
    lines.append(f"- Deelnemers: {record.participants}")
    lines.append(f"- Besproken kaarten: {len(record.rounds)}")
    if deck is not None:
        covered = {r.theme for r in record.rounds}
        lines.append(f"- Thema's: {len(covered)} van {len(deck.themes)} besproken")
    lines.append("")
    lines.append("## Rondes")
    for n, rnd in enumerate(record.rounds, 1):
        card = deck.dilemma(rnd.dilemma) if deck else None
        title = card.title if card else rnd.dilemma
        theme = deck.theme_title(rnd.theme) if deck else rnd.theme
        lines += ["", f"### {n}. {title}", "", f"*{theme}*", ""]
        labels = {k: card.answer.label(k) for k in card.answer.keys} if card else {}
        if rnd.counts is not None:
            m = len(labels) or len(rnd.counts)
            lines.append(
                f"- Stemming ({VOTE_MODE_LABELS.get(rnd.vote, rnd.vote)}): "
                f"{_counts_line(rnd.counts, labels)} — {divided_label(verdeeldheid(rnd.counts, m))}"
            )
            for key, label in labels.items():
                lines.append(f"  - {key}: {label}")
        else:
            lines.append("- Geen stemming: besproken.")
        for revote in rnd.revotes:
            text = ""
            if card and 0 <= revote.variation < len(card.variations):
                text = card.variations[revote.variation]
            shift = "; ".join(
                f"{k}: {(rnd.counts or {}).get(k, 0)} → {revote.counts.get(k, 0)}"
                for k in (labels or revote.counts)
            )
            lines.append(f"- Maar wat als… {text} Verschuiving: {shift}")
        if rnd.minutes:
            lines.append(f"- Besproken in {rnd.minutes} min")
        if rnd.note:
            lines.append(f"- Notitie: {rnd.note}")
    if record.pulse:
        lines += ["", "## Pulse: meldklimaat", ""]
        pulse_decks = [d for d in decks.values() if d.is_pulse]
        for answer in record.pulse:
            q = next(
                (d.dilemma(answer.question) for d in pulse_decks if d.dilemma(answer.question)),
                None,
            )
            labels = {k: q.answer.label(k) for k in q.answer.keys} if q else {}
            question = (q.question or q.title) if q else answer.question
            shown = "; ".join(
                f"{labels.get(k, k)}: {v} ({p:.0f}%)"
                for (k, v), p in zip(
                    answer.counts.items(), percentages(answer.counts).values(), strict=True
                )
            )
            lines.append(f"- {question} {shown}")
    contacts = getattr(config, "contacts", ())
    if contacts:
        lines += ["", "## Vragen, twijfels of een melding?", ""]
        for c in contacts:
            who = f"{c.role}: {c.name}" if c.name else c.role
            lines.append(f"- {who}" + (f" — {c.reach}" if c.reach else ""))
    lines += [
        "",
        "---",
        "",
        "Anoniem: geen namen, alleen aantallen per antwoord, geen volgorde van stemmen.",
        "",
    ]
    return "\n".join(lines)


def markdown_to_html(markdown: str, title: str) -> str:
    """A small self-contained HTML page from the fallback Markdown (headings, lists, text)."""
    body: list[str] = []
    in_list = False
    for raw in markdown.splitlines():
        line = raw.rstrip()
        item = re.match(r"^\s*- (.*)$", line)
        if item and not in_list:
            body.append("<ul>")
            in_list = True
        if not item and in_list:
            body.append("</ul>")
            in_list = False
        if item:
            body.append(f"<li>{html.escape(item.group(1))}</li>")
        elif heading := re.match(r"^(#{1,3}) (.*)$", line):
            level = len(heading.group(1))
            body.append(f"<h{level}>{html.escape(heading.group(2))}</h{level}>")
        elif line == "---":
            body.append("<hr>")
        elif line:
            body.append(f"<p>{html.escape(line.strip('*'))}</p>")
    if in_list:
        body.append("</ul>")
    return (
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}"
        "h1,h2,h3{color:#0072B2}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def summary_texts(record: SessionRecord, decks: Mapping[str, Deck], config: Any) -> tuple[str, str]:
    """The summary as (Markdown, HTML), from `sessions.summary` when it is there."""
    try:
        from sessions import summary as shared
    except ImportError:
        markdown = fallback_markdown(record, decks, config)
        return markdown, markdown_to_html(markdown, "Samenvatting teamsessie")
    return (
        shared.summary_markdown(record, decks, config),
        shared.summary_html(record, decks, config),
    )


def export_name(record: SessionRecord, suffix: str) -> str:
    """E.g. "integer-spel-2026-11-publiekszaken.md"."""
    team = re.sub(r"[^a-z0-9]+", "-", (record.team or "team").lower()).strip("-") or "team"
    return f"integer-spel-{record.month}-{team}.{suffix}"


class SummaryScreen(Screen[None]):
    """Rounds, votes, shifts, notes, pulse and the support contacts; export for the team."""

    CSS_PATH = "../styles/game.tcss"

    EXPORT_DIR: ClassVar[Path | None] = None
    """Where exports go in a terminal (None: Textual's default, the downloads folder)."""

    HELP: ClassVar[str] = """\
**De samenvatting** van de sessie, om naar het team te sturen.

- `m` bewaar als Markdown, `h` bewaar als HTML (in je map Downloads; in de browser: downloaden)
- `o` opslaan als… een bestand dat je zelf kiest
- `Escape` of `q` terug naar het hoofdmenu

Er staan geen namen in, alleen aantallen per antwoord.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "export('md')",
            "Markdown",
            id="summary.markdown",
            tooltip="Samenvatting bewaren als Markdown",
        ),
        Binding(
            "h",
            "export('html')",
            "HTML",
            id="summary.html",
            tooltip="Samenvatting bewaren als HTML",
        ),
        Binding(
            "o",
            "save_as",
            "Opslaan als…",
            id="summary.save-as",
            tooltip="Samenvatting opslaan op een plek die je kiest",
        ),
        Binding("escape,q", "done", "Klaar", id="summary.done", tooltip="Terug naar het hoofdmenu"),
    ]

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session
        self.markdown = ""
        self.html = ""

    def compose(self) -> ComposeResult:
        yield Static(markup=False, id="summary-notice")
        with VerticalScroll(id="summary-scroll"):
            yield Markdown(id="summary-text")
        yield Footer()

    def on_mount(self) -> None:
        ctx = cast("IntegerSpelApp", self.app).ctx
        record = self.session.record()
        self.markdown, self.html = summary_texts(record, ctx.registry.decks, ctx.config)
        self.query_one(Markdown).update(self.markdown)
        notice = self.query_one("#summary-notice", Static)
        if self.session.problem:
            notice.update(
                "Deze sessie is niet opgeslagen. Bewaar de samenvatting nu met o (opslaan als…)."
            )
        else:
            notice.update("Bewaard. m: Markdown · h: HTML · o: opslaan als… · Escape: hoofdmenu")

    def _text(self, fmt: str) -> str:
        return self.html if fmt == "html" else self.markdown

    def action_export(self, fmt: str) -> None:
        """Deliver the summary as a file (download folder, or the browser under textual-serve)."""
        name = export_name(self.session.record(), fmt)
        self.app.deliver_text(
            io.StringIO(self._text(fmt)),
            save_directory=self.EXPORT_DIR,
            save_filename=name,
            mime_type="text/html" if fmt == "html" else "text/markdown",
        )
        self.notify(f"Samenvatting bewaard als {name}.", markup=False)

    def action_save_as(self) -> None:
        """Save to a path the user types (the fallback when the data folder is unusable)."""
        from game.dialogs.path_dialog import PathDialog, save_text

        default = Path("~") / export_name(self.session.record(), "md")

        def done(path: Path | None) -> None:
            if path is None:
                return
            fmt = "html" if path.suffix.lower() in (".html", ".htm") else "md"
            problem = save_text(path, self._text(fmt))
            if problem:
                self.notify(problem, severity="error", markup=False)
            else:
                self.notify(f"Opgeslagen: {path}", markup=False)

        self.app.push_screen(
            PathDialog(
                "Samenvatting opslaan als",
                default,
                hint="Eindigt de naam op .html, dan wordt het HTML; anders Markdown.",
            ),
            done,
        )

    def action_done(self) -> None:
        self.app.pop_screen()
