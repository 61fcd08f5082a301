"""What people really type in notes (issue: the kinds the scrubber used to miss), and the
ordinary text that must come through untouched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.scrub import BSN, EMAIL, NAME, PHONE, POSTCODE, REPLACEMENT, scrub

R = REPLACEMENT


@pytest.mark.parametrize(
    ("text", "expected", "labels"),
    [
        # phones
        ("Bel 0800-1234 voor hulp.", f"Bel {R} voor hulp.", (PHONE,)),
        ("Bel 0800 0113 of 113.", f"Bel {R} of 113.", (PHONE,)),
        ("Infolijn 0900-1234567.", f"Infolijn {R}.", (PHONE,)),
        ("nummer 06.12.34.56.78 klopt", f"nummer {R} klopt", (PHONE,)),
        ("bel 010 - 123 45 67 morgen", f"bel {R} morgen", (PHONE,)),
        ("bel 06 - 12 34 56 78 morgen", f"bel {R} morgen", (PHONE,)),
        ("Belgisch nummer +32 470 12 34 56.", f"Belgisch nummer {R}.", (PHONE,)),
        ("Duits: +49 30 1234567", f"Duits: {R}", (PHONE,)),
        ("+31 (0)6 12345678", R, (PHONE,)),
        ("+31 (0)6-1234 5678 graag", f"{R} graag", (PHONE,)),
        ("Bel haar (0513-123456) even.", f"Bel haar ({R}) even.", (PHONE,)),
        ("(0513) 12 34 56 is het nummer", f"{R} is het nummer", (PHONE,)),
        # postcode + house number
        ("woont op 1271 ab 14", f"woont op {R}", (POSTCODE,)),
        ("adres 1273EF3 dus", f"adres {R} dus", (POSTCODE,)),
        ("postcode 1272 CD, huisnummer 7", R, (POSTCODE,)),
        ("Dorpsstraat 12, 1234 ab Huizen", f"Dorpsstraat {R} Huizen", (POSTCODE,)),
        # BSN in groups
        ("BSN 616 682 360.", f"BSN {R}.", (BSN,)),
        ("bsn 588.868.917 klopt", f"bsn {R} klopt", (BSN,)),
        ("BSN 6166.82.360", f"BSN {R}", (BSN,)),
        # e-mail, also written out
        ("mail jan [at] huizen [punt] nl even", f"mail {R} even", (EMAIL,)),
        ("mail jan (at) huizen (dot) nl", f"mail {R}", (EMAIL,)),
        ("via l.o'neill@huizen.nl.", f"via {R}.", (EMAIL,)),
        # names with a clear cue
        ("Volgens mevrouw Bakker klopt het.", f"Volgens {R} klopt het.", (NAME,)),
        ("Meneer El Amrani belde.", f"{R} belde.", (NAME,)),
        ("dhr. J. de Vries was er ook", f"{R} was er ook", (NAME,)),
        ("collega Jan zei dat het mocht", f"collega {R} zei dat het mocht", (NAME,)),
        ("Jan de Vries zei dat het mocht", f"{R} zei dat het mocht", (NAME,)),
        ("Toen kwam Fatima Yilmaz binnen.", f"Toen kwam {R} binnen.", (NAME,)),
        ("teamleider Kees van der Berg", f"teamleider {R}", (NAME,)),
        ("de heer Van Dijk", f"{R}", (NAME,)),
    ],
)
def test_removed_in_every_notation(text: str, expected: str, labels: tuple[str, ...]) -> None:
    result = scrub(text)
    assert result.text == expected
    assert result.removed == labels


@pytest.mark.parametrize(
    "text",
    [
        "Een cadeau van €50 of 1.250 euro meld je.",
        "Op 12-03-2026 om 14:30 uur, 12.03.2026 of 06.12.2026.",
        "Dat is 85% van de 1200 mensen; in 2026 en 2027 meer.",
        "Volgens artikel 125quater van de Gemeentewet.",
        "Zaak Z 88955/878243 is afgesloten.",
        "Factuur 2026-00123 en factuurnummer F-2026-0457.",
        "KvK 12345678 en KvK-nummer 08001234.",
        "Btw-nummer NL123456789B01 staat op de factuur.",
        "Het nummer 123456789 haalt de elfproef niet.",
        "We liepen door de Dorpsstraat in Huizen naar het Oude Raadhuis.",
        "Publiekszaken en Openbare Werken speelden samen.",
        "De teamleider Publiekszaken zat erbij.",
        "Mijn collega Financiën vond het lastig.",
        "Maar Jan zei niets, en Fatima ook niet.",
        "Het team van 12 mensen in 2026 en 12 in 2027.",
        "In 1990 en 5 jaar later, 2026 op 3 plekken.",
        "Tussen 09.00 en 17.00 uur, of 0,50 per stuk.",
        "Kies Wat zegt de code? en daarna Maar wat als.",
        "Bel 113 of 0800 voor hulp.",
    ],
)
def test_ordinary_text_stays(text: str) -> None:
    result = scrub(text)
    assert result.text == text, result.removed
    assert result.removed == ()


_identifiers = st.sampled_from([
    "06.12.34.56.78", "010 - 123 45 67", "0800-1234", "+32 470 12 34 56", "+31 (0)6 12345678",
    "1271 ab 14", "1273EF3", "616 682 360", "588.868.917", "jan [at] huizen [punt] nl",
    "mevrouw Bakker", "Jan de Vries", "Fatima Yilmaz", "piet.jansen@huizen.nl",
])
_words = st.lists(st.sampled_from(["de", "het", "team", "2026", "€ 50", "artikel 12", "mensen",
                                   ",", "en", "zei", "Publiekszaken", "op 12-03-2026"]),
                  max_size=6).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(before=_words, secret=_identifiers, after=_words)
def test_no_identifier_survives_inside_a_longer_text(before: str, secret: str, after: str) -> None:
    result = scrub(f"{before} {secret} {after}.")
    core = secret.split()[-1] if secret.startswith(("mevrouw", "Jan", "Fatima")) else secret
    assert core not in result.text
    assert R in result.text


@settings(max_examples=200, deadline=None)
@given(before=_words, secret=_identifiers, after=_words)
def test_scrubbing_twice_changes_nothing(before: str, secret: str, after: str) -> None:
    once = scrub(f"{before} {secret} {after}")
    assert scrub(once.text).text == once.text
