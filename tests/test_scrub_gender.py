"""A title that tells gender goes with the scrubbed name: in a team of one woman it is the name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessions.scrub import scrub

R = "[verwijderd]"
GENDERED = ("mevrouw", "Mevrouw", "mevr.", "mw.", "Mw.", "meneer", "Meneer", "mijnheer", "dhr.",
            "Dhr.", "de heer", "juffrouw")
NAMES = ("Bakker", "J. de Vries", "El Amrani", "van der Berg", "Yilmaz", "Jansen")


@given(st.sampled_from(GENDERED), st.sampled_from(NAMES))
def test_a_gendered_title_is_removed_with_the_name(title: str, name: str) -> None:
    result = scrub(f"Na de stemming zei {title} {name} niets meer.")
    assert result.text == f"Na de stemming zei {R} niets meer."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("collega Jan de Vries lachte", f"collega {R} lachte"),
        ("teamleider Kees van der Berg", f"teamleider {R}"),
        ("meneer Pietersen en mevr. Smit", f"{R} en {R}"),
        ("medewerkster Fatima Yilmaz belde", f"{R} belde"),
        ("mevrouw zei niets", "mevrouw zei niets"),  # no name: nothing to remove
    ],
)
def test_neutral_cues_stay_and_a_lone_title_is_kept(text: str, expected: str) -> None:
    assert scrub(text).text == expected
