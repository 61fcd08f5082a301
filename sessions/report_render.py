"""The WIO report as Markdown, self-contained printable HTML (inline SVG bars) and CSV.

CSV layout (chosen because it imports as one tidy table that a spreadsheet can filter and
pivot): one header row and then one row per figure, with the columns

    sectie, deck, id, titel, periode, variant, meting, optie, waarde, opmerking

``sectie`` is totaal, thema, dilemma, verschuiving, meldklimaat or sessie; ``meting`` names the
figure (sessies, teams, deelnemers, rondes, gespeeld, antwoorden, stemmen, verdeeldheid,
hertellingen, voor, na, afgerond); ``optie`` is the vote key for a count; ``periode`` is the
quarter (meldklimaat) or the month (sessie). A hidden distribution is one row with an empty
``waarde`` and the reason in ``opmerking``. Numbers use a decimal point; text cells that a
spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe.
`integer-spel report --format csv -o FILE` writes a UTF-8 byte-order mark first, so that
Excel reads the accents right; on stdout there is none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from sessions.figures import month_label

if TYPE_CHECKING:
    from sessions.report import Report


def period_label(report: Report) -> str:
    p = report.period
    text = f"{month_label(p.start)} t/m {month_label(p.end)}"
    if p.implicit:
        text += " (je gaf geen periode op: dit is het huidige kalenderjaar)"
    return text


def _num(value: float | None, digits: int = 1) -> str:
    """A decimal in Dutch notation (comma), or a dash."""
    if value is None:
        return "—"
    return f"{value:.{digits}f}".replace(".", ",")


def _pct(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "0%"


def _hidden(answers: int, k: int) -> str:
    if answers < k:
        return f"verborgen: geen stemming met minstens {k} antwoorden (minder dan {k} telt niet mee)"
    return "verborgen: anders is een kleinere groep terug te rekenen uit een totaal"


def statement(report: Report) -> list[str]:
    """"Wat wel en niet is vastgelegd": the lines that open every human format."""
    k = report.k
    lines = [
        "Per teamsessie is vastgelegd: de maand, de naam van het team of de afdeling (als die "
        "is ingevuld), het aantal deelnemers, de besproken dilemma's, hoeveel stemmen elk "
        "antwoord kreeg, de antwoorden op de meldklimaatvragen en soms een korte notitie over "
        "het gesprek.",
        "Namen van deelnemers zijn niet vastgelegd. Nergens staat wie wat stemde.",
        "Bij een geheime stemming is alleen de telling bewaard, niet de volgorde van de stemmen.",
        "Sessies staan erin met de maand, niet met de dag.",
        f"Een stemming met minder dan {k} antwoorden (in één ronde van één sessie, of één "
        "meldklimaatvraag in één sessie) telt in geen enkel cijfer mee, ook niet in een totaal. "
        "Elk getal hier is dus een optelling van stemmingen van minstens "
        f"{k} mensen. Daardoor kun je ook door twee of drie rapporten over verschillende "
        "periodes van elkaar af te trekken, of een rapport van voor en na een import, nooit "
        f"zien hoe een groep van minder dan {k} mensen stemde.",
        f"Dit rapport gebruikt k = {k} (uit de instellingen).",
    ]
    if report.with_notes:
        lines.append("De notities bij de rondes staan erin, omdat daarom is gevraagd. "
                     "Persoonsgegevens zoals e-mailadressen, telefoonnummers en BSN's zijn "
                     "eruit gehaald.")
    else:
        lines.append("De notities bij de rondes staan niet in dit rapport.")
    return lines


def _status(completed: bool) -> str:
    return "ja" if completed else "nee (niet afgerond)"


def _variation_name(index: int, text: str | None) -> str:
    return f"Variant {index + 1}: {text}" if text else f"Variant {index + 1}"


# --------------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """Text from data, made safe inside a Markdown table cell or line."""
    out = " ".join(text.split())
    for ch in "\\|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_bar(count: int, total: int, width: int = 20) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def _md_dist(counts: Mapping[str, int], labels: Mapping[str, str]) -> list[str]:
    total = sum(counts.values())
    lines = ["| antwoord | stemmen | | |", "|---|---:|---|---:|"]
    for key, n in counts.items():
        label = labels.get(key, key)
        name = key if label == key else f"{key} — {label}"
        lines.append(f"| {_md(name)} | {n} | `{_md_bar(n, total)}` | {_pct(n, total)} |")
    return lines


def render_markdown(report: Report) -> str:
    """The report as Markdown: headings, tables and text bars."""
    k = report.k
    t = report.totals
    out: list[str] = ["# WIO-rapport Integer-spel", "", f"Periode: {period_label(report)}", ""]
    out += ["## Wat wel en niet is vastgelegd", ""]
    out += [f"- {line}" for line in statement(report)]
    out += ["", "## Kerncijfers", "", "| | |", "|---|---:|",
            f"| Teamsessies | {t.sessions} |", f"| Teams bereikt | {t.teams} |",
            f"| Deelnemers | {t.participants} |",
            f"| Deelnemers per sessie (gemiddeld) | {_num(t.participants_mean)} |",
            f"| Rondes | {t.rounds} |", ""]
    if not t.sessions:
        out += ["Er zijn in deze periode geen teamsessies vastgelegd.", ""]

    out += ["## Thema's", ""]
    if report.themes:
        out += ["| thema | rondes |", "|---|---:|"]
        out += [f"| {_md(f.title)} | {f.rounds} |" for f in report.themes]
    else:
        out.append("Geen rondes gespeeld.")
    out.append("")

    out += ["## Meest verdelende dilemma's", "",
            "Verdeeldheid loopt van 0 (iedereen koos hetzelfde) tot 1 (de stemmen zijn gelijk "
            "verdeeld over alle antwoorden).", ""]
    if report.dilemmas:
        out += ["| dilemma | deck | gespeeld | antwoorden | verdeeldheid |", "|---|---|---:|---:|---:|"]
        out += [f"| {_md(f.title)} | {_md(f.deck)} | {f.played} | {f.answers} | "
                f"{_num(f.verdeeldheid, 3)} |" for f in report.dilemmas]
        out.append("")
        for f in report.dilemmas:
            out += [f"### {_md(f.title)}", "", f"Deck {_md(f.deck)}, gespeeld: {f.played}, "
                    f"antwoorden: {f.answers}, verdeeldheid: {_num(f.verdeeldheid, 3)}.", ""]
            if f.counts is None:
                out += [f"Verdeling {_hidden(f.answers, k)}.", ""]
            else:
                out += _md_dist(f.counts, f.labels) + [""]
    else:
        out += ["Geen dilemma's gespeeld.", ""]

    out += ["## Verschuivingen na \"Maar wat als…?\"", ""]
    if report.shifts:
        for s in report.shifts:
            out += [f"### {_md(s.title)} — {_md(_variation_name(s.variation, s.text))}", "",
                    f"Opnieuw gestemd in {s.revotes} "
                    f"{'ronde' if s.revotes == 1 else 'rondes'}.", ""]
            if s.before is None or s.after is None:
                out += [f"Verdeling {_hidden(min(s.answers_before, s.answers_after), k)}.", ""]
                continue
            nb, na = sum(s.before.values()), sum(s.after.values())
            out += ["| antwoord | voor | | na | |", "|---|---:|---:|---:|---:|"]
            for key in s.after:
                label = s.labels.get(key, key)
                name = key if label == key else f"{key} — {label}"
                b, a = s.before.get(key, 0), s.after[key]
                out.append(f"| {_md(name)} | {b} | {_pct(b, nb)} | {a} | {_pct(a, na)} |")
            out.append("")
    else:
        out += ["Er is niet opnieuw gestemd na een variant.", ""]

    out += ["## Meldklimaat", ""]
    if report.pulse:
        for p in report.pulse:
            out += [f"### {_md(p.title)}", "", f"Antwoorden: {p.answers}.", ""]
            if p.counts is None:
                out += [f"Verdeling {_hidden(p.answers, k)}.", ""]
            else:
                out += _md_dist(p.counts, p.labels) + [""]
            if p.quarters:
                keys = list(p.counts or p.labels)
                head = " | ".join(_md(p.labels.get(key, key)) for key in keys)
                out += [f"| kwartaal | antwoorden | {head} |",
                        "|---|---:|" + "---:|" * len(keys)]
                for q in p.quarters:
                    if q.counts is None:
                        cells = " | ".join("—" for _ in keys)
                    else:
                        cells = " | ".join(_pct(q.counts.get(key, 0), q.answers) for key in keys)
                    out.append(f"| {q.quarter} | {q.answers} | {cells} |")
                out += ["", "— = verborgen (te weinig antwoorden, of terug te rekenen).", ""]
    else:
        out += ["Er zijn geen meldklimaatvragen beantwoord.", ""]

    out += ["## Sessies", ""]
    if report.sessions:
        out += ["| maand | team | deelnemers | rondes | afgerond |", "|---|---|---:|---:|---|"]
        out += [f"| {month_label(s.month)} | {_md(s.team) if s.team else '—'} | "
                f"{s.participants} | {s.rounds} | {_status(s.completed)} |"
                for s in report.sessions]
    else:
        out.append("Geen sessies.")
    out.append("")

    if report.with_notes:
        out += ["## Notities", ""]
        if report.notes:
            for g in report.notes:
                out += [f"### {_md(g.title)}", ""] + [f"- {_md(n)}" for n in g.notes] + [""]
        else:
            out += ["Er zijn geen notities.", ""]
    return "\n".join(out)


# ------------------------------------------------------------------------------------- HTML

# Okabe–Ito blue and sky blue: safe for colour-blind readers and distinct in grayscale.
_DARK = "#0072B2"
_LIGHT = "#56B4E9"

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;
background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:2px solid #111;padding-bottom:.2rem;
margin-top:2.2rem}h3{margin:1.4rem 0 .4rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .5rem;
text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.statement{border:2px solid #111;padding:.5rem 1rem;background:#f4f4f4}
.kpi{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.kpi div{border:1px solid #999;
padding:.5rem 1rem;min-width:9rem}.kpi b{display:block;font-size:1.6rem}
.options{font-size:.9em;color:#222;margin:.2rem 0 .8rem;padding-left:1.2rem}.muted{color:#444}.hidden{font-style:italic;color:#444}svg{display:block;max-width:100%}
@media print{body{margin:0;max-width:none;font-size:10.5pt}
section.big{break-before:page}h2,h3{break-after:avoid}table,svg,.card{break-inside:avoid}
.statement{background:none}}
"""


Bar = tuple[int, int, str, str]  # count, total, colour, a word before the count ("voor")

LABEL_CHARS = 42


def _svg_bars(rows: list[tuple[str, list[Bar]]], *, title: str, percent: bool = True) -> str:
    """Horizontal bars: per row a label and one or more bars, each with its count written out
    (and the percentage), so that the chart reads without colour."""
    # 42 characters at 12 px need about 290 px, so a long theme never runs into its bar.
    bar_h, gap, label_w, bar_w, text_w = 16, 4, 295, 300, 130
    height = 0
    parts: list[str] = []
    for label, bars in rows:
        y0 = height
        parts.append(f'<text x="0" y="{y0 + 12}" font-size="12">'
                     f"{escape(_trim(label, LABEL_CHARS))}</text>")
        for count, total, colour, word in bars:
            width = round(bar_w * count / total) if total else 0
            parts.append(f'<rect x="{label_w}" y="{height}" width="{bar_w}" height="{bar_h}" '
                         f'fill="#eee" stroke="#999" stroke-width="0.5"/>')
            if width:
                parts.append(f'<rect x="{label_w}" y="{height}" width="{width}" '
                             f'height="{bar_h}" fill="{colour}"/>')
            parts.append(f'<text x="{label_w + bar_w + 8}" y="{height + 12}" font-size="12">'
                         f'{escape(word)}{count}{f" ({_pct(count, total)})" if percent else ""}'
                         "</text>")
            height += bar_h + gap
        height += gap * 2
    total_w = label_w + bar_w + text_w
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{total_w}" '
            f'height="{height}" viewBox="0 0 {total_w} {height}" '
            f'font-family="system-ui,Arial,sans-serif"><title>{escape(title)}</title>'
            + "".join(parts) + "</svg>")


def _trim(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _dist_label(key: str, labels: Mapping[str, str]) -> str:
    label = labels.get(key, key)
    return key if label == key else f"{key} — {label}"


def _html_dist(counts: Mapping[str, int], labels: Mapping[str, str], title: str) -> str:
    total = sum(counts.values())
    rows = [(_dist_label(key, labels), [(n, total, _DARK, "")]) for key, n in counts.items()]
    return _svg_bars(rows, title=title) + _html_options(counts, labels)


def _html_options(keys: Mapping[str, int], labels: Mapping[str, str]) -> str:
    """The answers written out in full when a bar label had to be shortened."""
    if all(len(_dist_label(key, labels)) <= LABEL_CHARS for key in keys):
        return ""
    items = "".join(f"<li><b>{escape(key)}</b> — {escape(labels.get(key, key))}</li>"
                    for key in keys)
    return f'<ul class="options">{items}</ul>'


def render_html(report: Report) -> str:
    """The report as one self-contained, printable HTML page (no scripts, fonts or images)."""
    k = report.k
    t = report.totals
    e = escape
    h: list[str] = [
        "<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>WIO-rapport Integer-spel — {e(period_label(report))}</title>",
        f"<style>{_CSS}</style>", "</head>", "<body>",
        "<h1>WIO-rapport Integer-spel</h1>",
        f'<p class="muted">Periode: {e(period_label(report))}</p>',
        '<section class="statement"><h2>Wat wel en niet is vastgelegd</h2><ul>',
    ]
    h += [f"<li>{e(line)}</li>" for line in statement(report)]
    h += ["</ul></section>", "<section><h2>Kerncijfers</h2>", '<div class="kpi">']
    for name, value in (("Teamsessies", str(t.sessions)), ("Teams bereikt", str(t.teams)),
                        ("Deelnemers", str(t.participants)),
                        ("Gemiddeld per sessie", _num(t.participants_mean)),
                        ("Rondes", str(t.rounds))):
        h.append(f"<div><b>{e(value)}</b>{e(name)}</div>")
    h.append("</div>")
    if not t.sessions:
        h.append("<p>Er zijn in deze periode geen teamsessies vastgelegd.</p>")
    h.append("</section>")

    h.append("<section><h2>Thema's</h2>")
    if report.themes:
        most = max(f.rounds for f in report.themes)
        rows = [(f.title, [(f.rounds, most, _DARK, "")]) for f in report.themes]
        h.append(_svg_bars(rows, title="Rondes per thema", percent=False))
        h.append('<table><tr><th>Thema</th><th class="n">Rondes</th></tr>')
        h += [f'<tr><td>{e(f.title)}</td><td class="n">{f.rounds}</td></tr>'
              for f in report.themes]
        h.append("</table>")
    else:
        h.append("<p>Geen rondes gespeeld.</p>")
    h.append("</section>")

    theme_titles = {f.id: f.title for f in report.themes}
    h += ['<section class="big"><h2>Meest verdelende dilemma\'s</h2>',
          "<p>Verdeeldheid loopt van 0 (iedereen koos hetzelfde) tot 1 (de stemmen zijn gelijk "
          "verdeeld over alle antwoorden).</p>"]
    if report.dilemmas:
        h.append('<table><tr><th>Dilemma</th><th>Deck</th><th class="n">Gespeeld</th>'
                 '<th class="n">Antwoorden</th><th class="n">Verdeeldheid</th></tr>')
        h += [f'<tr><td>{e(f.title)}</td><td>{e(f.deck)}</td><td class="n">{f.played}</td>'
              f'<td class="n">{f.answers}</td><td class="n">{_num(f.verdeeldheid, 3)}</td></tr>'
              for f in report.dilemmas]
        h.append("</table>")
        for f in report.dilemmas:
            theme = theme_titles.get(f.theme, f.theme)
            h += ['<div class="card">', f"<h3>{e(f.title)}</h3>",
                  f'<p class="muted">Thema {e(theme)} · deck {e(f.deck)} · gespeeld {f.played}'
                  f" · antwoorden {f.answers} · verdeeldheid {_num(f.verdeeldheid, 3)}</p>"]
            if f.counts is None:
                reason = _hidden(f.answers, k)
                h.append(f'<p class="hidden">Verdeling {e(reason)}.</p>')
            else:
                h.append(_html_dist(f.counts, f.labels, f"Stemmen bij {f.title}"))
            h.append("</div>")
    else:
        h.append("<p>Geen dilemma's gespeeld.</p>")
    h.append("</section>")

    h.append('<section class="big"><h2>Verschuivingen na "Maar wat als…?"</h2>')
    if report.shifts:
        h.append(f'<p>Per antwoord de stemmen vóór (<span style="color:{_LIGHT}">■</span> licht) '
                 f'en ná de variant (<span style="color:{_DARK}">■</span> donker).</p>')
        for s in report.shifts:
            rounds = "ronde" if s.revotes == 1 else "rondes"
            h += ['<div class="card">',
                  f"<h3>{e(s.title)} — {e(_variation_name(s.variation, s.text))}</h3>",
                  f'<p class="muted">Opnieuw gestemd in {s.revotes} {rounds}.</p>']
            if s.before is None or s.after is None:
                reason = _hidden(min(s.answers_before, s.answers_after), k)
                h.append(f'<p class="hidden">Verdeling {e(reason)}.</p>')
            else:
                nb, na = sum(s.before.values()), sum(s.after.values())
                rows = [(_dist_label(key, s.labels),
                         [(s.before.get(key, 0), nb, _LIGHT, "voor: "),
                          (s.after[key], na, _DARK, "na: ")])
                        for key in s.after]
                h.append(_svg_bars(rows, title=f"Voor en na bij {s.title}")
                         + _html_options(s.after, s.labels))
            h.append("</div>")
    else:
        h.append("<p>Er is niet opnieuw gestemd na een variant.</p>")
    h.append("</section>")

    h.append('<section class="big"><h2>Meldklimaat</h2>')
    if report.pulse:
        for p in report.pulse:
            h += ['<div class="card">', f"<h3>{e(p.title)}</h3>",
                  f'<p class="muted">Antwoorden: {p.answers}</p>']
            if p.counts is None:
                h.append(f'<p class="hidden">Verdeling {e(_hidden(p.answers, k))}.</p>')
            else:
                h.append(_html_dist(p.counts, p.labels, p.title))
            if p.quarters:
                keys = list(p.counts or p.labels)
                h.append('<table><tr><th>Kwartaal</th><th class="n">Antwoorden</th>'
                         + "".join(f'<th class="n">{e(p.labels.get(key, key))}</th>'
                                   for key in keys) + "</tr>")
                for q in p.quarters:
                    if q.counts is None:
                        cells = f'<td class="hidden" colspan="{len(keys)}">verborgen</td>'
                    else:
                        cells = "".join(f'<td class="n">{_pct(q.counts.get(key, 0), q.answers)}'
                                        "</td>" for key in keys)
                    h.append(f'<tr><td>{e(q.quarter)}</td><td class="n">{q.answers}</td>'
                             f"{cells}</tr>")
                h.append("</table>")
            h.append("</div>")
        h.append(f'<p class="muted">Een kwartaal telt alleen stemmingen van minstens {k} '
                 "mensen.</p>")
    else:
        h.append("<p>Er zijn geen meldklimaatvragen beantwoord.</p>")
    h.append("</section>")

    h.append('<section class="big"><h2>Sessies</h2>')
    if report.sessions:
        h.append('<table><tr><th>Maand</th><th>Team</th><th class="n">Deelnemers</th>'
                 '<th class="n">Rondes</th><th>Afgerond</th></tr>')
        h += [f"<tr><td>{e(month_label(s.month))}</td><td>{e(s.team or '—')}</td>"
              f'<td class="n">{s.participants}</td><td class="n">{s.rounds}</td>'
              f"<td>{e(_status(s.completed))}</td></tr>" for s in report.sessions]
        h.append("</table>")
    else:
        h.append("<p>Geen sessies.</p>")
    h.append("</section>")

    if report.with_notes:
        h.append('<section class="big"><h2>Notities</h2>')
        if report.notes:
            for g in report.notes:
                h.append(f"<h3>{e(g.title)}</h3><ul>"
                         + "".join(f"<li>{e(n)}</li>" for n in g.notes) + "</ul>")
        else:
            h.append("<p>Er zijn geen notities.</p>")
        h.append("</section>")
    h += ["</body>", "</html>", ""]
    return "\n".join(h)


# -------------------------------------------------------------------------------------- CSV

CSV_COLUMNS = ("sectie", "deck", "id", "titel", "periode", "variant", "meting", "optie",
               "waarde", "opmerking")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if not isinstance(value, int) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def render_csv(report: Report) -> str:
    """The report as one tidy CSV table (layout in the module docstring)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    k = report.k
    # (deck, id, titel, periode, variant): where a figure belongs.
    Where = tuple[object, object, object, object, object]

    def row(section: str, where: Where, measure: str, key: object = None, value: object = None,
            remark: str | None = None) -> None:
        w.writerow([_cell(x) for x in (section, *where, measure, key, value, remark)])

    def dist(section: str, where: Where, measure: str, counts: Mapping[str, int] | None,
             reason: str) -> None:
        if counts is None:
            row(section, where, measure, remark=reason)
            return
        for key, n in counts.items():
            row(section, where, measure, key, n)

    t = report.totals
    span = f"{report.period.start}/{report.period.end}"
    everywhere: Where = (None, None, None, span, None)
    totals: tuple[tuple[str, object], ...] = (
        ("sessies", t.sessions), ("teams", t.teams), ("deelnemers", t.participants),
        ("deelnemers_gemiddeld", t.participants_mean), ("rondes", t.rounds), ("k", report.k))
    for measure, value in totals:
        row("totaal", everywhere, measure, value=value)
    for f in report.themes:
        row("thema", (None, f.id, f.title, span, None), "rondes", value=f.rounds)
    for d in report.dilemmas:
        where: Where = (d.deck, d.id, d.title, span, None)
        row("dilemma", where, "gespeeld", value=d.played)
        row("dilemma", where, "antwoorden", value=d.answers)
        row("dilemma", where, "verdeeldheid", value=d.verdeeldheid)
        dist("dilemma", where, "stemmen", d.counts, _hidden(d.answers, k))
    for s in report.shifts:
        where = (s.deck, s.dilemma, s.title, span, s.variation + 1)
        row("verschuiving", where, "hertellingen", value=s.revotes)
        reason = _hidden(min(s.answers_before, s.answers_after), k)
        row("verschuiving", where, "antwoorden_voor", value=s.answers_before)
        dist("verschuiving", where, "voor", s.before, reason)
        row("verschuiving", where, "antwoorden_na", value=s.answers_after)
        dist("verschuiving", where, "na", s.after, reason)
    for p in report.pulse:
        where = (None, p.question, p.title, span, None)
        row("meldklimaat", where, "antwoorden", value=p.answers)
        dist("meldklimaat", where, "stemmen", p.counts, _hidden(p.answers, k))
        for q in p.quarters:
            where = (None, p.question, p.title, q.quarter, None)
            row("meldklimaat", where, "antwoorden", value=q.answers)
            dist("meldklimaat", where, "stemmen", q.counts, _hidden(q.answers, k))
    for n, sess in enumerate(report.sessions, start=1):
        where = (None, n, None, sess.month, None)
        row("sessie", where, "team", value=sess.team)
        row("sessie", where, "deelnemers", value=sess.participants)
        row("sessie", where, "rondes", value=sess.rounds)
        row("sessie", where, "afgerond", value=sess.completed)
    if report.with_notes:
        for g in report.notes:
            for note in g.notes:
                row("notitie", (g.deck, g.dilemma, g.title, span, None), "notitie", value=note)
    return buf.getvalue()
