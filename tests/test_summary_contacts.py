"""The summary's "Hulp en advies" shows what the WIO filled in, never its placeholders: the
summary is on the beamer and goes to the team (SPEC §4.5)."""

from __future__ import annotations

from dilemmas.config import DEFAULT_CONTACTS, Config, Contact
from sessions.model import SessionRecord
from sessions.summary import summary_html, summary_markdown

RECORD = SessionRecord(
    id="s1", kind="team", month="2026-12", team="Zaal", participants=5, deck_id="spel",
    deck_version="1", rounds=(), pulse=(),
)


def test_placeholders_are_left_out_of_both_exports() -> None:
    config = Config(contacts=DEFAULT_CONTACTS)
    for text in (summary_markdown(RECORD, {}, config), summary_html(RECORD, {}, config)):
        assert "invullen" not in text
        assert "Externe vertrouwenspersoon (integriteit en ongewenst gedrag)" in text
        assert "huisvoorklokkenluiders.nl" in text  # what is filled in stays


def test_a_filled_in_contact_shows_whole_and_a_half_filled_one_its_filled_part() -> None:
    config = Config(contacts=(
        Contact("Vertrouwenspersoon", "Anna de Vries", "06 1234 5678"),
        Contact("Woo-contactpersoon", "Piet Jansen", "[hoe je deze persoon bereikt invullen]"),
        Contact("[rol invullen]", "[naam invullen]", "[hoe je deze persoon bereikt invullen]"),
    ))
    markdown = summary_markdown(RECORD, {}, config)
    assert "- **Vertrouwenspersoon**: Anna de Vries — 06 1234 5678" in markdown
    assert "- **Woo-contactpersoon**: Piet Jansen" in markdown
    assert "invullen" not in markdown and "rol" not in markdown.split("Hulp en advies")[1]
