"""The free-text scrubber: what is removed, what stays, and that scrubbing twice changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.scrub import BSN, EMAIL, IBAN, PHONE, POSTCODE, REPLACEMENT, scrub, scrub_tree


@pytest.mark.parametrize(
    ("text", "expected", "labels"),
    [
        ("Mail jan.de.vries@huizen.nl even", f"Mail {REPLACEMENT} even", (EMAIL,)),
        ("a.b+wio@sub.gemeente-huizen.nl", REPLACEMENT, (EMAIL,)),
        ("Bel 06-12345678.", f"Bel {REPLACEMENT}.", (PHONE,)),
        ("06 1234 5678", REPLACEMENT, (PHONE,)),
        ("0612345678", REPLACEMENT, (PHONE,)),
        ("06 12 34 56 78", REPLACEMENT, (PHONE,)),
        ("+31 6 12345678", REPLACEMENT, (PHONE,)),
        ("+31612345678", REPLACEMENT, (PHONE,)),
        ("+31 (0)20 123 4567", REPLACEMENT, (PHONE,)),
        ("0031 6 12345678", REPLACEMENT, (PHONE,)),
        ("020-1234567", REPLACEMENT, (PHONE,)),
        ("(020) 123 4567", REPLACEMENT, (PHONE,)),
        ("0598-123456", REPLACEMENT, (PHONE,)),
        ("NL91ABNA0417164300", REPLACEMENT, (IBAN,)),
        ("rekening NL91 ABNA 0417 1643 00 graag", f"rekening {REPLACEMENT} graag", (IBAN,)),
        ("nl91abna0417164300", REPLACEMENT, (IBAN,)),
        ("DE89 3704 0044 0532 0130 00", REPLACEMENT, (IBAN,)),
        ("BE68 5390 0754 7034", REPLACEMENT, (IBAN,)),
        ("1234 AB 12", REPLACEMENT, (POSTCODE,)),
        ("1234AB 5a", REPLACEMENT, (POSTCODE,)),
        ("woont op Dorpsstraat 12, 1234 AB Huizen", f"woont op Dorpsstraat {REPLACEMENT} Huizen", (POSTCODE,)),
        ("Oude Raadhuis 2-4, 1271 AB", f"Oude Raadhuis {REPLACEMENT}", (POSTCODE,)),
        ("1271 AB 12-14", REPLACEMENT, (POSTCODE,)),
        ("BSN 111222333", f"BSN {REPLACEMENT}", (BSN,)),
        ("BSN 1112.22.333", f"BSN {REPLACEMENT}", (BSN,)),
        ("Jan (jan@x.nl, 06-12345678) en 123456782",
         f"Jan ({REPLACEMENT}, {REPLACEMENT}) en {REPLACEMENT}", (EMAIL, PHONE, BSN)),
    ],
)
def test_removed(text: str, expected: str, labels: tuple[str, ...]) -> None:
    result = scrub(text)
    assert result.text == expected
    assert result.removed == labels
    assert result.changed


@pytest.mark.parametrize(
    "text",
    [
        "In 2026 bespraken we 12 dilemma's met 9 mensen.",
        "Een geschenk boven € 50 of € 1.250,00 meld je.",
        "Volgens artikel 125 van de Gemeentewet.",
        "Op 01-02-2026 om 10:30 uur, en op 06-02-2026 10 uur.",
        "Op 12/03/2026 in zaal 0.12.",
        "Ordernummer 123456789 klopt niet met de elfproef.",
        "Een bedrag van € 111222333 is fictief.",
        "NL91ABNA0417164301 heeft een verkeerde controle.",
        "Postcode 1234 AB zonder huisnummer.",
        "Het team telde 0 meldingen en 1200 uren.",
        "Versie 2026.1 van het deck, kaart 3 van 12.",
        "Stemmen: A 3, B 5, C 1.",
        "0612345678901 is te lang voor een telefoonnummer.",
        "Hij zei: 'e-mail mij @ kantoor'.",
        "Zaak 2026/0123456 en WOO-verzoek 2026-000123, kosten 0,50 per stuk.",
        "Tussen 09.00 en 17.00, of 12-34-5678, of 2025 2026 2027 2028.",
        "Zie www.huizen.nl/integriteit voor de regels.",
    ],
)
def test_kept(text: str) -> None:
    result = scrub(text)
    assert result.text == text
    assert result.removed == ()
    assert not result.changed


def test_scrub_tree_scrubs_nested_strings() -> None:
    result = scrub_tree({"a": ["bel 06-12345678", 3, None], "b": {"c": "x@y.nl"}})
    assert result.value == {"a": [f"bel {REPLACEMENT}", 3, None], "b": {"c": REPLACEMENT}}
    assert result.removed == (PHONE, EMAIL)


# -- generated examples --------------------------------------------------------------------

_filler = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def _bsn(digits: list[int]) -> str | None:
    total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    return None if last == 10 or sum(digits) == 0 else "".join(map(str, digits)) + str(last)


def _iban(bank: str, account: str) -> str:
    rearranged = bank + account + "NL00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return f"NL{98 - number % 97:02d}{bank}{account}"


bsns = st.lists(st.integers(0, 9), min_size=8, max_size=8).map(_bsn).filter(lambda x: x is not None)
ibans = st.builds(
    _iban,
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4),
    st.text(alphabet="0123456789", min_size=10, max_size=10),
)
phones = st.builds(
    lambda d, fmt: fmt.format(d[:4], d[4:]),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.sampled_from(["06-{}{}", "06 {} {}", "06{}{}", "+31 6 {}{}", "+316{}{}"]),
)
emails = st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z]@[a-z]{2,10}\.(nl|com|org)", fullmatch=True)
words = st.lists(st.sampled_from(["de", "het", "team", "2026", "€ 50", "artikel 12", "12 mensen", ","]),
                 max_size=6).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(before=words, secret=st.one_of(bsns, ibans, phones, emails), after=words)
def test_personal_data_is_always_removed(before: str, secret: str, after: str) -> None:
    result = scrub(f"{before} {secret} {after}")
    assert secret not in result.text
    assert REPLACEMENT in result.text
    assert result.changed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 -+()@.,/abcNLAB€", max_size=60) | _filler)
def test_idempotent(text: str) -> None:
    once = scrub(text)
    twice = scrub(once.text)
    assert twice.text == once.text
    assert twice.removed == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_characters="0123456789@", exclude_categories=["Cs"]),
               max_size=80))
def test_text_without_digits_or_at_stays(text: str) -> None:
    assert scrub(text).text == text


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2100), st.integers(0, 99_999), st.integers(1, 999))
def test_years_amounts_and_articles_stay(year: int, euros: int, article: int) -> None:
    text = f"In {year} kostte het € {euros:,},00 (artikel {article})".replace(",", ".")
    assert scrub(text).text == text
