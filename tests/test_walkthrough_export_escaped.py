"""The walkthrough's exports show what was typed as typed: no HTML, link or image is run or
loaded from Markdown or HTML; the HTML page has the team summary's look."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmas.model import Answer, Dilemma, Option
from dilemmas.stappenplan import load_stappenplan
from game.rules.text import md_escape
from game.rules.walkthrough import WalkthroughState

PLAN = load_stappenplan()
SCRIPT = '<script>alert("wt")</script>'
IMAGE = "![img](http://evil.example/x.png)"
LINK = "[klik](http://evil.example/)"


def hostile_state() -> WalkthroughState:
    card = Dilemma(
        "d", "t", f"Titel {IMAGE}", f"Situatie {IMAGE} en <img src=x onerror=alert(1)>",
        "Wat doe je?", Answer("choice", (Option("A", f"Ik meld het {LINK}"),)),
        guidance=f"Lees {IMAGE}",
    )
    state = WalkthroughState.for_dilemma(PLAN, card)
    state.texts[PLAN.steps[0].id] = f"{SCRIPT}\nregel twee &lt; *niet vet*"
    state.stakeholders[0].who = f"de burger | {SCRIPT}"
    state.options[0].for_rules = IMAGE
    state.decision.option = "A"
    state.decision.because = SCRIPT
    state.justification.harm = LINK
    return state


def test_markdown_keeps_no_raw_html_no_image_and_no_link() -> None:
    md = hostile_state().summary_markdown()
    assert "<script>" not in md and "<img" not in md
    assert "![img](" not in md and "[klik](" not in md
    assert "&lt;script&gt;" in md


def test_html_runs_nothing_and_loads_nothing() -> None:
    page = hostile_state().summary_html("Gemeente Huizen")
    assert "<script" not in page
    assert "<img" not in page and "evil.example/x.png\"" not in page and 'href="http' not in page
    assert "&lt;script&gt;alert" in page  # shown as typed
    assert "Gemeente Huizen" in page
    assert "font-family: system-ui" in page  # the team summary's stylesheet
    assert "<table>" in page and "<td>de burger" in page


def test_escaped_text_reads_as_typed_when_rendered() -> None:
    from markdown_it import MarkdownIt

    typed = f"{SCRIPT} {IMAGE} *ster* _laag_ # kop | pijp &amp; P&O"
    rendered = MarkdownIt("commonmark", {"html": False}).render(md_escape(typed))
    import html as html_module
    import re

    text = html_module.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    assert text == typed


def test_checklist_shows_ticks_not_brackets() -> None:
    state = hostile_state()
    step = next(s for s in PLAN.steps if s.input.kind == "justification")
    state.justification.checked = [step.input.checklist[0]]
    md = state.summary_markdown()
    assert "☑" in md and "☐" in md and "[x]" not in md and "[ ]" not in md


async def test_the_summary_screen_shows_the_text_as_typed() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static
    from textual.widgets._markdown import MarkdownBlock

    from game.screens.walkthrough import WalkthroughSummaryScreen

    state = hostile_state()

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("onder")

        def on_mount(self) -> None:
            self.push_screen(WalkthroughSummaryScreen(state))

    app = Host()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        shown = "\n".join(
            str(block._content.plain) for block in app.screen.query(MarkdownBlock)
        )
        assert SCRIPT in shown
        assert IMAGE in shown


PIECES = st.sampled_from(
    ["<", ">", "[", "]", "(", ")", "!", "*", "_", "`", "&", "#", "|", "\\", "\n", " ", "-",
     "script", "img src=x onerror=alert(1)", "http://evil.example/x.png", "javascript:",
     "a", "<script>", "![x](y)", "[x](y)", "<http://evil.example>", "&lt;", "&#60;"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_no_typed_text_becomes_html_an_image_or_a_link(typed: str) -> None:
    from markdown_it import MarkdownIt

    # Even a viewer that lets raw HTML through gets none from the export.
    rendered = MarkdownIt("commonmark", {"html": True}).render(md_escape(typed))
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered


def test_only_a_real_entity_is_escaped_so_the_file_reads_as_the_deck() -> None:
    """"vraag dan P&O; …" is no HTML entity: the Markdown file keeps "P&O;" as written (it
    read "P&amp;O;"), while "&amp;" and "&#60;" typed as text are still kept from turning
    into "&" and "<"."""
    from markdown_it import MarkdownIt

    assert md_escape("vraag dan P&O; een kandidaat") == "vraag dan P&O; een kandidaat"
    for typed in ("P&O; en &amp; en &#60; en &copy;", "&O; &x;"):
        rendered = MarkdownIt("commonmark", {"html": False}).render(md_escape(typed))
        import html as html_module
        import re

        assert html_module.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == typed
